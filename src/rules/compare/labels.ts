import { escapeRe } from '../../lang/text.js';
import type { QuantityMention } from '../../model/mention.js';

const NO_LABEL = /(?!)/u;
const compiled = new WeakMap<readonly string[], RegExp>();
/**
 * The pack's label nouns as one expression that ends a string ("hiệp", "round", "этап"). Compiled once per list (a
 * pack's): rules ask for it on every pair, and a translation memory has hundreds of thousands. No `g` or `y` flag, so
 * one object serves every caller.
 */
export function labelWords(nouns: readonly string[]): RegExp {
  if (nouns.length === 0) return NO_LABEL;
  let re = compiled.get(nouns);
  if (!re) {
    re = new RegExp(`(?:^|[^\\p{L}\\p{M}])(?:${nouns.map((n) => escapeRe(n).replace(/ +/g, '\\s+')).join('|')})[\\s\\u00a0]+$`, 'iu');
    compiled.set(nouns, re);
  }
  return re;
}

/** A bare figure right after a label noun names, it does not count: "hiệp 1" (the first half), "round 2", "этап 3". */
export const isLabel = (text: string, q: QuantityMention, labels: RegExp): boolean =>
  q.kind === 'count' && q.unit === '' && q.approx === 'exact' && /\p{N}/u.test(q.text) && labels.test(text.slice(Math.max(0, q.start - 30), q.start));
