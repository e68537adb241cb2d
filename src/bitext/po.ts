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

/**
 * The lines of the entries of a PO text, by `poEntryKey`. gettext-parser does not report where an entry is, so this
 * reads the text again the way its lexer does (keywords, "…" or '…' strings with \t \n \r and other escapes,
 * # comments, #~ obsolete entries, which are left out) and joins each entry's strings as it does, so the keys are
 * the msgctxt and msgid gettext-parser returns. Of two entries with one key, the last wins, as in gettext-parser.
 */
export function poEntryLines(text: string): Map<string, PoEntryLines> {
  interface Keyword { name: string; line: number; value: string; obsolete: boolean }
  const keywords: Keyword[] = [];
  let state: 'none' | 'obsolete' | 'comment' | 'key' | 'string' = 'none';
  let line = 1;
  let quote = '';
  let escaped = false;
  let commentEmpty = false;
  let key = { name: '', line: 1, obsolete: false };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (state === 'none' || state === 'obsolete') {
      if (c === '"' || c === "'") { quote = c; escaped = false; state = 'string'; }
      else if (c === '#') { commentEmpty = true; state = 'comment'; }
      else if (c === '|' && state === 'obsolete') { commentEmpty = false; state = 'comment'; }
      else if (!/\s/u.test(c)) { key = { name: c, line, obsolete: state === 'obsolete' }; state = 'key'; }
    } else if (state === 'comment') {
      if (c === '\n') state = 'none';
      else if (c === '~' && commentEmpty) state = 'obsolete';
      else if (c !== '\r') commentEmpty = false;
    } else if (state === 'key') {
      if (/[\w\-[\]]/u.test(c)) key.name += c;
      else {
        keywords.push({ ...key, value: '' });
        state = 'none';
        i--; // read this character again in the new state (its line is counted then)
        continue;
      }
    } else {
      const last = keywords[keywords.length - 1];
      let add = '';
      if (escaped) {
        add = c === 't' ? '\t' : c === 'n' ? '\n' : c === 'r' ? '\r' : c === '\n' ? '' : c;
        escaped = false;
      } else if (c === quote) state = 'none';
      else if (c === '\\') escaped = true;
      else add = c;
      if (last) last.value += add;
    }
    if (c === '\n') line++;
  }
  if (state === 'key') keywords.push({ ...key, value: '' });

  const out = new Map<string, PoEntryLines>();
  let context: Keyword | undefined;
  let entry: (PoEntryLines & { key: string; obsolete: boolean }) | undefined;
  const close = (): void => {
    if (entry && !entry.obsolete) out.set(entry.key, { line: entry.line, msgidLine: entry.msgidLine, ...(entry.msgstrLine !== undefined ? { msgstrLine: entry.msgstrLine } : {}) });
  };
  for (const k of keywords) {
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
  }
  close();
  return out;
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
  let parsed: GetTextTranslations;
  try {
    parsed = po.parse(input.text);
  } catch (e) {
    const err = e as Error & { lineNumber?: number };
    const message = err.message.replace(/^Error parsing PO data: /, '');
    throw bitextError('FL703', `not a valid PO file: ${message}`, file, typeof err.lineNumber === 'number' ? err.lineNumber : undefined);
  }
  const header = (name: string): string | undefined => {
    const key = Object.keys(parsed.headers).find((k) => k.toLowerCase() === name.toLowerCase());
    const v = key !== undefined ? parsed.headers[key]?.trim() : undefined;
    return v ? v : undefined;
  };
  const leftLang = opts.leftLang ?? primaryLanguage(header('X-Source-Language'));
  const rightLang = opts.rightLang ?? primaryLanguage(header('Language'));

  const lines = poEntryLines(input.text);
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
