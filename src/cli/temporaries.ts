/** Temporary output files still being written, so that Ctrl-C can remove them. */
export const pendingTemporaries = new Set<string>();
