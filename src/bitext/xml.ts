import { bitextError } from './rows.js';

/**
 * fast-xml-parser in document order (preserveOrder), which keeps text and inline tags interleaved as written:
 * an element is `{ name: children[], ':@': { '@_attr': value } }`, a text node `{ '#text': string }`.
 * Namespace prefixes are removed (`xml:lang` is read as `lang`, as TMX 1.1 writes it).
 */
export type XmlNode = Record<string, unknown>;

interface XmlLib {
  parse(text: string): unknown;
  validate: typeof import('fast-xml-parser').XMLValidator.validate;
  /** The key under which the parser keeps a node's start offset (captureMetaData). */
  meta: ReturnType<typeof import('fast-xml-parser').XMLParser.getMetaDataSymbol>;
}

let lib: XmlLib | undefined;
/** fast-xml-parser, loaded on first use: a check of plain text files never needs it (nor its start-up time). */
async function xmlLib(): Promise<XmlLib> {
  if (lib) return lib;
  const { XMLParser, XMLValidator } = await import('fast-xml-parser');
  const parser = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    removeNSPrefix: true,
    trimValues: false,
    parseTagValue: false,
    parseAttributeValue: false,
    ignoreDeclaration: true,
    ignorePiTags: true,
    // Decodes numeric character references (&#x2019;) as well as the five XML entities.
    htmlEntities: true,
    captureMetaData: true,
  });
  const loaded: XmlLib = { parse: (text) => parser.parse(text), validate: (...a) => XMLValidator.validate(...a), meta: XMLParser.getMetaDataSymbol() };
  lib = loaded;
  return loaded;
}

export interface XmlDocument {
  /** The root element. */
  root: XmlNode;
  /** 1-based line of a node's start tag. */
  lineOf(node: XmlNode): number | undefined;
}

/** Offsets where each line starts, for turning a character offset into a line by binary search. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

function lineAt(starts: number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] ?? 0) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

/** Parses XML; not well-formed → FL701 with the validator's line; no root element → FL702. */
export async function parseXml(text: string, file: string, what: string): Promise<XmlDocument> {
  const { parse, validate, meta: META } = await xmlLib();
  const valid = validate(text);
  if (valid !== true) throw bitextError('FL701', `not well-formed XML: ${valid.err.msg}`, file, valid.err.line);
  let doc: XmlNode[];
  try {
    doc = parse(text) as XmlNode[];
  } catch (e) {
    throw bitextError('FL701', `not well-formed XML: ${(e as Error).message}`, file);
  }
  const root = doc.find((n) => tagOf(n) !== undefined);
  if (!root) throw bitextError('FL702', `no root element; not ${what}`, file);
  const starts = lineStarts(text);
  return {
    root,
    lineOf: (node) => {
      const meta = node[META as unknown as string] as { startIndex?: number } | undefined;
      return meta?.startIndex !== undefined ? lineAt(starts, meta.startIndex) : undefined;
    },
  };
}

/** The element name of a node; undefined for text nodes. */
export function tagOf(node: XmlNode): string | undefined {
  for (const k of Object.keys(node)) if (k !== ':@' && k !== '#text') return k;
  return undefined;
}

export function childrenOf(node: XmlNode): XmlNode[] {
  const tag = tagOf(node);
  const c = tag !== undefined ? node[tag] : undefined;
  return Array.isArray(c) ? (c as XmlNode[]) : [];
}

/** Child elements named `name` (local name), in document order. */
export const elements = (node: XmlNode, name: string): XmlNode[] => childrenOf(node).filter((c) => tagOf(c) === name);

export const element = (node: XmlNode, name: string): XmlNode | undefined => elements(node, name)[0];

/** An attribute by local name (`lang` finds `xml:lang`). */
export function attr(node: XmlNode, name: string): string | undefined {
  const attrs = node[':@'] as Record<string, unknown> | undefined;
  const v = attrs?.[`@_${name}`];
  return typeof v === 'string' ? v : undefined;
}

/**
 * Inline elements whose content is native code (formatting tags of the original document, XLIFF 1.2 and TMX
 * `<bpt>`, `<ept>`, `<it>`, `<ph>`, `<ut>`) or that are empty placeholders (`<x/>`, `<bx/>`, `<ex/>`, XLIFF 2
 * `<ph/>`, `<sc/>`, `<ec/>`, `<sm/>`, `<em/>`): they stand for markup, not words, so they are dropped. `<sub>` is
 * text inside code (an alt text), not part of the sentence.
 */
const CODE = new Set(['bpt', 'ept', 'it', 'ph', 'ut', 'x', 'bx', 'ex', 'sc', 'ec', 'sm', 'em', 'sub']);

/**
 * The text of an element with inline markup resolved: text of wrapping elements (`<g>`, `<mrk>`, `<pc>`, `<hi>`)
 * is kept, code and placeholders are dropped, XLIFF 2 `<cp hex="…"/>` becomes its character.
 */
export function textOf(node: XmlNode): string {
  let s = '';
  for (const c of childrenOf(node)) {
    const t = c['#text'];
    if (typeof t === 'string') { s += t; continue; }
    const tag = tagOf(c);
    if (tag === undefined || CODE.has(tag)) continue;
    if (tag === 'cp') {
      const cp = Number.parseInt(attr(c, 'hex') ?? '', 16);
      if (Number.isInteger(cp) && cp >= 0 && cp <= 0x10ffff) s += String.fromCodePoint(cp);
      continue;
    }
    s += textOf(c);
  }
  return s;
}
