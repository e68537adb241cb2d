import type { GetTextTranslations } from 'gettext-parser';
import { readWhole } from './input.js';
import { primaryLanguage } from './lang.js';
import { bitextError, fromArray, row, type BitextOptions, type BitextRow, type BitextRows } from './rows.js';

/** Where a PO entry is: the line it starts on (msgctxt or msgid), and the lines of its msgid and first msgstr. */
export interface PoEntryLines {
  line: number;
  msgidLine: number;
  msgstrLine?: number;
}

/** The key of an entry in `poEntryLines`: its context and msgid, as gettext-parser reads them. */
export const poEntryKey = (msgctxt: string | undefined, msgid: string): string => `${msgctxt ?? ''}\u0004${msgid}`;

/** Characters per part when a PO text is parsed in parts (`readPo`). */
const PO_PART = 1 << 20;

/** Where a PO text may be cut so that gettext-parser reads each part as it reads that stretch of the whole. */
export interface PoCut {
  /** Offset of the first character of an entry (its first comment, msgctxt or msgid) after a complete entry. */
  offset: number;
  /** Its 1-based line. */
  line: number;
}

export interface PoLexed {
  /** The lines of each entry, by `poEntryKey`. */
  lines: Map<string, PoEntryLines>;
  /** Places to cut the text into parts of about `chunk` characters (see `lexPo`), in order. */
  cuts: PoCut[];
}

