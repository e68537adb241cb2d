import { openText, pushThrough, type TextFile } from './input.js';
import { primaryLanguage } from './lang.js';
import { bitextError, FirstError, IdRegistry, row, tidy, type BitextOptions, type BitextRow, type BitextRows } from './rows.js';
import { attr, element, subtrees, textOf, XmlTokenizer, type XmlElement, type XmlHandler } from './xml.js';

interface Unit {
  /** The unit's id in its file (its `id`, else `unit-<n>`) and its file's name for ids in a document of several files. */
  id: string;
  fileName: string;
  source: string;
  target: string;
  leftLang?: string | undefined;
  rightLang?: string | undefined;
  line?: number | undefined;
  sourceLine?: number | undefined;
  targetLine?: number | undefined;
}

/** The version of the root's start tag: '1' or '2', else undefined (FL702, after the whole file is read). */
const majorOf = (root: XmlElement): string | undefined => /^(\d+)\./.exec(attr(root, 'version') ?? '')?.[1];

/**
 * Reads the units of an XLIFF document as it streams by. XLIFF 1.x: `<file source-language target-language>` holding
 * `<trans-unit id>` (in `<body>`, possibly in nested `<group>`s). XLIFF 2.x: `srcLang`/`trgLang` on `<xliff>`,
 * `<file>` holding `<unit id>` (possibly in `<group>`s), each unit one or more `<segment>`s with
 * `<source>`/`<target>`, and `<ignorable>`s (whitespace between segments): a unit is one row, its translated segments
 * joined in order. Each unit is read as a small tree when it closes; a root that is not XLIFF 1.x or 2.x has no units.
 */
function unitReader(take: (u: Unit) => void): XmlHandler {
  let v1 = false;
  let v2 = false;
  let rootLeft: string | undefined;
  let rootRight: string | undefined;
  let fileIndex = 0;
  let n = 0;
  let fileName = '';
  let fileLeft: string | undefined;
  let fileRight: string | undefined;
  const between = (e: XmlElement): boolean => e.name === 'group' || (v1 && e.name === 'body');
  return subtrees(
    // A unit where the format puts them: in a <file> of the root, through <body> and <group>s (1.x) or <group>s (2.x).
    (e, path) => (v1 ? e.name === 'trans-unit' : v2 && e.name === 'unit') && path.length >= 2 && path[1]!.name === 'file' && path.slice(2).every(between),
    {
      open(e, path) {
        if (path.length === 0) {
          const major = e.name === 'xliff' ? majorOf(e) : undefined;
          v1 = major === '1';
          v2 = major === '2';
          rootLeft = primaryLanguage(attr(e, 'srcLang'));
          rootRight = primaryLanguage(attr(e, 'trgLang'));
        }
        if (path.length !== 1 || e.name !== 'file') return;
        fileIndex++;
        n = 0;
        fileName = attr(e, v1 ? 'original' : 'id') ?? `file-${fileIndex}`;
        fileLeft = v1 ? primaryLanguage(attr(e, 'source-language')) : rootLeft;
        fileRight = v1 ? primaryLanguage(attr(e, 'target-language')) : rootRight;
      },
      element(c) {
        n++;
        const id = attr(c, 'id') ?? `unit-${n}`;
        if (v1) {
          // Direct children only: <alt-trans> holds other candidates' <source>/<target>.
          const source = element(c, 'source');
          const target = element(c, 'target');
          take({
            id,
            fileName,
            source: source ? textOf(source) : '',
            target: target ? textOf(target) : '',
            leftLang: fileLeft,
            rightLang: primaryLanguage(target ? attr(target, 'lang') : undefined) ?? fileRight,
            line: c.line,
            sourceLine: source?.line,
            targetLine: target?.line,
          });
          return;
        }
        const src: string[] = [];
        const trg: string[] = [];
        let sourceLine: number | undefined;
        let targetLine: number | undefined;
        for (const part of c.children) {
          if (typeof part === 'string' || (part.name !== 'segment' && part.name !== 'ignorable')) continue;
          const s = element(part, 'source');
          const t = element(part, 'target');
          const sText = s ? textOf(s) : '';
          const tText = t ? textOf(t) : '';
          // A segment not yet translated is left out on both sides, so the row pairs like with like.
          if (part.name === 'segment' && tText.trim() === '') continue;
          // The row's texts start where its first translated segment's do.
          if (part.name === 'segment' && sourceLine === undefined) {
            sourceLine = s?.line;
            targetLine = t?.line;
          }
          src.push(sText);
          trg.push(part.name === 'ignorable' && !t ? sText : tText);
        }
        take({ id, fileName, source: src.join(' '), target: trg.join(' '), leftLang: fileLeft, rightLang: fileRight, line: c.line, sourceLine, targetLine });
      },
    },
  );
}

