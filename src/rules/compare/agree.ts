import type { Approximator, DateMention, QuantityMention } from '../../model/mention.js';
import type { Units } from '../../lang/units.js';

/**
 * Whether two mentions of a number or a date can be the same fact.
 *   same          the same value, written differently ("$4.9 billion" / "4,9 tỷ USD", "12" / "a dozen")
 *   compatible    no conflict, but one is vaguer or rounder ("about 1,100" / "1,094", "June" / "June 2019")
 *   different     they cannot both be right ("37" / "73", "Dec. 10" / "Dec. 12")
 *   incomparable  they measure different things (a percentage and a count, C$ and US$ amounts)
 */
export type Agreement = 'same' | 'compatible' | 'different' | 'incomparable';

/** Relative tolerance for "about" between independent reports: about 1,100 covers 990..1,210. */
const APPROX_TOLERANCE = 0.1;
/** Largest relative gap between a rounded figure and a precise one that still rounds to it (1,094 ~ 1,100). */
const ROUNDING_TOLERANCE = 0.05;
/** Unit conversions (translators convert acres to hectares and round). */
const CONVERSION_TOLERANCE = 0.03;

/**
 * How two quantities are read. Versions of one text (a translation, a draft) keep the figures as written: an
 * approximator or a dropped decimal licenses rounding ("about 1,300" for "1,250", "4,9 tỷ" for "$4.93 billion"),
 * nothing licenses another figure ("5,001" for "5,000", "at least 30" for "at least 10"). Independent reports
 * (coverage) round as they like and bound values with their approximators ("more than 1,000" covers "1,094").
 */
export interface AgreeOptions {
  /** Unit conversions (the knowledge's units(): rules/units.json). */
  units: Units;
  coverage?: boolean;
}

/** Currencies one sign or word ("$", "dollars") can stand for. */
const DOLLARS = new Set(['USD', 'CAD', 'AUD', 'NZD', 'HKD', 'SGD', 'TWD', 'MXN', 'BRL']);

const rel = (a: number, b: number): number => Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b), Number.MIN_VALUE);
const equal = (a: number, b: number): boolean => a === b || rel(a, b) < 1e-9;

/** `precise` rounded to `digits` significant digits equals `rounded`. */
function roundsTo(precise: number, rounded: number, digits: number | undefined): boolean {
  if (!digits || precise === 0) return false;
  const mag = Math.floor(Math.log10(Math.abs(precise)));
  const step = 10 ** (mag - digits + 1);
  return equal(Math.round(precise / step) * step, rounded) || equal(Math.round(precise / (step * 10)) * step * 10, rounded);
}

const split = (unit: string): [base: string, per: string] => {
  const i = unit.indexOf('/');
  return i < 0 ? [unit, ''] : [unit.slice(0, i), unit.slice(i + 1)];
};

interface Scaled {
  lo: number;
  hi: number;
  approx: Approximator;
  value: number;
  valueMax: number;
  precision: number | undefined;
  /** Digits written after the decimal mark. */
  decimals: number;
}

function scaled(q: QuantityMention, factor: number, convert: (x: number) => number = (x) => x * factor): Scaled {
  const value = convert(q.value);
  const valueMax = convert(q.valueMax ?? q.value);
  let lo = value;
  let hi = valueMax;
  switch (q.approx) {
    case 'approx':
      lo = value - Math.abs(value) * APPROX_TOLERANCE;
      hi = valueMax + Math.abs(valueMax) * APPROX_TOLERANCE;
      break;
    case 'gt':
    case 'ge':
      hi = Infinity;
      break;
    case 'lt':
    case 'le':
      lo = -Infinity;
      break;
    default:
  }
  return { lo, hi, approx: q.approx, value, valueMax, precision: q.precision, decimals: q.decimals ?? 0 };
}

const cls = (a: Approximator): string => (a === 'gt' || a === 'ge' ? 'above' : a === 'lt' || a === 'le' ? 'below' : a);

