import { escapeRe } from '../../lang/text.js';
import type { QuantityMention } from '../../model/mention.js';

/** The pack's label nouns as one expression that ends a string ("hiệp", "round", "этап"). */
export const labelWords = (nouns: readonly string[]): RegExp =>
  new RegExp(`(?:^|[^\\p{L}\\p{M}])(?:${nouns.length ? nouns.map((n) => escapeRe(n).replace(/ +/g, '\\s+')).join('|') : '(?!)'})[\\s\\u00a0]+$`, 'iu');

/** A bare figure right after a label noun names, it does not count: "hiệp 1" (the first half), "round 2", "этап 3". */
export const isLabel = (text: string, q: QuantityMention, labels: RegExp): boolean =>
  q.kind === 'count' && q.unit === '' && q.approx === 'exact' && /\p{N}/u.test(q.text) && labels.test(text.slice(Math.max(0, q.start - 30), q.start));
