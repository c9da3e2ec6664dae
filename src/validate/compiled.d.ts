// Types of the generated validator (compiled.js, written by scripts/generate-validator.ts).
import type { ShapeError } from './violations.ts';

/** True when `data` fits; otherwise false, with what failed in `errors`. */
export interface ShapeCheck {
  (data: unknown): boolean;
  errors?: readonly ShapeError[] | null;
}

export const validateDocumentShape: ShapeCheck;
export const validateOutputShape: ShapeCheck;
export const validateNdjsonRecordShape: ShapeCheck;
