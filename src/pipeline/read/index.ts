import type { DocumentFormat } from '../../model/source.js';
import { detectLanguage } from '../../lang/detect.js';
import { Unreadable, type Extracted } from './result.js';

export { Unreadable, type Extracted } from './result.js';

/**
 * Documents whose text is extracted before checking: which reader serves which file, and what every reader's result
 * goes through. Each reader is its own module, imported on first use with the library it needs (mammoth, linkedom
 * and Readability, unpdf, fflate), so a check of .txt files never loads them.
 */

/** File extensions (lower case) of the documents read here; folders contribute these besides .txt and .md. */
export const DOCUMENT_EXTENSIONS: Readonly<Record<string, DocumentFormat>> = {
  '.docx': 'docx', '.odt': 'odt', '.html': 'html', '.htm': 'html', '.xhtml': 'html', '.pdf': 'pdf',
};

/** Media types of fetched documents. */
export const DOCUMENT_TYPES: Readonly<Record<string, DocumentFormat>> = {
  'text/html': 'html',
  'application/xhtml+xml': 'html',
  'application/pdf': 'pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.oasis.opendocument.text': 'odt',
};

export interface ReadOptions {
  /** The charset an HTTP response declared (web pages). */
  charset?: string;
  /** Elements a web page may have (default 100,000). */
  maxElements?: number;
}

/**
 * The language a document declares, when its text agrees (or is too short to tell); the text's own language when
 * they disagree, with a warning (FL156). Undefined when nothing is declared: the clean stage detects it as for text.
 */
export function agreedLanguage(declared: string | undefined, text: string): { lang?: string; warning?: string } {
  const code = declared ? /^([a-z]{2,3})(?:[-_]|$)/iu.exec(declared)?.[1]?.toLowerCase() : undefined;
  if (!code) return {};
  const detected = detectLanguage(text);
  if (detected === 'und' || detected === code) return { lang: code };
  return { lang: detected, warning: `FL156: the document declares its language as "${code}" but its text reads as "${detected}"; "${detected}" is used` };
}

/** Reads a document's bytes with the reader of its format. Throws Unreadable (a coded skip) when it cannot. */
export async function readDocument(format: DocumentFormat, bytes: Uint8Array, opts: ReadOptions = {}): Promise<Extracted & { lang?: string }> {
  let out: Extracted;
  switch (format) {
    case 'docx': out = await (await import('./docx.js')).readDocx(bytes); break;
    case 'odt': out = await (await import('./odt.js')).readOdt(bytes); break;
    case 'html': out = await (await import('./html.js')).readHtml(bytes, opts); break;
    case 'pdf': out = await (await import('./pdf.js')).readPdf(bytes); break;
  }
  if (!/[\p{L}\p{N}]/u.test(out.text)) {
    throw new Unreadable('FL153', `no text found in the ${format === 'html' ? 'page' : 'document'} (no paragraphs with words)`);
  }
  const agreed = agreedLanguage(out.document.lang, out.text);
  if (agreed.warning) out.warnings.push(agreed.warning);
  return agreed.lang ? { ...out, lang: agreed.lang } : out;
}
