/**
 * User-facing errors. Every code is listed in the README's "Limits and errors" section.
 * The CLI prints `factlint: error FLxxx: <file>[:<line>]: <message>` and exits 2, with no stack trace.
 */
export class FactlintError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly file?: string,
    readonly line?: number,
    /** What the user can do about it. */
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'FactlintError';
  }

  /** One line (plus a hint line) for people: code, where, what, what to do. */
  format(): string {
    const where = this.file ? `${this.file}${this.line !== undefined ? `:${this.line}` : ''}: ` : '';
    return `error ${this.code}: ${where}${this.message}${this.hint ? `\n  hint: ${this.hint}` : ''}`;
  }
}

export const isFactlintError = (e: unknown): e is FactlintError => e instanceof FactlintError;
