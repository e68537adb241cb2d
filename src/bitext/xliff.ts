import { readWhole } from './input.js';
import { primaryLanguage } from './lang.js';
import { bitextError, fromArray, IdRegistry, row, tidy, type BitextOptions, type BitextRow, type BitextRows } from './rows.js';
import { attr, childrenOf, element, elements, parseXml, tagOf, textOf, type XmlNode } from './xml.js';

interface Unit {
  id: string;
  source: string;
  target: string;
  leftLang?: string | undefined;
  rightLang?: string | undefined;
  line?: number | undefined;
  sourceLine?: number | undefined;
  targetLine?: number | undefined;
}

/** XLIFF 1.x: `<file source-language target-language>` holding `<trans-unit id>` (in `<body>`, possibly in nested `<group>`s). */
function units12(root: XmlNode, lineOf: (n: XmlNode) => number | undefined): Unit[] {
  const out: Unit[] = [];
  const files = elements(root, 'file');
  files.forEach((file, fi) => {
    const leftLang = primaryLanguage(attr(file, 'source-language'));
    const rightLang = primaryLanguage(attr(file, 'target-language'));
    const prefix = files.length > 1 ? `${attr(file, 'original') ?? `file-${fi + 1}`}#` : '';
    let n = 0;
    const walk = (node: XmlNode): void => {
      for (const c of childrenOf(node)) {
        const tag = tagOf(c);
        if (tag === 'group' || tag === 'body') walk(c);
        else if (tag === 'trans-unit') {
          n++;
          // Direct children only: <alt-trans> holds other candidates' <source>/<target>.
          const source = element(c, 'source');
          const target = element(c, 'target');
          out.push({
            id: `${prefix}${attr(c, 'id') ?? `unit-${n}`}`,
            source: source ? textOf(source) : '',
            target: target ? textOf(target) : '',
            leftLang,
            rightLang: primaryLanguage(target ? attr(target, 'lang') : undefined) ?? rightLang,
            line: lineOf(c),
            sourceLine: source && lineOf(source),
            targetLine: target && lineOf(target),
          });
        }
      }
    };
    walk(file);
  });
  return out;
}

/**
 * XLIFF 2.x: `srcLang`/`trgLang` on `<xliff>`, `<file>` holding `<unit id>` (possibly in `<group>`s), each unit one
 * or more `<segment>`s with `<source>`/`<target>`, and `<ignorable>`s (whitespace between segments). A unit is one
 * row: its translated segments joined in order.
 */
function units20(root: XmlNode, lineOf: (n: XmlNode) => number | undefined): Unit[] {
  const out: Unit[] = [];
  const leftLang = primaryLanguage(attr(root, 'srcLang'));
  const rightLang = primaryLanguage(attr(root, 'trgLang'));
  const files = elements(root, 'file');
  files.forEach((file, fi) => {
    const prefix = files.length > 1 ? `${attr(file, 'id') ?? `file-${fi + 1}`}#` : '';
    let n = 0;
    const walk = (node: XmlNode): void => {
      for (const c of childrenOf(node)) {
        const tag = tagOf(c);
        if (tag === 'group') walk(c);
        else if (tag === 'unit') {
          n++;
          const src: string[] = [];
          const trg: string[] = [];
          let sourceLine: number | undefined;
          let targetLine: number | undefined;
          for (const part of childrenOf(c)) {
            const kind = tagOf(part);
            if (kind !== 'segment' && kind !== 'ignorable') continue;
            const s = element(part, 'source');
            const t = element(part, 'target');
            const sText = s ? textOf(s) : '';
            const tText = t ? textOf(t) : '';
            // A segment not yet translated is left out on both sides, so the row pairs like with like.
            if (kind === 'segment' && tText.trim() === '') continue;
            // The row's texts start where its first translated segment's do.
            if (kind === 'segment' && sourceLine === undefined) {
              sourceLine = s && lineOf(s);
              targetLine = t && lineOf(t);
            }
            src.push(sText);
            trg.push(kind === 'ignorable' && !t ? sText : tText);
          }
          out.push({ id: `${prefix}${attr(c, 'id') ?? `unit-${n}`}`, source: src.join(' '), target: trg.join(' '), leftLang, rightLang, line: lineOf(c), sourceLine, targetLine });
        }
      }
    };
    walk(file);
  });
  return out;
}

/**
 * XLIFF 1.2 and 2.x files (.xlf, .xliff). Inline markup (`<g>`, `<x/>`, `<bpt>`, `<ph>`, `<pc>`, `<mrk>`…) is
 * resolved to the words around it; whitespace is collapsed. Units without a translation are skipped.
 */
export async function readXliff(path: string, opts: BitextOptions = {}): Promise<BitextRows> {
  const input = await readWhole(path, 'XLIFF file', opts);
  const file = input.id;
  const { root, lineOf } = await parseXml(input.text, file, 'an XLIFF file');
  const name = tagOf(root);
  if (name !== 'xliff') throw bitextError('FL702', `not an XLIFF file: the root element is <${name ?? '?'}>, not <xliff>`, file, lineOf(root));
  const version = attr(root, 'version') ?? '';
  const major = /^(\d+)\./.exec(version)?.[1];
  if (major !== '1' && major !== '2') {
    throw bitextError('FL702', `unsupported XLIFF version "${version}" (1.x and 2.x are read)`, file, lineOf(root));
  }
  const units = major === '1' ? units12(root, lineOf) : units20(root, lineOf);
  const ids = new IdRegistry(file);
  const rows: BitextRow[] = [];
  for (const u of units) {
    ids.add(u.id, u.line);
    const left = tidy(u.source);
    const right = tidy(u.target);
    if (left === '' || right === '') continue;
    rows.push(row(u.id, left, right, { leftLang: opts.leftLang ?? u.leftLang, rightLang: opts.rightLang ?? u.rightLang, line: u.line, leftLine: u.sourceLine, rightLine: u.targetLine }));
  }
  const first = element(root, 'file');
  const leftLang = opts.leftLang ?? primaryLanguage(major === '1' ? first && attr(first, 'source-language') : attr(root, 'srcLang'));
  const rightLang = opts.rightLang ?? primaryLanguage(major === '1' ? first && attr(first, 'target-language') : attr(root, 'trgLang'));
  return fromArray(
    { format: 'xliff', file, ...(leftLang !== undefined ? { leftLang } : {}), ...(rightLang !== undefined ? { rightLang } : {}), warnings: input.warnings },
    rows,
  );
}
