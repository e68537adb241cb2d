/**
 * What the platform already knows about a language: month and weekday names from ICU (Intl.DateTimeFormat), so
 * packs list only what ICU lacks (abbreviations with a dot, Russian prepositional "марте", accusative "среду").
 *
 * Months are read in the standalone context ({ month }) and in the format context ({ day, month }), which is where
 * ICU keeps the Russian genitive ("марта", "июля"); both long and short forms. Names keep ICU's case (the loader
 * matches them case-sensitively for packs that ask for it, e.g. en "May" vs the modal "may").
 */

const YEAR = 2024;

/** The names ICU gives for each month in `locale`, mapped to 1..12. */
export function icuMonthNames(locale: string): Map<string, number> {
  const out = new Map<string, number>();
  if (!supported(locale)) return out;
  const formats: Intl.DateTimeFormatOptions[] = [
    { month: 'long' },
    { month: 'short' },
    { month: 'long', day: 'numeric' },
    { month: 'short', day: 'numeric' },
  ];
  for (const options of formats) {
    const fmt = new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' });
    for (let m = 0; m < 12; m++) {
      const part = fmt.formatToParts(new Date(Date.UTC(YEAR, m, 15))).find((p) => p.type === 'month');
      const name = part?.value.trim();
      // Numeric "months" (some locales format { month: 'short' } as "3") are not names.
      if (name && !/^\d+\.?$/.test(name) && !out.has(name)) out.set(name, m + 1);
    }
  }
  return out;
}

/** The abbreviated month names ICU gives in `locale` that are not also full names ("Sep", "мар.", "févr."). */
export function icuShortMonthForms(locale: string): Set<string> {
  const out = new Set<string>();
  if (!supported(locale)) return out;
  const long = new Set<string>();
  for (const [options, into] of [
    [{ month: 'long' }, long],
    [{ month: 'long', day: 'numeric' }, long],
    [{ month: 'short' }, out],
    [{ month: 'short', day: 'numeric' }, out],
  ] as const) {
    const fmt = new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' });
    for (let m = 0; m < 12; m++) {
      const v = fmt.formatToParts(new Date(Date.UTC(YEAR, m, 15))).find((p) => p.type === 'month')?.value.trim();
      if (v) into.add(v);
    }
  }
  for (const l of long) out.delete(l);
  return out;
}

/** The long weekday names ICU gives in `locale`, mapped to 0 (Sunday) .. 6. */
export function icuWeekdayNames(locale: string): Map<string, number> {
  const out = new Map<string, number>();
  if (!supported(locale)) return out;
  for (const options of [{ weekday: 'long' }, { weekday: 'long', day: 'numeric', month: 'long' }] as const) {
    const fmt = new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' });
    // 1 September 2024 was a Sunday.
    for (let d = 0; d < 7; d++) {
      const part = fmt.formatToParts(new Date(Date.UTC(YEAR, 8, 1 + d))).find((p) => p.type === 'weekday');
      const name = part?.value.trim();
      if (name && !out.has(name)) out.set(name, d);
    }
  }
  return out;
}

/** True when ICU has data for the language itself (not only a fallback to the root locale). */
export function supported(locale: string): boolean {
  try {
    return Intl.DateTimeFormat.supportedLocalesOf([locale]).length > 0;
  } catch {
    return false;
  }
}

const regionCache = new Map<string, Set<string>>();

/**
 * The names ICU gives for the world's countries and territories in `locale` ("Argentina", "Hoa Kỳ", "Португалия",
 * "Irland"), as written. A version that names one of them has written a place, not misspelt the other version's
 * word for it ("Argentina" for "Argentine").
 */
export function icuRegionNames(locale: string): Set<string> {
  let out = regionCache.get(locale);
  if (out) return out;
  out = new Set<string>();
  if (supported(locale)) {
    const names = new Intl.DisplayNames([locale], { type: 'region', fallback: 'none' });
    // Every two-letter code; ICU answers undefined for those that name no region.
    for (let i = 0; i < 26 * 26; i++) {
      const code = String.fromCharCode(65 + Math.floor(i / 26), 65 + (i % 26));
      const name = names.of(code);
      if (name && name !== code) out.add(name);
    }
  }
  regionCache.set(locale, out);
  return out;
}