/**
 * Whether the rounder of two single figures is the other rounded, and the rounding is licensed: by an approximator
 * on either side ("about 1,300" / "1,250"), by a conversion (`tolerance` > 0: converted figures are always
 * rounded), or by dropping only decimals ("4.9" / "4.93", "1.1 million" / "1.05 million"). A whole figure rounded
 * without a word saying so ("5,000" / "5,001", "1.250" / "1,252") is another figure.
 */
function roundedFrom(a: Scaled, b: Scaled, tolerance: number): boolean {
  const [p, r] = (a.precision ?? 99) >= (b.precision ?? 99) ? [a, b] : [b, a];
  if (!roundsTo(p.value, r.value, r.precision) || rel(p.value, r.value) > Math.max(ROUNDING_TOLERANCE, tolerance)) return false;
  if (tolerance > 0 || a.approx !== 'exact' || b.approx !== 'exact') return true;
  return p.decimals > 0 && (r.precision ?? 0) >= (p.precision ?? 99) - p.decimals;
}

/** Compares two values once units agree; `exactUnits` false caps the answer at "compatible". */
function compareValues(a: Scaled, b: Scaled, exactUnits: boolean, tolerance: number, opts: AgreeOptions): Agreement {
  const close = (x: number, y: number): boolean => equal(x, y) || (tolerance > 0 && rel(x, y) <= tolerance);
  const sameValues = close(a.value, b.value) && close(a.valueMax, b.valueMax);
  if (sameValues && a.approx === b.approx) return exactUnits && tolerance === 0 ? 'same' : 'compatible';
  // The same figure, hedged on one side only or hedged differently: a translator may drop "about".
  if (sameValues) return 'compatible';
  const rangeA = a.value !== a.valueMax;
  const rangeB = b.value !== b.valueMax;
  const slack = (x: number): number => Math.abs(x) * Math.max(tolerance, 1e-9);
  const overlap = (): boolean => a.lo - slack(a.lo) <= b.hi + slack(b.hi) && b.lo - slack(b.lo) <= a.hi + slack(a.hi);
  if (rangeA && rangeB) {
    // Two ranges ("2 to 3 inches" / "5 bis 7,5 Zentimeter"): each end is a figure of its own.
    const end = (x: number, y: number): boolean =>
      close(x, y) || roundedFrom({ ...a, value: x, valueMax: x }, { ...b, value: y, valueMax: y }, tolerance)
      || (opts.coverage === true && (a.approx === 'approx' || b.approx === 'approx') && rel(x, y) <= APPROX_TOLERANCE);
    return end(a.value, b.value) && end(a.valueMax, b.valueMax) ? 'compatible' : 'different';
  }
  // A range and a single figure: the figure must fall in the range.
  if (rangeA || rangeB) return overlap() ? 'compatible' : 'different';
  if (roundedFrom(a, b, tolerance)) return 'compatible';
  const hedged = a.approx === 'approx' || b.approx === 'approx';
  // A converted figure hedged ("nearly 20 degrees" / "fast 12 ºC"): the hedge covers the rounding of the conversion.
  if (tolerance > 0 && hedged && rel(a.value, b.value) <= APPROX_TOLERANCE) return 'compatible';
  if (!opts.coverage) return 'different';
  // Independent reports: "about" widens a figure, "more than" bounds it.
  if (cls(a.approx) === cls(b.approx) && !hedged) return rel(a.value, b.value) <= ROUNDING_TOLERANCE && roundsTo(...precisest(a, b)) ? 'compatible' : 'different';
  if (a.approx === 'approx' && b.approx === 'approx') return rel(a.value, b.value) <= APPROX_TOLERANCE ? 'compatible' : 'different';
  return overlap() ? 'compatible' : 'different';
}

/** Arguments of roundsTo for the rounder of two figures. */
const precisest = (a: Scaled, b: Scaled): [number, number, number | undefined] => {
  const [p, r] = (a.precision ?? 99) >= (b.precision ?? 99) ? [a, b] : [b, a];
  return [p.value, r.value, r.precision];
};

