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
}

/** A source after cleaning: its blocks classified, metadata read from the page. */
export interface CleanSource extends Source {
  blocks: Block[];
}

/** The file name of a source id (what follows its last "/"). */
export const baseName = (id: string): string => id.slice(id.lastIndexOf('/') + 1);
