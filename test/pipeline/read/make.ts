/**
 * Builders of test documents: Word files with the `docx` package (an independent writer of .docx, as Word users'
 * tools are), OpenDocument and PDF files written out by hand from their specifications (small enough to read here),
 * and hostile archives (zip bombs, encrypted containers).
 */
import * as d from 'docx';
import { createDeflateRaw } from 'node:zlib';
import { strToU8, zipSync } from 'fflate';

export type DocxBlock = string | { heading: string; level?: 1 | 2 } | { runs: d.ParagraphChild[] };

/** A .docx with the given paragraphs (strings), headings and paragraphs of runs, and core properties. */
export async function makeDocx(blocks: DocxBlock[], props: { title?: string; creator?: string; footnotes?: Record<number, string>; comments?: { id: number; text: string }[] } = {}): Promise<Buffer> {
  const children = blocks.map((b) => {
    if (typeof b === 'string') return new d.Paragraph({ text: b });
    if ('heading' in b) return new d.Paragraph({ text: b.heading, heading: b.level === 2 ? d.HeadingLevel.HEADING_2 : d.HeadingLevel.HEADING_1 });
    return new d.Paragraph({ children: b.runs });
  });
  const doc = new d.Document({
    ...(props.title ? { title: props.title } : {}),
    ...(props.creator ? { creator: props.creator } : {}),
    ...(props.footnotes ? { footnotes: Object.fromEntries(Object.entries(props.footnotes).map(([k, v]) => [k, { children: [new d.Paragraph(v)] }])) } : {}),
    ...(props.comments ? { comments: { children: props.comments.map((c) => ({ id: c.id, author: 'Reviewer', date: new Date('2025-01-01T00:00:00Z'), children: [new d.Paragraph(c.text)] })) } } : {}),
    sections: [{ children }],
  });
  return d.Packer.toBuffer(doc);
}

/** An ODT: mimetype, content.xml with `body` inside office:text, meta.xml with `meta` inside office:meta. */
export function makeOdt(body: string, meta = ''): Uint8Array {
  const ns = 'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"';
  return zipSync({
    mimetype: [strToU8('application/vnd.oasis.opendocument.text'), { level: 0 }],
    'content.xml': strToU8(`<?xml version="1.0" encoding="UTF-8"?><office:document-content ${ns} office:version="1.3"><office:body><office:text>${body}</office:text></office:body></office:document-content>`),
    'meta.xml': strToU8(`<?xml version="1.0" encoding="UTF-8"?><office:document-meta ${ns} office:version="1.3"><office:meta>${meta}</office:meta></office:document-meta>`),
  });
}

/** A PDF of pages of text runs [x, y, text] in Helvetica (a standard font: no font file needed), with an Info dictionary. */
export function makePdf(pages: [number, number, string][][], info = '/Title (Press release) /Author (Comms Team) /CreationDate (D:20250311090000+01\'00\')'): Buffer {
  const objs: string[] = [];
  const add = (s: string): number => { objs.push(s); return objs.length; };
  const font = add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  const esc = (t: string): string => t.replace(/[()\\]/g, (c) => `\\${c}`);
  const contents = pages.map((runs) => add((() => {
    const c = runs.map(([x, y, t]) => `BT /F1 11 Tf ${x} ${y} Td (${esc(t)}) Tj ET`).join('\n');
    return `<< /Length ${Buffer.byteLength(c, 'latin1')} >>\nstream\n${c}\nendstream`;
  })()));
  const parent = objs.length + contents.length + 1;
  const kids = contents.map((c) => add(`<< /Type /Page /Parent ${parent} 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 ${font} 0 R >> >> /Contents ${c} 0 R >>`));
  const pagesId = add(`<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`);
  const infoId = add(`<< ${info} >>`);
  const catalog = add(`<< /Type /Catalog /Pages ${pagesId} 0 R >>`);
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objs.forEach((o, i) => { offsets.push(Buffer.byteLength(out, 'latin1')); out += `${i + 1} 0 obj\n${o}\nendobj\n`; });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objs.length + 1} /Root ${catalog} 0 R /Info ${infoId} 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/**
 * A ZIP whose one entry (named `name`) inflates to `mib` MiB of zeros, deflated as a stream (zlib) so the test never
 * holds the expanded bytes: a zip bomb at about 1,000:1. Its headers declare a size of 1 KiB (a lying bomb).
 */
export async function makeZipBomb(name: string, mib: number): Promise<Buffer> {
  const parts: Buffer[] = [];
  const def = createDeflateRaw({ level: 1 });
  def.on('data', (c: Buffer) => parts.push(c));
  const done = new Promise((resolve) => def.on('end', resolve));
  const zeros = Buffer.alloc(1024 * 1024);
  for (let i = 0; i < mib; i++) if (!def.write(zeros)) await new Promise((r) => def.once('drain', r));
  def.end();
  await done;
  const data = Buffer.concat(parts);
  const nameBytes = Buffer.from(name, 'utf8');
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0); local.writeUInt16LE(20, 4); local.writeUInt16LE(0, 6); local.writeUInt16LE(8, 8);
  local.writeUInt32LE(0, 14); local.writeUInt32LE(data.length, 18); local.writeUInt32LE(1024, 22);
  local.writeUInt16LE(nameBytes.length, 26); local.writeUInt16LE(0, 28);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0); central.writeUInt16LE(20, 4); central.writeUInt16LE(20, 6); central.writeUInt16LE(0, 8); central.writeUInt16LE(8, 10);
  central.writeUInt32LE(0, 16); central.writeUInt32LE(data.length, 20); central.writeUInt32LE(1024, 24);
  central.writeUInt16LE(nameBytes.length, 28); central.writeUInt32LE(0, 42);
  const cdOffset = local.length + nameBytes.length + data.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(1, 8); end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + nameBytes.length, 12); end.writeUInt32LE(cdOffset, 16);
  return Buffer.concat([local, nameBytes, data, central, nameBytes, end]);
}

/** An OLE compound file (the container of Word 97-2003 files and of encrypted Office files), reduced to what is sniffed. */
export function makeOle(encrypted: boolean): Buffer {
  const head = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  const body = Buffer.alloc(2048);
  if (encrypted) Buffer.from('EncryptedPackage', 'utf16le').copy(body, 1024);
  return Buffer.concat([head, body]);
}