const better = (x: Agreement, y: Agreement): Agreement => {
  const rank: Record<Agreement, number> = { same: 3, compatible: 2, different: 1, incomparable: 0 };
  return rank[x] >= rank[y] ? x : y;
};

/**
 * Two measures in units of one dimension, the first converted into the second's unit: "385 miles" / "620 km",
 * "10 pounds" / "4,5 Kilogramm", "80 degrees" / "27 ºC". A unit with an offset (Fahrenheit) is read both as a
 * temperature and as a difference of temperatures ("a 20-degree difference" / "12 ºC").
 */
function compareMeasures(a: QuantityMention, ua: string, b: QuantityMention, ub: string, exactUnits: boolean, opts: AgreeOptions): Agreement {
  const t = opts.units;
  const readings = (u: string): readonly string[] => t.either.get(u) ?? [u];
  let best: Agreement = 'incomparable';
  for (const x of readings(ua)) for (const y of readings(ub)) {
    if (x === y) {
      best = better(best, compareValues(scaled(a, 1), scaled(b, 1), exactUnits && ua === ub, 0, opts));
      continue;
    }
    const fx = t.of.get(x);
    const fy = t.of.get(y);
    if (!fx || !fy || fx.dimension !== fy.dimension) continue;
    const absolute = (v: number): number => ((v + fx.offset) * fx.factor) / fy.factor - fy.offset;
    const difference = (v: number): number => (v * fx.factor) / fy.factor;
    const target = scaled(b, 1);
    best = better(best, compareValues(scaled(a, 1, absolute), target, false, CONVERSION_TOLERANCE, opts));
    if (fx.offset !== fy.offset) best = better(best, compareValues(scaled(a, 1, difference), target, false, CONVERSION_TOLERANCE, opts));
  }
  return best;
}

export function quantitiesAgree(a: QuantityMention, b: QuantityMention, opts: AgreeOptions): Agreement {
  // "116" against "116 123": a figure written in groups (a phone or reference number) read once as one number
  // and once as its first group. Neither is an amount to compare.
  const groups = (q: QuantityMention): string[] => {
    // After an approximator, if any ("unter 116 123").
    const run = /(?:^|[\s\u00a0])(\d+(?:[\s\u00a0\u202f]+\d+)+)$/u.exec(q.text.trim());
    return run ? run[1]!.split(/[\s\u00a0\u202f]+/u) : [q.text.replace(/\D/g, '')];
  };
  const ga = groups(a);
  const gb = groups(b);
  // A group of one read as the other ("116 123" as one number and "123" as a number of its own) is the same case.
  if ((ga.length > 1 || gb.length > 1) && (ga[0] === gb[0] || ga[0]?.startsWith('0') || gb[0]?.startsWith('0') || (ga.length > 1 && gb.length === 1 && ga.includes(gb[0]!)) || (gb.length > 1 && ga.length === 1 && gb.includes(ga[0]!)))) return 'incomparable';
  const r = quantitiesAgreeAsRead(a, b, opts);
  if (r !== 'different') return r;
  // "25,000" in a Vietnamese or Russian text may keep the English thousands comma: a figure read with a decimal
  // separator followed by exactly three digits also reads as thousands.
  for (const [x, y] of [[a, b], [b, a]] as const) {
    const alt = thousandsReading(x);
    if (alt === undefined) continue;
    const r2 = quantitiesAgreeAsRead({ ...x, value: alt, ...(x.valueMax !== undefined ? { valueMax: alt } : {}), decimals: 0, precision: integerPrecision(alt) }, y, opts);
    if (r2 === 'same' || r2 === 'compatible') return 'compatible';
  }
  return r;
}

/**
 * Whether a bare figure, read in another unit of the dimension of measure `q`, is `q` converted: "80" (degrees
 * Fahrenheit) against "27 ºC", "2" (inches) against "5 cm".
 */
