import type { Approximator, DateMention, QuantityMention } from '../../model/mention.js';

/**
 * Whether two mentions of a number or a date can be the same fact.
 *   same          the same value, written differently ("$4.9 billion" / "4,9 tỷ USD", "12" / "a dozen")
 *   compatible    no conflict, but one is vaguer or rounder ("about 1,100" / "1,094", "June" / "June 2019")
 *   different     they cannot both be right ("37" / "73", "Dec. 10" / "Dec. 12")
 *   incomparable  they measure different things (a percentage and a count, C$ and US$ amounts)
 */
export type Agreement = 'same' | 'compatible' | 'different' | 'incomparable';

/** Relative tolerance for "about": about 1,100 covers 990..1,210. */
const APPROX_TOLERANCE = 0.1;
/** Largest relative gap between a rounded figure and a precise one that still rounds to it (1,094 ~ 1,100). */
const ROUNDING_TOLERANCE = 0.05;
/** Unit conversions (translators convert acres to hectares and round). */
const CONVERSION_TOLERANCE = 0.03;

const MEASURES: Record<string, [dimension: string, factor: number]> = {
  km: ['length', 1000], mi: ['length', 1609.344], m: ['length', 1], ft: ['length', 0.3048], cm: ['length', 0.01], mm: ['length', 0.001],
  ha: ['area', 10000], acre: ['area', 4046.8564224], km2: ['area', 1e6], mi2: ['area', 2589988.110336], m2: ['area', 1],
  t: ['mass', 1000], kg: ['mass', 1], lb: ['mass', 0.45359237], DWT: ['mass', 1000],
  GW: ['power', 1e9], MW: ['power', 1e6], kW: ['power', 1e3],
  TWh: ['energy', 1e12], GWh: ['energy', 1e9], MWh: ['energy', 1e6], kWh: ['energy', 1e3],
};

const DURATIONS: Record<string, [dimension: string, factor: number]> = {
  decade: ['months', 120], year: ['months', 12], month: ['months', 1], week: ['days', 7], day: ['days', 1], hour: ['hours', 1], minute: ['hours', 1 / 60],
};

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
}

