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
  FL101: { kind: 'skipped', meaning: 'a file in a folder is not an article file (extension not .txt, .md, .docx, .odt, .html, .htm, .xhtml or .pdf), or is hidden (name starts with ".")', action: 'nothing, or name the file explicitly to read it anyway; listed only with --verbose' },
  FL102: { kind: 'fatal', meaning: 'no readable source is left after loading; the message lists why each input was skipped', action: 'name articles (.txt, .md, .docx, .odt, .html, .pdf) or URLs, or folders that contain them, and fix the reasons listed' },
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
  FL118: { kind: 'fatal', meaning: 'the library API (check()) was given an input or option of the wrong shape; the message names each field (the first 20, then how many more)', action: 'pass paths as strings and texts as { id, text, lang?, published?, byline?, story?, original? }; see CheckOptions' },
  FL119: { kind: 'skipped', meaning: 'a line of the text is longer than the line limit (default 1,000,000 characters, about 150,000 words): a generated or minified file, or text whose line breaks were lost; it is not analysed', action: 'break the text into lines (one paragraph a line), or raise the limit (maxLineLength)' },
  FL150: { kind: 'skipped', meaning: 'a document (.docx, .odt, .pdf) is damaged or not what its name says: not a valid ZIP or PDF file, a Word 97-2003 .doc renamed, XML that cannot be parsed', action: 'open it in its program and save it again (Word: .docx; LibreOffice: .odt), or export the article as .txt' },
  FL151: { kind: 'skipped', meaning: 'the document is encrypted or protected with a password', action: 'save an unprotected copy (Word: File > Info > Protect Document > Encrypt, clear the password) and check that' },
  FL152: { kind: 'skipped', meaning: 'the archive (.docx, .odt) would expand beyond the limit (256 MiB uncompressed): a zip bomb, or a document full of media', action: 'save the text without the media (or as .txt) and check that' },
  FL153: { kind: 'skipped', meaning: 'no article text was found: a web page whose main content is empty (an index, a login or error page), or a document with no paragraphs', action: 'save the article page itself (not a section front), or copy the article into a .txt file' },
  FL154: { kind: 'skipped', meaning: 'the PDF has no text layer (a scan or images only); nothing is guessed from the pictures', action: 'run OCR on it (e.g. ocrmypdf) or ask for the text version, and check that' },
  FL155: { kind: 'skipped', meaning: 'the web page has more elements than the limit (30,000), or nests them more than 128 levels deep, and is not parsed', action: 'save the article alone (the browser\'s reader view, or "Save as: text"), or copy the article into a .txt file' },
  FL156: { kind: 'warning', meaning: 'the page declares one language (<html lang>) but its text reads as another; the text\'s language is used', action: 'check the page\'s lang attribute; declare the language in the config\'s "languages" if the detection is wrong' },
  FL160: { kind: 'skipped', meaning: 'a URL whose scheme is not http or https (file:, ftp:, data:, …); it is not fetched', action: 'give an http:// or https:// address, or download the page and name the file' },
  FL161: { kind: 'skipped', meaning: 'the server answered a URL with an error status (404 Not Found, 403, 500, …)', action: 'check the address in a browser; a page behind a login or paywall must be saved from the browser and checked as a file' },
  FL162: { kind: 'skipped', meaning: 'a URL did not answer in time (default 20 seconds for the whole response)', action: 'try again, raise the limit (--timeout SECONDS), or save the page and check the file' },
  FL163: { kind: 'skipped', meaning: 'a URL\'s response is larger than the size limit (the file size limit, default 10 MiB); it is not read further', action: 'save the article alone and check the file, or raise the limit (--max-file-size)' },
  FL164: { kind: 'skipped', meaning: 'a URL redirects more than 5 times, or to an address that is not http or https', action: 'open the address in a browser and give the page\'s final address' },
  FL165: { kind: 'skipped', meaning: 'a URL cannot be reached: unknown host, connection refused or reset, TLS error', action: 'check the address and the network; save the page and check the file if the site is unreachable from here' },
  FL166: { kind: 'skipped', meaning: 'a URL answered with content that is not an article (an image, a video, JSON, a zip…)', action: 'give the address of the article page itself' },
} as const satisfies Record<string, CodeInfo>;

export type LoadCode = keyof typeof LOAD_CODES;
