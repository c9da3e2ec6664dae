/** Temporary output files still being written, so that a signal can remove them. */
export const pendingTemporaries = new Set<string>();
