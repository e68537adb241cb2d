import type { Span } from './span.js';

/** How a quantity is hedged: "about 100" (approx), "more than 100" (gt), "at least" (ge), "less than" (lt), "up to" (le). */
export type Approximator = 'exact' | 'approx' | 'gt' | 'ge' | 'lt' | 'le';

export type QuantityKind = 'money' | 'count' | 'percent' | 'measure' | 'share' | 'duration';

export interface QuantityMention extends Span {
  type: 'quantity';
  text: string;
  kind: QuantityKind;
  /** Normalised value in base units (4.9 billion -> 4.9e9). */
  value: number;
  /** Upper bound of a range ("$15 billion to $20 billion"). */
  valueMax?: number;
  /** ISO 4217 code for money, a unit key for measures ("acre", "km", "TEU", "GW"), "%" for percent, "" for bare counts. */
  unit: string;
  approx: Approximator;
  /** Number of significant digits written, used to compare rounded figures. */
  precision?: number;
  /** Digits written after the decimal mark ("4.93 billion": 2), when there are any: dropping them is rounding. */
  decimals?: number;
  /** The currency comes from a sign or word shared by several currencies ("$", "dollars"): "$" may agree with C$. */
  currencyAssumed?: boolean;
  /** An amount in parentheses after an amount in another currency ("C$640 million ($465 million)"): a conversion. */
  conversion?: boolean;
  /** The unit the currency word also names, read when the other side is a measure ("10 pounds" / "4,5 Kilogramm"). */
  unitReading?: string;
}

export type DateGranularity = 'year' | 'quarter' | 'month' | 'day' | 'weekday';

export interface DateMention extends Span {
  type: 'date';
  text: string;
  granularity: DateGranularity;
  year?: number;
  quarter?: number;
  /** 1-12 */
  month?: number;
  day?: number;
  /** 0 = Sunday … 6 = Saturday, when the text names a weekday. */
  weekday?: number;
  /** True when resolved against the publication date ("last June", "on Monday"). */
  relative: boolean;
  /** Time expression like "by 2025", "until", "before": kept so rules can tell deadlines from events. */
  preposition?: string;
}

export interface EntityMention extends Span {
  type: 'entity';
  text: string;
  /** Folded key: lower case, no diacritics, Latin script, inflection stripped, alias resolved. */
  key: string;
  /** Key of each word, for short-form matching ("orlen technology" ~ "orlen"). */
  tokens: string[];
  /** True when a gazetteer alias produced the key (the surface form differs by translation, not spelling). */
  alias: boolean;
}

export type Mention = QuantityMention | DateMention | EntityMention;
