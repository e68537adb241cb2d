import type { LoadCode } from '../../errors.js';
import type { DocumentInfo } from '../../model/source.js';

/** Why a document cannot be read: becomes a coded skip (the file and the reason) in the load stage, never a crash. */
export class Unreadable extends Error {
  constructor(readonly code: LoadCode, reason: string) {
    super(reason);
    this.name = 'Unreadable';
  }
}

/** A document's text and what it says about itself, as a reader returns it. */
export interface Extracted {
  /** Paragraphs, one a line, a blank line between: the source text every offset points into. */
  text: string;
  document: DocumentInfo;
  /** The byline the page's metadata gives (author names), for the provenance. */
  byline?: string;
  /** Publication date (yyyy-mm-dd) and time ("HH:MM+07:00" after the date) from the page's metadata. */
  published?: string;
  publishedAt?: string;
  warnings: string[];
}

/** Document properties as the readers find them (OOXML core.xml, ODF meta.xml, the PDF Info dictionary). */
export interface Properties {
  title?: string | undefined;
  author?: string | undefined;
  created?: string | undefined;
  modified?: string | undefined;
  lang?: string | undefined;
}

/** Copies the properties a document has into its DocumentInfo (absent ones stay absent, not undefined). */
export function setProperties(info: DocumentInfo, props: Properties): void {
  for (const k of ['title', 'author', 'created', 'modified', 'lang'] as const) {
    const v = props[k];
    if (v) info[k] = v;
  }
}
