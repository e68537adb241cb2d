import type { DocumentInfo } from '../../model/source.js';
import { assemble, domBlocks, type DomNode } from './blocks.js';
import { setProperties, Unreadable, type Extracted } from './result.js';
import { openZip } from './zip.js';
import { fieldOf, parseXml } from './xml.js';

/**
 * Word documents (.docx) with mammoth: paragraphs, headings (Word's Heading and Title styles), list items and table
 * cells come out as HTML elements, tracked changes as the accepted text (insertions kept, deletions dropped), comments
 * left out (mammoth includes them only when a style map asks). Footnotes and endnotes, which mammoth appends as a
 * list with links from the text, are removed with those links: they are not part of the article's running text.
 * Title, author and dates come from docProps/core.xml. The creation and modification dates are the file's, not a
 * publication date: they are reported as `created`/`modified` and never used to resolve "last June".
 */

/** Mammoth's note ids, with a prefix of ours so that a document's own anchors cannot be taken for them. */
const ID_PREFIX = 'factlint-';

/** Word's Title and Subtitle styles are headings of the article too. */
const STYLE_MAP = ["p[style-name='Title'] => h1:fresh", "p[style-name='Subtitle'] => h2:fresh"];

interface Element extends DomNode {
  id: string;
  remove(): void;
  querySelectorAll(selector: string): ArrayLike<Element>;
  parentNode: Element | null;
  childNodes: ArrayLike<Element>;
}

export async function readDocx(bytes: Uint8Array): Promise<Extracted> {
  // The archive is checked (zip bomb, encryption, damage) before mammoth, which inflates whatever it is given.
  const parts = await openZip(bytes, 'Word document', (n) => n === 'docProps/core.xml' || n === 'word/document.xml');
  if (!parts.has('word/document.xml')) throw new Unreadable('FL150', 'not a Word document: the archive has no word/document.xml');
  const mammoth = (await import('mammoth')).default;
  let html: string;
  try {
    const result = await mammoth.convertToHtml({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) }, {
      styleMap: STYLE_MAP,
      idPrefix: ID_PREFIX,
      ignoreEmptyParagraphs: true,
      externalFileAccess: false,
      // Images are never read: an <img> with no source, which the text walker skips anyway.
      convertImage: mammoth.images.imgElement(async () => ({ src: '' })),
    });
    html = result.value;
  } catch (e) {
    throw new Unreadable('FL150', `damaged Word document: ${(e as Error).message.split('\n')[0]}`);
  }
  const { parseHTML } = await import('linkedom');
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`) as unknown as { document: { body: Element } };
  const body = document.body;
  // Note references in the text (<sup><a id="factlint-footnote-ref-1">[1]</a></sup>) and the notes themselves.
  for (const a of Array.from(body.querySelectorAll(`a[id^="${ID_PREFIX}footnote-ref-"], a[id^="${ID_PREFIX}endnote-ref-"]`))) {
    const sup = a.parentNode;
    a.remove();
    if (sup && sup.nodeName.toUpperCase() === 'SUP' && sup.childNodes.length === 0) sup.remove();
  }
  for (const li of Array.from(body.querySelectorAll(`li[id^="${ID_PREFIX}footnote-"], li[id^="${ID_PREFIX}endnote-"]`))) {
    const list = li.parentNode;
    li.remove();
    if (list && list.childNodes.length === 0) list.remove();
  }
  const { text, blocks } = assemble(domBlocks(body));
  const info: DocumentInfo = { format: 'docx', blocks };
  const core = parts.get('docProps/core.xml');
  if (core) {
    const nodes = await parseXml(core, 'Word document properties');
    setProperties(info, {
      title: fieldOf(nodes, 'dc:title'), author: fieldOf(nodes, 'dc:creator'),
      created: fieldOf(nodes, 'dcterms:created'), modified: fieldOf(nodes, 'dcterms:modified'), lang: fieldOf(nodes, 'dc:language'),
    });
  }
  return { text, document: info, warnings: [] };
}