export function readsAs(value: number, q: QuantityMention, t: Units): boolean {
  const [u, per] = split(q.unit);
  const dimensions = new Set((t.either.get(u) ?? [u]).map((x) => t.of.get(x)?.dimension));
  for (const [key, unit] of t.of) {
    if (key === u || !dimensions.has(unit.dimension)) continue;
    const figure: QuantityMention = {
      type: 'quantity', source: q.source, start: q.start, end: q.end, text: String(value), kind: 'measure', value,
      unit: per ? `${key}/${per}` : key, approx: 'exact', precision: integerPrecision(value),
    };
    const r = quantitiesAgree(figure, q, { units: t });
    if (r === 'same' || r === 'compatible') return true;
  }
  return false;
}

/** Significant digits of a whole number as written without decimals: 25000 -> 2, 1094 -> 4. */
const integerPrecision = (n: number): number => Math.max(1, String(Math.trunc(Math.abs(n))).replace(/0+$/, '').length);

/** "25,000" read as 25.0 (decimal comma) -> 25000; undefined when the figure was not read that way. */
function thousandsReading(q: QuantityMention): number | undefined {
  const m = /(?<![\d.,])(\d{1,3})[.,](\d{3})(?![\d.,])/u.exec(q.text);
  if (!m) return undefined;
  return q.value === Number(`${m[1]}.${m[2]}`) ? Number(`${m[1]}${m[2]}`) : undefined;
}

function quantitiesAgreeAsRead(a: QuantityMention, b: QuantityMention, opts: AgreeOptions): Agreement {
  const ea = a as QuantityMention;
  const eb = b as QuantityMention;
  const [ua, pa] = split(a.unit);
  const [ub, pb] = split(b.unit);
  // A rate and the same figure without its period ("2 million TEU a year" / "2 million TEU of capacity") can agree.
  let exactUnits = pa === pb;
  if (pa && pb && pa !== pb) return 'incomparable';
  const cmp = (x: Scaled, y: Scaled, exact: boolean, tolerance = 0): Agreement => compareValues(x, y, exact, tolerance, opts);

  if (a.kind === 'money' || b.kind === 'money') {
    // "10 pounds" against a mass: the currency word is also a unit.
    if (a.kind === 'money' && a.unitReading && b.kind === 'measure') return quantitiesAgreeAsRead({ ...a, kind: 'measure', unit: a.unitReading }, b, opts);
    if (b.kind === 'money' && b.unitReading && a.kind === 'measure') return quantitiesAgreeAsRead(a, { ...b, kind: 'measure', unit: b.unitReading }, opts);
    if (a.kind !== b.kind) return 'incomparable';
    if (ua !== ub) {
      const guessed = ea.currencyAssumed === true || eb.currencyAssumed === true;
      const maybeSame = guessed && DOLLARS.has(ua) && DOLLARS.has(ub);
      // The same figure in two currencies that cannot be one ("$84 million" / "84 triệu euro": a "$" is some dollar,
      // never a euro) is a changed currency; different figures may be a conversion, which a translation may make.
      if (!maybeSame && ua && ub && cmp(scaled(a, 1), scaled(b, 1), true) === 'same') return 'different';
      if (!maybeSame) return 'incomparable';
      exactUnits = false;
    }
    // A conversion in parentheses next to an amount whose currency is only guessed is not the same amount.
    if (ea.conversion !== eb.conversion && (ua !== ub || ea.currencyAssumed || eb.currencyAssumed)) return 'incomparable';
    return cmp(scaled(a, 1), scaled(b, 1), exactUnits);
  }

  const pct = (q: QuantityMention): number | undefined =>
    q.kind === 'percent' ? 1 : q.kind === 'share' && q.unit === '' ? 100 : undefined;
  if (pct(a) !== undefined && pct(b) !== undefined) {
    if ((ua === 'pp') !== (ub === 'pp')) exactUnits = false;
    const fa = pct(a)!;
    const fb = pct(b)!;
    // "a fifth" is 20% as written, but a fraction is always a rounder figure.
    return cmp(scaled(a, fa), scaled(b, fb), exactUnits && fa === fb, fa === fb ? 0 : 0.02);
  }
  if (pct(a) !== undefined || pct(b) !== undefined) return 'incomparable';
  if (a.kind === 'share' || b.kind === 'share') {
    if (a.kind !== b.kind || a.unit !== b.unit) return 'incomparable';
    return cmp(scaled(a, 1), scaled(b, 1), exactUnits);
  }

  const t = opts.units;
  if (a.kind === 'duration' || b.kind === 'duration') {
    if (a.kind !== b.kind) return 'incomparable';
    const da = t.of.get(ua);
    const db = t.of.get(ub);
    if (!da || !db || da.dimension !== db.dimension) return ua === ub ? cmp(scaled(a, 1), scaled(b, 1), exactUnits) : 'incomparable';
    return cmp(scaled(a, da.factor), scaled(b, db.factor), exactUnits && ua === ub);
  }

  if (a.kind === 'measure' && b.kind === 'measure') {
    // A measure per hour is another dimension: a distance is not a speed ("385 miles" / "135 km/h"). Per year it is
    // an amount often stated without its period ("1.2 million TEUs" / "1,2 triệu TEU mỗi năm").
    if (pa !== pb && (t.of.get(pa)?.dimension === 'clock' || t.of.get(pb)?.dimension === 'clock')) return 'incomparable';
    if (ua === ub && !t.either.has(ua)) return cmp(scaled(a, 1), scaled(b, 1), exactUnits);
    return compareMeasures(a, ua, b, ub, exactUnits, opts);
  }

  if (a.kind === 'count' || b.kind === 'count') {
    // A bare count against a measure ("1.2 million" / "1.2 million TEU"): the unit may just be unstated.
    if (a.kind !== b.kind && !((a.kind === 'count' && ua === '') || (b.kind === 'count' && ub === ''))) return 'incomparable';
    if (a.kind !== b.kind || ua !== ub) {
      const r = cmp(scaled(a, 1), scaled(b, 1), false);
      return r === 'different' ? 'incomparable' : r;
    }
    return cmp(scaled(a, 1), scaled(b, 1), exactUnits);
  }
  return a.kind === b.kind && a.unit === b.unit ? cmp(scaled(a, 1), scaled(b, 1), exactUnits) : 'incomparable';
}