const WHITESPACE = /\s/u;
/** The keywords gettext-parser knows (its `keyNames`). */
const KEY_NAME = /^(?:msgctxt|msgid(?:_plural)?|msgstr(?:\[\d+\])?)$/u;
/** `/\s/` on one UTF-16 unit, as gettext-parser tests it, without a regular expression for ASCII. */
const isSpace = (c: number): boolean => c === 32 || (c >= 9 && c <= 13) || (c > 127 && WHITESPACE.test(String.fromCharCode(c)));
/** gettext-parser's key characters, `[\w\-[\]]`: ASCII letters, digits, `_`, `-`, `[`, `]`. */
const isKeyChar = (c: number): boolean =>
  (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 45 || c === 91 || c === 93;

/**
 * Reads a PO text the way gettext-parser's lexer does (keywords, "…" or '…' strings with \t \n \r and other escapes,
 * # comments, #~ obsolete entries, which are left out), in one pass whose time is linear in the text (runs of string
 * text are copied as slices), and gives:
 * - the lines of each entry, joining each entry's strings as gettext-parser does, so the keys are the msgctxt and msgid
 *   it returns; of two entries with one key, the last wins, as in gettext-parser;
 * - places to cut the text every `chunk` characters or so: before the first token (comment, msgctxt or msgid) of an
 *   entry that follows a complete one (its last token a string of a msgstr). gettext-parser joins comments to the next
 *   keyword and strings to the last keyword, and an entry ends at the next msgid or msgctxt, so each part parses as
 *   the same entries as in the whole text: a PO file can be parsed part by part, in bounded memory.
 */
export function lexPo(text: string, chunk = Infinity): PoLexed {
  interface Keyword { name: string; line: number; value: string; obsolete: boolean }
  // The keyword being read (its strings are appended to its value); each is taken into its entry when the next one
  // starts (`take`, below), so memory holds one keyword's strings, not the whole file's.
  let last: Keyword | undefined;
  const cuts: PoCut[] = [];
  let lastCut = 0;
  // The last token, and the last keyword: a string after a msgstr keyword may end an entry.
  let lastToken: 'none' | 'comment' | 'key' | 'string' = 'none';
  let lastKey = '';
  // A place to cut, kept once the part it starts is seen to begin as an entry does: comments, then msgctxt and its
  // strings or not, then msgid. (A string or a msgstr before that msgid belongs, in the whole text, to the entry
  // before: gettext-parser joins it to the last keyword.)
  let pending: (PoCut & { ctx: boolean }) | undefined;
  const token = (kind: 'comment' | 'key' | 'string', offset: number, line: number, key = ''): void => {
    if (pending) {
      if (kind === 'string' && !pending.ctx) pending = undefined;
      else if (kind === 'key') {
        if (key === 'msgid') { cuts.push({ offset: pending.offset, line: pending.line }); lastCut = pending.offset; pending = undefined; }
        else if (key === 'msgctxt') pending.ctx = true;
        else pending = undefined;
      }
    } else if (kind !== 'string' && lastToken === 'string' && lastKey.startsWith('msgstr') && offset - lastCut >= chunk) {
      pending = { offset, line, ctx: false };
      if (kind === 'key') token(kind, offset, line, key);
    }
    lastToken = kind;
    if (kind === 'key') lastKey = key;
  };
  const lines = new Map<string, PoEntryLines>();
  let context: Keyword | undefined;
  let entry: (PoEntryLines & { key: string; obsolete: boolean }) | undefined;
  const close = (): void => {
    if (entry && !entry.obsolete) lines.set(entry.key, { line: entry.line, msgidLine: entry.msgidLine, ...(entry.msgstrLine !== undefined ? { msgstrLine: entry.msgstrLine } : {}) });
  };
  const take = (k: Keyword): void => {
    const name = k.name.toLowerCase();
    if (name === 'msgctxt') context = k;
    else if (name === 'msgid') {
      close();
      entry = { key: poEntryKey(context?.value || undefined, k.value), line: context?.line ?? k.line, msgidLine: k.line, obsolete: k.obsolete };
      context = undefined;
    } else if (name === 'msgid_plural') context = undefined;
    else if (name.startsWith('msgstr')) {
      if (entry && entry.msgstrLine === undefined) entry.msgstrLine = k.line;
      context = undefined;
    }
  };
  let broken = false;
  let state: 'none' | 'obsolete' | 'comment' | 'string' = 'none';
  let line = 1;
  let quote = 0;
  let escaped = false;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    let c = text.charCodeAt(i);
    if (state === 'none' || state === 'obsolete') {
      if (c === 34 || c === 39) { quote = c; escaped = false; state = 'string'; token('string', i, line); }
      else if (c === 35 /* # */) {
        token('comment', i, line);
        // A comment's first character (after any CR) may make it "#~": the keywords that follow are obsolete.
        let j = i + 1;
        while (j < n && text.charCodeAt(j) === 13) j++;
        if (j < n && text.charCodeAt(j) === 126 /* ~ */) { state = 'obsolete'; i = j; continue; }
        const eol = text.indexOf('\n', i + 1);
        if (eol < 0) { state = 'comment'; break; }
        i = eol;
        c = 10;
        state = 'none';
      } else if (c === 124 /* | */ && state === 'obsolete') {
        token('comment', i, line);
        const eol = text.indexOf('\n', i + 1);
        if (eol < 0) { state = 'comment'; break; }
        i = eol;
        c = 10;
        state = 'none';
      } else if (!isSpace(c)) {
        let j = i + 1;
        while (j < n && isKeyChar(text.charCodeAt(j))) j++;
        const name = text.slice(i, j);
        // gettext-parser refuses a keyword it does not know when it reads the character after it: such a text is
        // not cut, so that its error is the one a parse of the whole text gives.
        if (j < n && !KEY_NAME.test(name)) broken = true;
        token('key', i, line, name.toLowerCase());
        if (last) take(last);
        last = { name, line, value: '', obsolete: state === 'obsolete' };
        state = 'none';
        i = j - 1; // the character after the keyword is read again in the new state
        continue;
      }
    } else {
      // In a string: copy the run up to the next quote, backslash or line break in one slice.
      if (escaped) {
        if (last) last.value += c === 116 ? '\t' : c === 110 ? '\n' : c === 114 ? '\r' : c === 10 ? '' : text[i];
        escaped = false;
      } else if (c === quote) state = 'none';
      else if (c === 92 /* \\ */) escaped = true;
      else if (c === 10) { if (last) last.value += '\n'; }
      else {
        let j = i + 1;
        while (j < n) {
          const d = text.charCodeAt(j);
          if (d === quote || d === 92 || d === 10) break;
          j++;
        }
        if (last) last.value += text.slice(i, j);
        i = j - 1;
        c = text.charCodeAt(i);
      }
    }
    if (c === 10) line++;
  }

  if (last) take(last);
  close();
  return { lines, cuts: broken ? [] : cuts };
}

/**
 * The lines of the entries of a PO text, by `poEntryKey`. gettext-parser does not report where an entry is, so this
 * reads the text again the way its lexer does (`lexPo`).
 */
export const poEntryLines = (text: string): Map<string, PoEntryLines> => lexPo(text).lines;

type GettextPo = typeof import('gettext-parser').po;

export interface PoTable {
  /** gettext-parser's table (headers and translations), as one parse of the whole text gives it. */
  parsed: GetTextTranslations;
  /** The lines of each entry (`lexPo`). */
  lines: Map<string, PoEntryLines>;
}

