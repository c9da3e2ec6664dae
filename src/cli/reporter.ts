import type { Writable } from 'node:stream';
import { formatInputError, formatWarning, type Palette } from '../report/index.ts';
import type { Warning } from '../schema/index.ts';

/**
 * The one writer of diagnostics to stderr, for every command and both the sequential and the
 * worker paths: it counts what it reports, and a stderr that went away (`2>&1 | head -1`) only
 * silences it: the run and its output go on.
 */
export class Reporter {
  readonly #stderr: Writable;
  readonly #quiet: boolean;
  readonly palette: Palette;
  #closed = false;
  failed = 0;
  warnings = 0;

  constructor(stderr: Writable, palette: Palette, options: { quiet?: boolean } = {}) {
    this.#stderr = stderr;
    this.palette = palette;
    this.#quiet = options.quiet ?? false;
    stderr.on('error', () => {
      this.#closed = true;
    });
  }

  /** Writes one line of the report. */
  line(text: string): void {
    if (this.#closed || this.#stderr.destroyed) return;
    try {
      this.#stderr.write(`${text}\n`);
    } catch {
      this.#closed = true;
    }
  }

  /** A document's warnings (infos are not reported), counted even when --quiet hides them. */
  documentWarnings(display: string, warnings: readonly Warning[]): void {
    for (const warning of warnings) {
      if (warning.severity === 'info') continue;
      this.warnings++;
      if (!this.#quiet) this.line(formatWarning(display, warning, this.palette));
    }
  }

  /** One input that failed: `policy-extract: file: reason`. */
  inputFailed(display: string, reason: string): void {
    this.failed++;
    this.line(formatInputError(display, reason, this.palette));
  }
}