// ---------------------------------------------------------------- dates

const quarterOf = (d: DateMention): number | undefined => d.quarter ?? (d.month !== undefined ? Math.ceil(d.month / 3) : undefined);

const weekdayOf = (d: DateMention): number | undefined =>
  d.year !== undefined && d.month !== undefined && d.day !== undefined ? new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay() : undefined;

export function datesAgree(a: DateMention, b: DateMention): Agreement {
  let compared = false;
  let exact = a.granularity === b.granularity;
  const cmp = (x: number | undefined, y: number | undefined): boolean | undefined => {
    if (x === undefined || y === undefined) {
      if (x !== y) exact = false;
      return undefined;
    }
    compared = true;
    return x === y;
  };
  if (cmp(a.year, b.year) === false) return 'different';
  if (a.month !== undefined && b.month !== undefined) {
    if (cmp(a.month, b.month) === false) return 'different';
  } else if (cmp(quarterOf(a), quarterOf(b)) === false) return 'different';
  else if (a.month !== b.month) exact = false;
  if (a.month !== undefined && a.month === b.month && cmp(a.day, b.day) === false) return 'different';
  if (a.day !== b.day) exact = false;
  const wa = a.weekday ?? weekdayOf(a);
  const wb = b.weekday ?? weekdayOf(b);
  if ((a.day === undefined || b.day === undefined) && wa !== undefined && wb !== undefined) {
    compared = true;
    if (wa !== wb) return 'different';
  }
  if (!compared) return 'incomparable';
  return exact ? 'same' : 'compatible';
}
