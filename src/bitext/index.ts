import { extname } from 'node:path';
import { bitextError, BITEXT_CODES, type BitextFormat, type BitextOptions, type BitextRows } from './rows.js';

export { BITEXT_CODES, toArray, type BitextCode, type BitextFormat, type BitextOptions, type BitextRow, type BitextRows } from './rows.js';
export { isLanguageCode, languageOfName, primaryLanguage } from './lang.js';

/** File extension (lower case, with the dot) → format. */
export const BITEXT_EXTENSIONS: Readonly<Record<string, BitextFormat>> = {
  '.tsv': 'tsv',
  '.jsonl': 'jsonl',
  '.po': 'po',
  '.xlf': 'xliff',
  '.xliff': 'xliff',
  '.tmx': 'tmx',
};

type Reader = (path: string, opts?: BitextOptions) => Promise<BitextRows>;

// Loaded on first use: the XML and PO parsers cost start-up time that a check of plain text files never needs.
const READERS: Record<BitextFormat, () => Promise<Reader>> = {
  tsv: async () => (await import('./tsv.js')).readTsv,
  jsonl: async () => (await import('./jsonl.js')).readJsonl,
  po: async () => (await import('./po.js')).readPo,
  xliff: async () => (await import('./xliff.js')).readXliff,
  tmx: async () => (await import('./tmx.js')).readTmx,
};

/** The bitext format of a path, from its extension; undefined when it is not one. */
export const bitextFormat = (path: string): BitextFormat | undefined => BITEXT_EXTENSIONS[extname(path).toLowerCase()];

/** True when the path has a bitext extension (.tsv, .jsonl, .po, .xlf, .xliff, .tmx). */
export const isBitextPath = (path: string): boolean => bitextFormat(path) !== undefined;

/** Reads a bitext file, choosing the reader by extension; other extensions are FL700. */
export function readBitext(path: string, opts: BitextOptions = {}): Promise<BitextRows> {
  const format = bitextFormat(path);
  if (format === undefined) {
    return Promise.reject(
      bitextError('FL700', `not a bitext file (extension "${extname(path) || 'none'}")`, path, undefined, `bitext files end in ${Object.keys(BITEXT_EXTENSIONS).join(', ')}; convert the file or rename it`),
    );
  }
  return READERS[format]().then((read) => read(path, opts));
}
