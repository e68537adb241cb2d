import { openText, pushThrough, type TextFile } from './input.js';
import { primaryLanguage } from './lang.js';
import { bitextError, FirstError, IdRegistry, row, tidy, type BitextOptions, type BitextRow, type BitextRows } from './rows.js';
import { attr, element, elements, subtrees, textOf, XmlTokenizer, type XmlElement, type XmlHandler, type XmlNode } from './xml.js';

/** Languages compared by primary subtag ("en-US" and "EN-GB" are both "en"); tags ICU does not know, as written. */
const langKey = (tag: string): string => primaryLanguage(tag) ?? tag.trim().toLowerCase();

/**
 * Reads the rows of a TMX document as it streams by: the `<tu>`s of the root's first `<body>`, each read as a small
 * tree when it closes. `leftPref` is the language of the left side (the header's `srclang` or `leftLang`); `ids`
 * checks the unit ids (FL707), `lang` refuses a `<tuv>` without a language (FL702).
 */
function tuReader(file: string, opts: BitextOptions, leftPref: string | undefined, check: (f: () => void) => void, take: (r: BitextRow) => void): XmlHandler {
  const ids = new IdRegistry(file);
  let bodies = 0;
  let i = 0;
  return subtrees((e, path) => e.name === 'tu' && path.length === 2 && path[1]!.name === 'body' && bodies === 1, {
    open(e, path) {
      if (path.length === 1 && e.name === 'body') bodies++;
    },
    element(tu) {
      const line = tu.line;
      i++;
      const id = attr(tu, 'tuid') ?? `tu-${i}`;
      let variants: { lang: string; key: string; text: string; line: number }[] = [];
      let ok = true;
      check(() => {
        ok = false;
        ids.add(id, line);
        variants = elements(tu, 'tuv').map((tuv) => {
          const lang = attr(tuv, 'lang');
          if (lang === undefined || lang.trim() === '') throw bitextError('FL702', `a <tuv> of unit "${id}" has no xml:lang`, file, tuv.line);
          const seg = element(tuv, 'seg');
          return { lang, key: langKey(lang), text: tidy(seg ? textOf(seg) : ''), line: seg?.line ?? tuv.line };
        });
        ok = true;
      });
      if (!ok) return;
      const left = leftPref !== undefined ? variants.find((v) => v.key === langKey(leftPref)) ?? (opts.leftLang === undefined ? variants[0] : undefined) : variants[0];
      if (!left) return;
      const right = opts.rightLang !== undefined ? variants.find((v) => v.key === langKey(opts.rightLang ?? '')) : variants.find((v) => v.key !== left.key);
      if (!right || right.key === left.key || left.text === '' || right.text === '') return;
      take(row(id, left.text, right.text, { leftLang: primaryLanguage(left.lang), rightLang: primaryLanguage(right.lang), line, leftLine: left.line, rightLine: right.line }));
    },
  });
}

interface Scanned {
  leftPref: string | undefined;
  first: BitextRow | undefined;
  count: number;
}

/**
 * The first reading: the whole file is checked before any unit is (FL701, then FL702, then a unit's FL707 or FL702:
 * the order of a file parsed whole), its rows are counted, and the header's `srclang` and the first row are read.
 */
async function scan(input: TextFile, opts: BitextOptions): Promise<Scanned> {
  const file = input.id;
  // The header comes before the body in TMX; its srclang is what the rows need.
  let root: XmlNode | undefined;
  let header: XmlElement | undefined;
  let body = false;
  let depth = 0;
  let units: XmlHandler | undefined;
  let count = 0;
  let first: BitextRow | undefined;
  let leftPref: string | undefined;
  const unitError = new FirstError(undefined);
  const tok = new XmlTokenizer(file, {
    open(e) {
      if (depth === 0) root = e;
      else if (depth === 1 && e.name === 'header') header ??= e;
      else if (depth === 1 && e.name === 'body' && !body) {
        body = true;
        const srclang = header ? attr(header, 'srclang') : undefined;
        leftPref = opts.leftLang ?? (srclang && srclang !== '*all*' ? srclang : undefined);
        units = tuReader(file, opts, leftPref, (f) => unitError.run(f), (r) => { count++; first ??= r; });
        // The reader counts the root's <body>s from the first.
        units.open(root!);
      }
      depth++;
      if (units && depth > 1) units.open(e);
    },
    close(name) {
      if (units && depth > 1) units.close(name);
      depth--;
    },
    text(t) { units?.text(t); },
  });
  for await (const chunk of input.chunks()) tok.write(chunk);
  tok.end();
  if (!root) throw bitextError('FL702', 'no root element; not a TMX file', file);
  if (root.name !== 'tmx') throw bitextError('FL702', `not a TMX file: the root element is <${root.name}>, not <tmx>`, file, root.line);
  if (!body) throw bitextError('FL702', 'no <body> element', file, root.line);
  unitError.rethrow();
  return { leftPref, first, count };
}

/**
 * TMX (.tmx), read as a stream: checked whole first (`scan`), then read again unit by unit as the rows are iterated.
 * `<tu tuid>` units with one `<tuv xml:lang><seg>` per language. The left side is the variant in the header's
 * `srclang` (or `leftLang`), else each unit's first variant; the right side is the first variant in another
 * language (or in `rightLang`). Units with a single language, or an empty side, are skipped. Inline markup in
 * `<seg>` (`<bpt>`, `<ept>`, `<ph>`, `<it>`, `<ut>` code is dropped, `<hi>` text kept) is resolved.
 */
export async function readTmx(path: string, opts: BitextOptions = {}): Promise<BitextRows> {
  const input = await openText(path, 'TMX file', opts);
  const file = input.id;
  const { leftPref, first, count } = await scan(input, opts);
  const leftLang = leftPref !== undefined ? primaryLanguage(leftPref) : first?.leftLang;
  const rightLang = opts.rightLang !== undefined ? primaryLanguage(opts.rightLang) : first?.rightLang;
  return {
    format: 'tmx', file, ...(leftLang !== undefined ? { leftLang } : {}), ...(rightLang !== undefined ? { rightLang } : {}), warnings: input.warnings, count,
    [Symbol.asyncIterator]() {
      const out: BitextRow[] = [];
      const reader = tuReader(file, opts, leftPref, (f) => f(), (r) => out.push(r));
      return pushThrough(input, new XmlTokenizer(file, reader), out);
    },
  };
}