function scaled(q: QuantityMention, factor: number): Scaled {
  const value = q.value * factor;
  const valueMax = (q.valueMax ?? q.value) * factor;
  let lo = value;
  let hi = valueMax;
  switch (q.approx) {
    case 'approx':
      lo = value * (1 - APPROX_TOLERANCE);
      hi = valueMax * (1 + APPROX_TOLERANCE);
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
  return { lo, hi, approx: q.approx, value, valueMax, precision: q.precision };
}

const cls = (a: Approximator): string => (a === 'gt' || a === 'ge' ? 'above' : a === 'lt' || a === 'le' ? 'below' : a);

/** Compares two values once units agree; `exactUnits` false caps the answer at "compatible". */
function compareValues(a: Scaled, b: Scaled, exactUnits: boolean, tolerance = 0): Agreement {
  const close = (x: number, y: number): boolean => equal(x, y) || (tolerance > 0 && rel(x, y) <= tolerance);
  const sameValues = close(a.value, b.value) && close(a.valueMax, b.valueMax);
  if (sameValues && a.approx === b.approx) return exactUnits && tolerance === 0 ? 'same' : 'compatible';
  const isRange = a.value !== a.valueMax || b.value !== b.valueMax;
  if (!isRange && cls(a.approx) === cls(b.approx) && a.approx !== 'approx') {
    // Both exact, or both "more than …": the figures themselves must match, up to rounding.
    if (sameValues) return 'compatible';
    const [p, r] = (a.precision ?? 99) >= (b.precision ?? 99) ? [a, b] : [b, a];
    if (rel(p.value, r.value) <= Math.max(ROUNDING_TOLERANCE, tolerance) && (roundsTo(p.value, r.value, r.precision) || tolerance > 0))
      return 'compatible';
    return 'different';
  }
  if (a.approx === 'approx' && b.approx === 'approx' && !isRange) {
    return rel(a.value, b.value) <= APPROX_TOLERANCE ? 'compatible' : 'different';
  }
  // Mixed approximators or ranges: the intervals must overlap (widened by the conversion tolerance).
  const slack = (x: number): number => Math.abs(x) * Math.max(tolerance, 1e-9);
  const overlap = a.lo - slack(a.lo) <= b.hi + slack(b.hi) && b.lo - slack(b.lo) <= a.hi + slack(a.hi);
  return overlap ? 'compatible' : 'different';
}

export function quantitiesAgree(a: QuantityMention, b: QuantityMention): Agreement {
  // "116" against "116 123": a figure written in groups (a phone or reference number) read once as one number
  // and once as its first group. Neither is an amount to compare.
  const groups = (q: QuantityMention): string[] =>
    /^\d+(?:[\s\u00a0\u202f]+\d+)+$/u.test(q.text.trim()) ? q.text.trim().split(/[\s\u00a0\u202f]+/u) : [q.text.replace(/\D/g, '')];
  const ga = groups(a);
  const gb = groups(b);
  // A group of one read as the other ("116 123" as one number and "123" as a number of its own) is the same case.
  if ((ga.length > 1 || gb.length > 1) && (ga[0] === gb[0] || ga[0]?.startsWith('0') || gb[0]?.startsWith('0') || (ga.length > 1 && gb.length === 1 && ga.includes(gb[0]!)) || (gb.length > 1 && ga.length === 1 && gb.includes(ga[0]!)))) return 'incomparable';
  const r = quantitiesAgreeAsRead(a, b);
  if (r !== 'different') return r;
  // "25,000" in a Vietnamese or Russian text may keep the English thousands comma: a figure read with a decimal
  // separator followed by exactly three digits also reads as thousands.
  for (const [x, y] of [[a, b], [b, a]] as const) {
    const alt = thousandsReading(x);
    if (alt === undefined) continue;
    const r2 = quantitiesAgreeAsRead({ ...x, value: alt, ...(x.valueMax !== undefined ? { valueMax: alt } : {}) }, y);
    if (r2 === 'same' || r2 === 'compatible') return 'compatible';
  }
  return r;
}

/** "25,000" read as 25.0 (decimal comma) -> 25000; undefined when the figure was not read that way. */
function thousandsReading(q: QuantityMention): number | undefined {
  const m = /(?<![\d.,])(\d{1,3})[.,](\d{3})(?![\d.,])/u.exec(q.text);
  if (!m) return undefined;
  return q.value === Number(`${m[1]}.${m[2]}`) ? Number(`${m[1]}${m[2]}`) : undefined;
}

function quantitiesAgreeAsRead(a: QuantityMention, b: QuantityMention): Agreement {
  const ea = a as QuantityMention;
  const eb = b as QuantityMention;
  const [ua, pa] = split(a.unit);
  const [ub, pb] = split(b.unit);
  // A rate and the same figure without its period ("2 million TEU a year" / "2 million TEU of capacity") can agree.
  let exactUnits = pa === pb;
  if (pa && pb && pa !== pb) return 'incomparable';

  if (a.kind === 'money' || b.kind === 'money') {
    if (a.kind !== b.kind) return 'incomparable';
    if (ua !== ub) {
      const guessed = ea.currencyAssumed === true || eb.currencyAssumed === true;
      const maybeSame = guessed && DOLLARS.has(ua) && DOLLARS.has(ub);
      // The same figure in two currencies that cannot be one ("$84 million" / "84 triệu euro": a "$" is some dollar,
      // never a euro) is a changed currency; different figures may be a conversion, which a translation may make.
      if (!maybeSame && ua && ub && compareValues(scaled(a, 1), scaled(b, 1), true) === 'same') return 'different';
      if (!maybeSame) return 'incomparable';
      exactUnits = false;
    }
    // A conversion in parentheses next to an amount whose currency is only guessed is not the same amount.
    if (ea.conversion !== eb.conversion && (ua !== ub || ea.currencyAssumed || eb.currencyAssumed)) return 'incomparable';
    return compareValues(scaled(a, 1), scaled(b, 1), exactUnits);
  }

  const pct = (q: QuantityMention): number | undefined =>
    q.kind === 'percent' ? 1 : q.kind === 'share' && q.unit === '' ? 100 : undefined;
  if (pct(a) !== undefined && pct(b) !== undefined) {
    if ((ua === 'pp') !== (ub === 'pp')) exactUnits = false;
    const fa = pct(a)!;
    const fb = pct(b)!;
    // "a fifth" is 20% as written, but a fraction is always a rounder figure.
    return compareValues(scaled(a, fa), scaled(b, fb), exactUnits && fa === fb, fa === fb ? 0 : 0.02);
  }
  if (pct(a) !== undefined || pct(b) !== undefined) return 'incomparable';
  if (a.kind === 'share' || b.kind === 'share') {
    if (a.kind !== b.kind || a.unit !== b.unit) return 'incomparable';
    return compareValues(scaled(a, 1), scaled(b, 1), exactUnits);
  }

  if (a.kind === 'duration' || b.kind === 'duration') {
    if (a.kind !== b.kind) return 'incomparable';
    const da = DURATIONS[ua];
    const db = DURATIONS[ub];
    if (!da || !db || da[0] !== db[0]) return ua === ub ? compareValues(scaled(a, 1), scaled(b, 1), exactUnits) : 'incomparable';
    return compareValues(scaled(a, da[1]), scaled(b, db[1]), exactUnits && ua === ub);
  }

  if (a.kind === 'measure' && b.kind === 'measure') {
    // Bare "degrees" may be Fahrenheit on one side and Celsius on the other (translators convert them).
    if (ua === '°' && ub === '°') { const r = compareValues(scaled(a, 1), scaled(b, 1), exactUnits); return r === 'different' ? 'incomparable' : r; }
    if (ua === ub) return compareValues(scaled(a, 1), scaled(b, 1), exactUnits);
    const ma = MEASURES[ua];
    const mb = MEASURES[ub];
    if (!ma || !mb || ma[0] !== mb[0]) return 'incomparable';
    return compareValues(scaled(a, ma[1]), scaled(b, mb[1]), false, CONVERSION_TOLERANCE);
  }

  if (a.kind === 'count' || b.kind === 'count') {
    // A bare count against a measure ("1.2 million" / "1.2 million TEU"): the unit may just be unstated.
    if (a.kind !== b.kind && !((a.kind === 'count' && ua === '') || (b.kind === 'count' && ub === ''))) return 'incomparable';
    if (a.kind !== b.kind || ua !== ub) {
      const r = compareValues(scaled(a, 1), scaled(b, 1), false);
      return r === 'different' ? 'incomparable' : r;
    }
    return compareValues(scaled(a, 1), scaled(b, 1), exactUnits);
  }
  return a.kind === b.kind && a.unit === b.unit ? compareValues(scaled(a, 1), scaled(b, 1), exactUnits) : 'incomparable';
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
