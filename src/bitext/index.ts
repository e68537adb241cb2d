import { extname } from 'node:path';
import { readJsonl } from './jsonl.js';
import { readPo } from './po.js';
import { bitextError, BITEXT_CODES, type BitextFormat, type BitextOptions, type BitextRows } from './rows.js';
import { readTmx } from './tmx.js';
import { readTsv } from './tsv.js';
import { readXliff } from './xliff.js';

export { BITEXT_CODES, toArray, type BitextCode, type BitextFormat, type BitextOptions, type BitextRow, type BitextRows } from './rows.js';
export { isLanguageCode, languageOfName, primaryLanguage } from './lang.js';
export { readJsonl, readPo, readTmx, readTsv, readXliff };

/** File extension (lower case, with the dot) → format. */
export const BITEXT_EXTENSIONS: Readonly<Record<string, BitextFormat>> = {
  '.tsv': 'tsv',
  '.jsonl': 'jsonl',
  '.po': 'po',
  '.xlf': 'xliff',
  '.xliff': 'xliff',
  '.tmx': 'tmx',
};

const READERS: Record<BitextFormat, (path: string, opts?: BitextOptions) => Promise<BitextRows>> = {
  tsv: readTsv,
  jsonl: readJsonl,
  po: readPo,
  xliff: readXliff,
  tmx: readTmx,
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
  return READERS[format](path, opts);
}