/**
 * Parses a PO text with gettext-parser in parts of about `part` characters, cut where each part reads as that
 * stretch of the whole (`lexPo`): gettext-parser keeps a token list about 30 times the size of what it parses (650 MB
 * for a 21 MB translation memory), so a large file is parsed in bounded memory. The table is the one a parse of the
 * whole text gives; an error's line (`lineNumber` and the message) is the line in the whole text.
 */
export function parsePo(po: GettextPo, text: string, part = PO_PART): PoTable {
  const { lines, cuts } = lexPo(text, part);
  const parsed: GetTextTranslations = { charset: 'utf-8', headers: {}, translations: {} };
  let headers: GetTextTranslations['headers'] | undefined;
  const bounds = [{ offset: 0, line: 1 }, ...cuts, { offset: text.length, line: 0 }];
  for (let k = 0; k + 1 < bounds.length; k++) {
    const from = bounds[k]!;
    let table: GetTextTranslations;
    try {
      table = po.parse(text.slice(from.offset, bounds[k + 1]!.offset));
    } catch (e) {
      const err = e as Error & { lineNumber?: number };
      if (typeof err.lineNumber === 'number' && from.line > 1) {
        err.message = err.message.replace(/ at line (\d+)/u, (_m, l: string) => ` at line ${Number(l) + from.line - 1}`);
        err.lineNumber += from.line - 1;
      }
      throw err;
    }
    headers ??= table.headers as GetTextTranslations['headers'] | undefined;
    // As gettext-parser fills its table: contexts and msgids in the order first seen, a later entry with the same
    // key replacing the earlier one in its place, keys defined (a msgid "__proto__" is a key like any other).
    for (const [ctx, entries] of Object.entries(table.translations)) {
      if (!Object.hasOwn(parsed.translations, ctx)) Object.defineProperty(parsed.translations, ctx, { value: {}, writable: true, enumerable: true, configurable: true });
      const into = parsed.translations[ctx]!;
      for (const [id, entry] of Object.entries(entries)) Object.defineProperty(into, id, { value: entry, writable: true, enumerable: true, configurable: true });
    }
  }
  parsed.headers = headers ?? {};
  return { parsed, lines };
}

/**
 * Gettext PO (.po): msgid → left, msgstr → right (the singular form for plural entries). The header entry
 * (empty msgid) and untranslated entries are skipped; fuzzy entries are kept (they are translations awaiting
 * review, which is what a check is for); obsolete (#~) entries are not read. The header's `Language` gives the
 * right side's language, `X-Source-Language` the left's. Rows have the line of their entry (msgctxt or msgid) and
 * of its msgid and msgstr (`poEntryLines`); their ids are `unit-<n>`, numbering every entry after the header,
 * translated or not, in the order gettext-parser returns them (by context, then file order).
 */
export async function readPo(path: string, opts: BitextOptions = {}): Promise<BitextRows> {
  const input = await readWhole(path, 'PO file', opts);
  const file = input.id;
  // Loaded here, on first use: a check of plain text files never needs the parser.
  const { po } = await import('gettext-parser');
  let table: PoTable;
  try {
    table = parsePo(po, input.text);
  } catch (e) {
    const err = e as Error & { lineNumber?: number };
    throw bitextError('FL703', `not a valid PO file: ${err.message.replace(/^Error parsing PO data: /, '')}`, file, typeof err.lineNumber === 'number' ? err.lineNumber : undefined);
  }
  const { parsed, lines } = table;
  const header = (name: string): string | undefined => {
    const key = Object.keys(parsed.headers).find((k) => k.toLowerCase() === name.toLowerCase());
    const v = key !== undefined ? parsed.headers[key]?.trim() : undefined;
    return v ? v : undefined;
  };
  const leftLang = opts.leftLang ?? primaryLanguage(header('X-Source-Language'));
  const rightLang = opts.rightLang ?? primaryLanguage(header('Language'));

  const rows: BitextRow[] = [];
  let n = 0;
  for (const context of Object.values(parsed.translations)) {
    for (const entry of Object.values(context)) {
      if (entry.msgid === '') continue; // the header entry (or an empty msgid in another context)
      n++;
      const right = entry.msgstr[0] ?? '';
      if (right.trim() === '' || entry.msgid.trim() === '') continue;
      const at = lines.get(poEntryKey(entry.msgctxt, entry.msgid));
      rows.push(row(`unit-${n}`, entry.msgid, right, { leftLang, rightLang, line: at?.line, leftLine: at?.msgidLine, rightLine: at?.msgstrLine }));
    }
  }
  return fromArray(
    { format: 'po', file, ...(leftLang !== undefined ? { leftLang } : {}), ...(rightLang !== undefined ? { rightLang } : {}), warnings: input.warnings },
    rows,
  );
}