/** A unit's row id: with several `<file>` elements, prefixed with its file's name (`original`, 2.x `id`, else `file-<n>`). */
const rowId = (u: Unit, files: number): string => (files > 1 ? `${u.fileName}#${u.id}` : u.id);

/** The row of a unit: whitespace collapsed; undefined when a side is empty (not translated). */
function rowOf(u: Unit, id: string, opts: BitextOptions): BitextRow | undefined {
  const left = tidy(u.source);
  const right = tidy(u.target);
  if (left === '' || right === '') return undefined;
  return row(id, left, right, { leftLang: opts.leftLang ?? u.leftLang, rightLang: opts.rightLang ?? u.rightLang, line: u.line, leftLine: u.sourceLine, rightLine: u.targetLine });
}

interface Scanned {
  root: XmlElement;
  files: number;
  firstFile: XmlElement | undefined;
  count: number;
}

/**
 * The first reading: the whole file is checked before any unit is (FL701, then FL702, then FL707: the order of a
 * file parsed whole), its rows are counted, and what the rows need of the document as a whole is read (the root, the
 * number of `<file>`s). Memory holds one unit at a time (and the ids, for FL707).
 */
async function scan(input: TextFile, opts: BitextOptions): Promise<Scanned> {
  const file = input.id;
  let root: XmlElement | undefined;
  let files = 0;
  let firstFile: XmlElement | undefined;
  let depth = 0;
  let count = 0;
  // Whether ids are prefixed depends on the number of <file>s, known at the end: both are checked.
  const bare = new FirstError(new IdRegistry(file));
  const prefixed = new FirstError(new IdRegistry(file));
  const units = unitReader((u) => {
    bare.run((ids) => ids.add(u.id, u.line));
    prefixed.run((ids) => ids.add(`${u.fileName}#${u.id}`, u.line));
    if (rowOf(u, u.id, opts)) count++;
  });
  const tok = new XmlTokenizer(file, {
    open(e) {
      if (depth === 0) root = e;
      else if (depth === 1 && e.name === 'file') { files++; firstFile ??= e; }
      depth++;
      units.open(e);
    },
    close(name) { depth--; units.close(name); },
    text(t) { units.text(t); },
  });
  for await (const chunk of input.chunks()) tok.write(chunk);
  tok.end();
  if (!root) throw bitextError('FL702', 'no root element; not an XLIFF file', file);
  if (root.name !== 'xliff') throw bitextError('FL702', `not an XLIFF file: the root element is <${root.name}>, not <xliff>`, file, root.line);
  const major = majorOf(root);
  if (major !== '1' && major !== '2') throw bitextError('FL702', `unsupported XLIFF version "${attr(root, 'version') ?? ''}" (1.x and 2.x are read)`, file, root.line);
  (files > 1 ? prefixed : bare).rethrow();
  return { root, files, firstFile, count };
}

/**
 * XLIFF 1.2 and 2.x files (.xlf, .xliff), read as a stream: checked whole first (`scan`), then read again unit by unit
 * as the rows are iterated. Inline markup (`<g>`, `<x/>`, `<bpt>`, `<ph>`, `<pc>`, `<mrk>`…) is resolved to the words
 * around it; whitespace is collapsed. Units without a translation are skipped.
 */
export async function readXliff(path: string, opts: BitextOptions = {}): Promise<BitextRows> {
  const input = await openText(path, 'XLIFF file', opts);
  const file = input.id;
  const { root, files, firstFile, count } = await scan(input, opts);
  const v1 = majorOf(root) === '1';
  const leftLang = opts.leftLang ?? primaryLanguage(v1 ? firstFile && attr(firstFile, 'source-language') : attr(root, 'srcLang'));
  const rightLang = opts.rightLang ?? primaryLanguage(v1 ? firstFile && attr(firstFile, 'target-language') : attr(root, 'trgLang'));
  return {
    format: 'xliff', file, ...(leftLang !== undefined ? { leftLang } : {}), ...(rightLang !== undefined ? { rightLang } : {}), warnings: input.warnings, count,
    [Symbol.asyncIterator]() {
      const out: BitextRow[] = [];
      const reader = unitReader((u) => { const r = rowOf(u, rowId(u, files), opts); if (r) out.push(r); });
      return pushThrough(input, new XmlTokenizer(file, reader), out);
    },
  };
}
