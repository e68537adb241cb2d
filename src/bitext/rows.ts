import type { CodeInfo } from '../errors.js';
import { errorsOf } from '../errors.js';
import type { PairRow } from '../model/unit.js';

/** One translation unit: a text and its translation (a unit of a segment file, as the check takes it). */
export type BitextRow = PairRow;

export type BitextFormat = 'tsv' | 'jsonl' | 'po' | 'xliff' | 'tmx';

/**
 * The rows of a bitext file. Iterate with `for await`: every format is read as a stream as you iterate (and read
 * again if iterated again), in memory bounded by a chunk of the file, not by the file. TSV and JSONL are read once,
 * so errors in later lines surface during iteration; PO, XLIFF and TMX are first read through once before
 * `readBitext` returns, which refuses a malformed file before any row is taken and counts the rows (`count`).
 */
export interface BitextRows extends AsyncIterable<BitextRow> {
  format: BitextFormat;
  /** The file as named in messages (relative to the working directory, forward slashes). */
  file: string;
  /** The file-level languages, where the file (or the options) name one. */
  leftLang?: string;
  rightLang?: string;
  /** Decoding notes (FL110–FL112) for the caller to print. */
  warnings: string[];
  /** The number of rows, for the formats read through before iteration (PO, XLIFF, TMX). */
  count?: number;
}

export interface BitextOptions {
  /** TSV column or JSONL field with the text (default: the first column/field that is not the id). */
  left?: string;
  /** TSV column or JSONL field with the translation (default: the next column/field). */
  right?: string;
  /** TSV column or JSONL field with the row id (default: a column/field named "id", else `row-<line>`). */
  id?: string;
  /** Languages of the two sides, overriding what the file says. In TMX they choose which `<tuv>`s are the sides. */
  leftLang?: string;
  rightLang?: string;
  /** Folder relative paths are resolved against. Default: the working directory. */
  cwd?: string;
  /** Largest bitext file read, in bytes (FL106), whatever its format. Default 10 MiB. */
  maxFileSize?: number;
}

/** Codes of the bitext readers. docs/workflow.md has one row per code; a test checks it. */
export const BITEXT_CODES = {
  FL700: { kind: 'fatal', meaning: 'not a bitext file: the extension is not .tsv, .jsonl, .po, .xlf, .xliff or .tmx', action: 'convert the file to one of these formats, or rename it if it is one' },
  FL701: { kind: 'fatal', meaning: 'an XLIFF or TMX file is not well-formed XML, declares an entity from outside the file (XXE) or a parameter entity, or expands entities beyond the limits; the message gives the line and what is wrong', action: 'fix the XML at that line (an unclosed tag, a bare "&" or "<" in text)' },
  FL702: { kind: 'fatal', meaning: 'the XML is well-formed but is not the expected document: wrong root element, unsupported XLIFF version, a TMX <tuv> without a language', action: 'export the file again as XLIFF 1.2/2.x or TMX 1.4 from the translation tool' },
  FL703: { kind: 'fatal', meaning: 'a PO file cannot be parsed (a keyword that is none of msgctxt, msgid, msgid_plural, msgstr); the message gives the line', action: 'fix the entry (often an unescaped quote in a msgid or msgstr); `msgfmt -c file.po` shows the same problem' },
  FL704: { kind: 'fatal', meaning: 'a TSV file has no header row with two text columns, or a row has a different number of columns than the header', action: 'give the file a header row naming its columns; a tab inside a text splits it, so replace tabs in texts with spaces' },
  FL705: { kind: 'fatal', meaning: 'a JSONL line is not a JSON object', action: 'put exactly one JSON object on each line (blank lines are ignored)' },
  FL706: { kind: 'fatal', meaning: 'the text column or field named (--left/--right/--id) is not in the file, or a row lacks it or has a non-string value there', action: 'check the names against the header (TSV) or the first row (JSONL); the message lists the names the file has' },
  FL707: { kind: 'fatal', meaning: 'two units of the file have the same id', action: 'give every unit a unique id (in TSV and JSONL, or leave out the id column or field to number rows by line)' },
  FL708: { kind: 'fatal', meaning: 'a bitext file (.tsv, .jsonl, .po, .xlf, .xliff, .tmx) was named among other inputs or with --against: a bitext file is checked unit by unit, on its own', action: 'check each bitext file with its own command (factlint check translation.po); give articles as .txt or .md files' },
} as const satisfies Record<string, CodeInfo>;

