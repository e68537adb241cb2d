import { Unreadable } from './result.js';

/**
 * XML of Office documents (ODF content.xml and meta.xml, OOXML docProps/core.xml) with fast-xml-parser in document
 * order, namespace prefixes kept (text:p, dc:title): an element is `{ name: children[], ':@': { '@_attr': v } }`, a
 * text node `{ '#text': string }`. fast-xml-parser is loaded on first use.
 */
export type XmlNode = Record<string, unknown>;

/**
 * Pushes `items` onto a depth-first stack so that the first is popped first. A loop, not push(...reversed): an element
 * with 130,000 children or more (a long document's paragraphs in one section) would overflow the call stack.
 */
export function pushReversed<T>(stack: T[], items: readonly T[]): void {
  for (let i = items.length - 1; i >= 0; i--) stack.push(items[i]!);
}

let parser: { parse(text: string): unknown } | undefined;

export async function parseXml(bytes: Uint8Array, what: string): Promise<XmlNode[]> {
  const { XMLParser, XMLValidator } = await import('fast-xml-parser');
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  // The parser is lenient (an unclosed element is closed for it): the validator says whether the XML is whole.
  const valid = XMLValidator.validate(text);
  if (valid !== true) throw new Unreadable('FL150', `damaged ${what}: its XML is not well-formed (line ${valid.err.line}: ${valid.err.msg})`);
  if (!parser) {
    parser = new XMLParser({
      preserveOrder: true, ignoreAttributes: false, trimValues: false, parseTagValue: false, parseAttributeValue: false,
      ignoreDeclaration: true, ignorePiTags: true, htmlEntities: true, processEntities: true,
    });
  }
  try {
    return parser.parse(text) as XmlNode[];
  } catch (e) {
    throw new Unreadable('FL150', `damaged ${what}: its XML cannot be parsed (${(e as Error).message.split('\n')[0]})`);
  }
}

/** The element name of a node; undefined for text nodes. */
export function tagOf(node: XmlNode): string | undefined {
  for (const k of Object.keys(node)) if (k !== ':@' && k !== '#text') return k;
  return undefined;
}

export const childrenOf = (node: XmlNode): XmlNode[] => {
  const t = tagOf(node);
  const c = t !== undefined ? node[t] : undefined;
  return Array.isArray(c) ? (c as XmlNode[]) : [];
};

export const attrOf = (node: XmlNode, name: string): string | undefined => {
  const a = node[':@'] as Record<string, unknown> | undefined;
  const v = a?.[`@_${name}`];
  return typeof v === 'string' ? v : undefined;
};

/** The first element named `name` among `nodes` or below them (document order). */
export function findFirst(nodes: readonly XmlNode[], name: string): XmlNode | undefined {
  const stack = [...nodes].reverse();
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (tagOf(n) === name) return n;
    pushReversed(stack, childrenOf(n));
  }
  return undefined;
}

/** All the text below a node, in order. */
export function textOf(node: XmlNode): string {
  if (typeof node['#text'] === 'string') return node['#text'];
  return childrenOf(node).map(textOf).join('');
}

/** The trimmed text of the first element `name` below `nodes`, if not empty. */
export const fieldOf = (nodes: readonly XmlNode[], name: string): string | undefined => {
  const n = findFirst(nodes, name);
  const t = n ? textOf(n).trim() : '';
  return t.length > 0 ? t : undefined;
};
