import type { Span } from './span.js';

/** What the page says about who wrote it or where it came from. */
export interface Provenance {
  /** "By Jane Doe", "Source: Noah Wire Services", a wire credit; absent when the article carries none. */
  byline?: string;
  bylineSpan?: Span;
  /** Outlet or publisher when declared by a manifest. */
  publisher?: string;
}

/** A block of the text (a paragraph or line) and what the cleaner decided it is. */
export type BlockKind = 'title' | 'content' | 'furniture' | 'dateline' | 'byline';

export interface Block extends Span {
  kind: BlockKind;
  /** Why it is not content (for furniture), shown with --verbose and in the report. */
  reason?: string;
}

/** True for a source path that is a URL (scheme://…), such as a page fetched from the web, rather than a file path. */
export const isUrl = (s: string): boolean => /^[a-z][a-z\d+.-]*:\/\//iu.test(s);

/** Where an offset of an extracted text is in its document, for people: "paragraph 4", "page 2, paragraph 3". */
export function blockAt(blocks: readonly ExtractedBlock[], offset: number): ExtractedBlock | undefined {
  let lo = 0;
  let hi = blocks.length - 1;
  if (hi < 0 || offset < blocks[0]!.start) return blocks[0];
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (blocks[mid]!.start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return blocks[lo];
}

export const blockLabel = (b: ExtractedBlock): string => `${b.page !== undefined ? `page ${b.page}, ` : ''}paragraph ${b.paragraph}`;

/** The kinds of document whose text is extracted before it is checked (plain text and Markdown are read as they are). */
export type DocumentFormat = 'docx' | 'odt' | 'html' | 'pdf';

/**
 * A paragraph of an extracted text and where it is in the document it came from, so that reporters can point a
 * person at it: the paragraph number (Word, OpenDocument, PDF), the page (PDF), the line of the HTML file.
 */
export interface ExtractedBlock {
  /** Offsets of the paragraph in the extracted text (the source's `text`). */
  start: number;
  end: number;
  /** 1-based number of the paragraph among the document's non-empty paragraphs (headings and list items count). */
  paragraph: number;
  /** 1-based line of the original file where the paragraph's element starts (HTML). */
  line?: number;
  /** 1-based page (PDF). */
  page?: number;
  /** Heading level, when the paragraph is a heading. */
  heading?: number;
}

/** What the document itself says about its text, as read from its properties or the page's metadata. */
export interface DocumentInfo {
  format: DocumentFormat;
  /** The URL the text was fetched from, after redirects, when it came from the web. */
  url?: string;
  title?: string;
  /** Authors from the document properties or the page's metadata. */
  author?: string;
  /** The publication date and time as the page's metadata writes it (ISO 8601). */
  published?: string;
  /** Where `published` was read: "JSON-LD datePublished", "meta article:published_time", "<time datetime>", … */
  publishedFrom?: string;
  /** Document dates from the file's properties: when it was created and last saved. Not publication dates. */
  created?: string;
  modified?: string;
  /** The language the document declares (<html lang>, og:locale, the ODF/OOXML language), ISO 639-1. */
  lang?: string;
  /** Paragraphs of the extracted text, in order. */
  blocks: ExtractedBlock[];
}

/** One input document, as loaded from disk or handed to the library API. */
export interface Source {
  /** Stable id used in every span: the path as given, relative to the working directory, with forward slashes. */
  id: string;
  path: string;
  /** ISO 639-1 code, e.g. "en", "vi", "ru"; "und" when undetermined. */
  lang: string;
  /** The original text, leading BOM removed; every offset in the report points into this string. */
  text: string;
  /** Publication date, ISO yyyy-mm-dd, when the page or a manifest gives one. */
  published?: string;
  publishedSpan?: Span;
  /** Publication date and time when the dateline gives a time ("2024-03-14T06:05+07:00"). */
  publishedAt?: string;
  provenance: Provenance;
  /** Declared by a manifest or inferred: sources with the same story key are versions of one story. */
  storyHint?: string;
  /** Warnings from loading (encoding guessed, lines with control characters, …). */
  warnings: string[];
  /** Set when the text was extracted from a document (Word, OpenDocument, web page, PDF): its metadata and paragraphs. */
  document?: DocumentInfo;
}

/** A source after cleaning: its blocks classified, metadata read from the page. */
export interface CleanSource extends Source {
  blocks: Block[];
}

/** The file name of a source id (what follows its last "/"). */
export const baseName = (id: string): string => id.slice(id.lastIndexOf('/') + 1);
