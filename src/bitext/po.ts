import { po } from 'gettext-parser';
import type { GetTextTranslations } from 'gettext-parser';
import { readWhole } from './input.js';
import { primaryLanguage } from './lang.js';
import { bitextError, fromArray, row, type BitextOptions, type BitextRow, type BitextRows } from './rows.js';

/**
 * Gettext PO (.po): msgid → left, msgstr → right (the singular form for plural entries). The header entry
 * (empty msgid) and untranslated entries are skipped; fuzzy entries are kept (they are translations awaiting
 * review, which is what a check is for); obsolete (#~) entries are not read. The header's `Language` gives the
 * right side's language, `X-Source-Language` the left's. gettext-parser does not report where an entry starts, so
 * rows have no line; their ids are `unit-<n>`, numbering every entry after the header, translated or not, in the
 * order gettext-parser returns them (by context, then file order).
 */
export async function readPo(path: string, opts: BitextOptions = {}): Promise<BitextRows> {
  const input = await readWhole(path, 'PO file', opts);
  const file = input.id;
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

  const rows: BitextRow[] = [];
  let n = 0;
  for (const context of Object.values(parsed.translations)) {
    for (const entry of Object.values(context)) {
      if (entry.msgid === '') continue; // the header entry (or an empty msgid in another context)
      n++;
      const right = entry.msgstr[0] ?? '';
      if (right.trim() === '' || entry.msgid.trim() === '') continue;
      rows.push(row(`unit-${n}`, entry.msgid, right, { leftLang, rightLang }));
    }
  }
  return fromArray(
    { format: 'po', file, ...(leftLang !== undefined ? { leftLang } : {}), ...(rightLang !== undefined ? { rightLang } : {}), warnings: input.warnings },
    rows,
  );
}
