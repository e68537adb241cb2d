import { readWhole } from './input.js';
import { primaryLanguage } from './lang.js';
import { bitextError, fromArray, IdRegistry, row, tidy, type BitextOptions, type BitextRow, type BitextRows } from './rows.js';
import { attr, element, elements, parseXml, tagOf, textOf } from './xml.js';

/** Languages compared by primary subtag ("en-US" and "EN-GB" are both "en"); tags ICU does not know, as written. */
const langKey = (tag: string): string => primaryLanguage(tag) ?? tag.trim().toLowerCase();

/**
 * TMX (.tmx): `<tu tuid>` units with one `<tuv xml:lang><seg>` per language. The left side is the variant in the
 * header's `srclang` (or `leftLang`), else each unit's first variant; the right side is the first variant in
 * another language (or in `rightLang`). Units with a single language, or an empty side, are skipped. Inline
 * markup in `<seg>` (`<bpt>`, `<ept>`, `<ph>`, `<it>`, `<ut>` code is dropped, `<hi>` text kept) is resolved.
 */
export async function readTmx(path: string, opts: BitextOptions = {}): Promise<BitextRows> {
  const input = await readWhole(path, 'TMX file', opts);
  const file = input.id;
  const { root, lineOf } = await parseXml(input.text, file, 'a TMX file');
  const name = tagOf(root);
  if (name !== 'tmx') throw bitextError('FL702', `not a TMX file: the root element is <${name ?? '?'}>, not <tmx>`, file, lineOf(root));
  const header = element(root, 'header');
  const srclang = header ? attr(header, 'srclang') : undefined;
  const leftPref = opts.leftLang ?? (srclang && srclang !== '*all*' ? srclang : undefined);
  const body = element(root, 'body');
  if (!body) throw bitextError('FL702', 'no <body> element', file, lineOf(root));

  const ids = new IdRegistry(file);
  const rows: BitextRow[] = [];
  elements(body, 'tu').forEach((tu, i) => {
    const line = lineOf(tu);
    const id = attr(tu, 'tuid') ?? `tu-${i + 1}`;
    ids.add(id, line);
    const variants = elements(tu, 'tuv').map((tuv) => {
      const lang = attr(tuv, 'lang');
      if (lang === undefined || lang.trim() === '') throw bitextError('FL702', `a <tuv> of unit "${id}" has no xml:lang`, file, lineOf(tuv) ?? line);
      const seg = element(tuv, 'seg');
      return { lang, key: langKey(lang), text: tidy(seg ? textOf(seg) : ''), line: (seg && lineOf(seg)) ?? lineOf(tuv) };
    });
    const left = leftPref !== undefined ? variants.find((v) => v.key === langKey(leftPref)) ?? (opts.leftLang === undefined ? variants[0] : undefined) : variants[0];
    if (!left) return;
    const right = opts.rightLang !== undefined ? variants.find((v) => v.key === langKey(opts.rightLang ?? '')) : variants.find((v) => v.key !== left.key);
    if (!right || right.key === left.key || left.text === '' || right.text === '') return;
    rows.push(row(id, left.text, right.text, { leftLang: primaryLanguage(left.lang), rightLang: primaryLanguage(right.lang), line, leftLine: left.line, rightLine: right.line }));
  });

  const leftLang = leftPref !== undefined ? primaryLanguage(leftPref) : rows[0]?.leftLang;
  const rightLang = opts.rightLang !== undefined ? primaryLanguage(opts.rightLang) : rows[0]?.rightLang;
  return fromArray(
    { format: 'tmx', file, ...(leftLang !== undefined ? { leftLang } : {}), ...(rightLang !== undefined ? { rightLang } : {}), warnings: input.warnings },
    rows,
  );
}
