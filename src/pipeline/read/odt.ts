import type { DocumentInfo } from '../../model/source.js';
import { assemble, collapseSpaces, type RawBlock } from './blocks.js';
import { setProperties, Unreadable, type Extracted } from './result.js';
import { openZip } from './zip.js';
import { attrOf, childrenOf, fieldOf, findFirst, parseXml, pushReversed, tagOf, type XmlNode } from './xml.js';

/**
 * OpenDocument text (.odt): content.xml read in document order (OASIS ODF 1.3, part 3, chapters 4-6). No maintained
 * JavaScript library reads ODF text on Node 20 without OCR and PDF engines attached (officeparser 8 needs Node 22
 * and brings tesseract.js and pdfjs-dist), and the part we need is small: paragraphs (text:p) and headings (text:h),
 * inside lists, sections and tables; text:s, text:tab and text:line-break; the rest is markup around text.
 *
 * Left out: notes (text:note: footnotes and endnotes), comments (office:annotation), and the tracked-changes log
 * (text:tracked-changes, which holds deleted text): the body of a document with tracked changes is the text with
 * the changes accepted. Title, author, dates and language come from meta.xml; the dates are the file's, not a
 * publication date.
 */

/** Elements whose content is not running text. */
const SKIP = new Set(['text:note', 'office:annotation', 'office:annotation-end', 'text:tracked-changes', 'text:change', 'text:change-start', 'text:change-end', 'draw:frame', 'text:bookmark', 'text:soft-page-break', 'text:sequence-decls', 'text:variable-decls', 'text:user-field-decls', 'office:forms']);

/** The text of a paragraph, its inline elements expanded. Iterative: nested spans cannot overflow the stack. */
function inlineText(p: XmlNode): string {
  let out = '';
  const stack = childrenOf(p).slice().reverse();
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (typeof n['#text'] === 'string') { out += collapseSpaces(n['#text']); continue; }
    const t = tagOf(n);
    if (t === undefined || SKIP.has(t)) continue;
    if (t === 'text:s') { out += ' '.repeat(Math.min(Number(attrOf(n, 'text:c') ?? 1) || 1, 100)); continue; }
    if (t === 'text:tab') { out += '\t'; continue; }
    if (t === 'text:line-break') { out += '\n'; continue; }
    pushReversed(stack, childrenOf(n));
  }
  return out;
}

function bodyBlocks(text: XmlNode): RawBlock[] {
  const out: RawBlock[] = [];
  const stack = childrenOf(text).slice().reverse();
  while (stack.length > 0) {
    const n = stack.pop()!;
    const t = tagOf(n);
    if (t === undefined || SKIP.has(t)) continue;
    if (t === 'text:p') { out.push({ text: inlineText(n) }); continue; }
    if (t === 'text:h') { out.push({ text: inlineText(n), heading: Number(attrOf(n, 'text:outline-level') ?? 1) || 1 }); continue; }
    // Lists, list items, sections, tables, rows, cells, index bodies: containers of paragraphs.
    pushReversed(stack, childrenOf(n));
  }
  return out;
}

export async function readOdt(bytes: Uint8Array): Promise<Extracted> {
  const parts = await openZip(bytes, 'OpenDocument text', (n) => n === 'content.xml' || n === 'meta.xml' || n === 'mimetype');
  const mime = parts.get('mimetype');
  const mimeType = mime ? Buffer.from(mime).toString('latin1').trim() : undefined;
  if (mimeType !== undefined && mimeType !== 'application/vnd.oasis.opendocument.text') {
    throw new Unreadable('FL150', `not an OpenDocument text: its type is ${mimeType}`);
  }
  const content = parts.get('content.xml');
  if (!content) throw new Unreadable('FL150', 'not an OpenDocument text: the archive has no content.xml');
  const doc = await parseXml(content, 'OpenDocument text');
  const text = findFirst(doc, 'office:text');
  if (!text) throw new Unreadable('FL150', 'not an OpenDocument text: content.xml has no office:text body');
  const assembled = assemble(bodyBlocks(text));
  const info: DocumentInfo = { format: 'odt', blocks: assembled.blocks };
  const meta = parts.get('meta.xml');
  if (meta) {
    const nodes = await parseXml(meta, 'OpenDocument properties');
    setProperties(info, {
      title: fieldOf(nodes, 'dc:title'), author: fieldOf(nodes, 'dc:creator') ?? fieldOf(nodes, 'meta:initial-creator'),
      created: fieldOf(nodes, 'meta:creation-date'), modified: fieldOf(nodes, 'dc:date'), lang: fieldOf(nodes, 'dc:language'),
    });
  }
  return { text: assembled.text, document: info, warnings: [] };
}
