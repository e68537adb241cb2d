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

  /**
   * One line (plus a hint line) for people: code, where, what, what to do. `show` escapes the file name and the
   * texts for where they are printed (the CLI: control characters made visible, nothing a CI runner would obey).
   */
  format(show: { name: (s: string) => string; text: (s: string) => string } = { name: (s) => s, text: (s) => s }): string {
    const where = this.file ? `${show.name(this.file)}${this.line !== undefined ? `:${this.line}` : ''}: ` : '';
    return `error ${this.code}: ${where}${show.text(this.message)}${this.hint ? `\n  hint: ${show.text(this.hint)}` : ''}`;
  }
}

export const isFactlintError = (e: unknown): e is FactlintError => e instanceof FactlintError;

/** How a code affects a run: `fatal` stops it (exit 2), `skipped` drops one input, `warning` keeps the input with a note. */
export type CodeKind = 'fatal' | 'skipped' | 'warning';

export interface CodeInfo {
  kind: CodeKind;
  /** What happened, in a few words. */
  meaning: string;
  /** What the user can do about it. */
  action: string;
}

/**
 * The error constructor of one table of codes: the hint defaults to the code's action, so a message need only say
 * what went wrong here.
 */
export const errorsOf = <C extends string>(table: Readonly<Record<C, CodeInfo>>) =>
  (code: C, message: string, file: string, line?: number, hint?: string): FactlintError =>
    new FactlintError(code, message, file, line, hint ?? table[code].action);

/** Codes of the load stage (reading files and folders, decoding bytes). docs/errors.md has one row per code; a test checks it. */
export const LOAD_CODES = {
  FL100: { kind: 'fatal', meaning: 'a named file or folder does not exist', action: 'check the path (it is relative to the working directory)' },
  FL101: { kind: 'skipped', meaning: 'a file in a folder is not a text file (extension not .txt or .md), or is hidden (name starts with ".")', action: 'nothing, or name the file explicitly to read it anyway; listed only with --verbose' },
  FL102: { kind: 'fatal', meaning: 'no readable source is left after loading; the message lists why each input was skipped', action: 'name .txt or .md files, or folders that contain them, and fix the reasons listed' },
  FL103: { kind: 'skipped', meaning: 'the file is empty (0 bytes, or only a byte order mark)', action: 'fill in or remove the file' },
  FL104: { kind: 'skipped', meaning: 'the file contains only whitespace', action: 'fill in or remove the file' },
  FL105: { kind: 'skipped', meaning: 'the file is binary: a PDF, image, archive or Office document signature, NUL bytes, or many control characters', action: 'export the article as plain text (.txt) or Markdown (.md)' },
  FL106: { kind: 'skipped', meaning: 'the file is larger than the size limit (default 10 MiB); it is not read', action: 'split the file, or raise the limit (maxFileSize)' },
  FL107: { kind: 'skipped', meaning: 'the file or folder cannot be read (permission denied or an I/O error)', action: 'fix the permissions (chmod a+r) or copy the file somewhere readable' },
  FL108: { kind: 'skipped', meaning: 'a symbolic link is broken, or loops back to a folder that contains it', action: 'remove or repair the link' },
  FL109: { kind: 'fatal', meaning: 'the named folders hold more files than the limit (default 20,000)', action: 'name a narrower folder, or raise the limit (maxFiles)' },
  FL110: { kind: 'warning', meaning: 'invalid UTF-8 (or UTF-16) bytes were replaced with U+FFFD; the warning gives the line of the first', action: 'open the file at that line and re-save it as UTF-8' },
  FL111: { kind: 'warning', meaning: 'the file was decoded as UTF-16 without a byte order mark (guessed)', action: 'convert the file to UTF-8' },
  FL112: { kind: 'warning', meaning: 'the file is not UTF-8; it was decoded in the legacy encoding named (guessed, with the detector\'s confidence)', action: 'check the text looks right, then convert the file to UTF-8 (e.g. iconv -f windows-1251 -t utf-8)' },
  FL113: { kind: 'fatal', meaning: 'two sources share an id (in-memory sources given to the library API; raised by check())', action: 'give every in-memory source a unique id' },
  FL114: { kind: 'fatal', meaning: 'an in-memory source given to the library API has a publication date that is not yyyy-mm-dd (raised by check())', action: 'give the publication date as an ISO date, e.g. 2024-03-14' },
  FL115: { kind: 'skipped', meaning: 'not a regular file (a device, named pipe or socket); it is never opened', action: 'name regular files only' },
  FL116: { kind: 'fatal', meaning: 'a folder was given where a file is expected (an option such as --baseline)', action: 'name a file inside the folder' },
  FL117: { kind: 'fatal', meaning: 'a file was given where a folder is expected', action: 'name the folder that contains the file' },
  FL118: { kind: 'fatal', meaning: 'the library API (check()) was given an input or option of the wrong shape; the message names each field', action: 'pass paths as strings and texts as { id, text, lang?, published?, byline?, story?, original? }; see CheckOptions' },
} as const satisfies Record<string, CodeInfo>;

export type LoadCode = keyof typeof LOAD_CODES;