export type BitextCode = keyof typeof BITEXT_CODES;

export const bitextError = errorsOf(BITEXT_CODES);

/** The field (JSONL) or column (TSV) that gives a unit its id when the `id` option names none and the file has it. */
export const DEFAULT_ID_FIELD = 'id';

/** A unit id from a JSONL field's value: a non-blank string (trimmed) or a number; anything else is no id. */
export function idValue(v: unknown): string | undefined {
  if (typeof v === 'string' && v.trim() !== '') return v.trim();
  if (typeof v === 'number') return String(v);
  return undefined;
}

/** Remembers ids and where they were seen; a second use of an id is FL707. */
export class IdRegistry {
  private readonly seen = new Map<string, number | undefined>();

  /** `hint` says what to do about a duplicate (the default fits files whose format has unit ids). */
  constructor(
    private readonly file: string,
    private readonly hint = 'give every unit a unique id',
  ) {}

  add(id: string, line?: number): void {
    if (this.seen.has(id)) {
      const first = this.seen.get(id);
      const where = (l: number | undefined): string => (l === undefined ? '' : ` on line ${l}`);
      throw bitextError('FL707', `id "${id}" is used twice (first${where(first)}, again${where(line)})`, this.file, line, this.hint);
    }
    this.seen.set(id, line);
  }
}

/**
 * Runs checks that may fail, keeping the first failure instead of throwing it: a reader's first pass reads the whole
 * file before it reports what is wrong with a unit, so that an error of the file itself (not well-formed) comes first,
 * as it did when files were parsed whole. After a failure the checks are not run again.
 */
export class FirstError<T> {
  private error: unknown;
  private failed = false;

  constructor(private readonly target: T) {}

  run(check: (target: T) => void): void {
    if (this.failed) return;
    try {
      check(this.target);
    } catch (e) {
      this.failed = true;
      this.error = e;
    }
  }

  /** Throws the failure kept, if any. */
  rethrow(): void {
    if (this.failed) throw this.error;
  }
}

/**
 * Text of an XML element as a row carries it: runs of whitespace (line breaks and indentation of pretty-printed
 * files) become one space, and the ends are trimmed. Texts from TSV, JSONL and PO are kept exactly as written.
 */
export const tidy = (s: string): string => s.replace(/\s+/gu, ' ').trim();

/** Builds a row, leaving out the optional fields that are unknown. */
export function row(
  id: string, left: string, right: string,
  extra: { leftLang?: string | undefined; rightLang?: string | undefined; line?: number | undefined; leftLine?: number | undefined; rightLine?: number | undefined },
): BitextRow {
  const r: BitextRow = { id, left, right };
  if (extra.leftLang !== undefined) r.leftLang = extra.leftLang;
  if (extra.rightLang !== undefined) r.rightLang = extra.rightLang;
  if (extra.line !== undefined) r.line = extra.line;
  // Only where a side's text is on another line than the unit's start: TSV and JSONL rows are one line.
  if (extra.leftLine !== undefined && extra.leftLine !== extra.line) r.leftLine = extra.leftLine;
  if (extra.rightLine !== undefined && extra.rightLine !== extra.line) r.rightLine = extra.rightLine;
  return r;
}

/** Wraps rows already in memory. */
export function fromArray(meta: Omit<BitextRows, typeof Symbol.asyncIterator | 'count'>, rows: readonly BitextRow[]): BitextRows {
  return {
    ...meta,
    count: rows.length,
    async *[Symbol.asyncIterator]() {
      yield* rows;
    },
  };
}

/** All the rows, in file order. */
export async function toArray(rows: AsyncIterable<BitextRow>): Promise<BitextRow[]> {
  const out: BitextRow[] = [];
  for await (const r of rows) out.push(r);
  return out;
}
