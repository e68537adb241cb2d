import { icuMonthNames, icuShortMonthForms, icuWeekdayNames } from './intl.js';
import { packError, readPackFile, withDefaults, type PackData } from './load.js';
import type { LangPack } from './pack.js';
import { compileDateTemplate, type CompiledDatePattern, type DatePlaceholder, type DateRole } from './templates.js';
import { lookupKey, sortedTerms } from './text.js';

/**
 * A pack made ready for matching: ICU's month and weekday names added to the pack's own, and its date templates
 * compiled (a bad template is an FL301 error at load). The extractors build their own tables from a LoadedPack once
 * per pack (see pipeline/extract/numparse.ts), never per call.
 */

export interface LoadedPack extends LangPack {
  /** The file it was loaded from. */
  file: string;
  /** Month names and abbreviations (lower case) from ICU and the pack -> 1..12. */
  monthNames: Map<string, number>;
  /** Weekday names (lower case) from ICU and the pack -> 0..6. */
  weekdayNames: Map<string, number>;
  /** Flags for the pack's name-matching expressions: "gu", plus "i" unless dates.caseSensitive. */
  nameFlags: string;
  /** The surface forms of month and weekday names as they must be matched (original case when case-sensitive). */
  monthForms: string[];
  weekdayForms: string[];
  datePatterns: CompiledDatePattern[];
  /** What each placeholder of the date templates matches. */
  datePlaceholders: Record<DateRole, DatePlaceholder>;
}

function buildNames(pack: LangPack): Pick<LoadedPack, 'monthNames' | 'weekdayNames' | 'monthForms' | 'weekdayForms'> {
  const monthNames = new Map<string, number>();
  const weekdayNames = new Map<string, number>();
  const monthForms = new Set<string>();
  const weekdayForms = new Set<string>();
  const addMonth = (form: string, m: number): void => {
    monthForms.add(form);
    if (!monthNames.has(lookupKey(form))) monthNames.set(lookupKey(form), m);
  };
  const icuMonths = pack.code === 'und' ? new Map<string, number>() : icuMonthNames(pack.code);
  const short = pack.code === 'und' ? new Set<string>() : icuShortMonthForms(pack.code);
  for (const [form, m] of icuMonths) {
    addMonth(form, m);
    // Abbreviations are written with and without their dot ("Sep"/"Sep.", "янв."/"янв").
    if (!short.has(form) || /\d/.test(form)) continue;
    if (form.endsWith('.')) addMonth(form.slice(0, -1), m);
    else addMonth(`${form}.`, m);
  }
  for (const [form, m] of Object.entries(pack.dates.months)) addMonth(form, m);
  const icuDays = pack.code === 'und' ? new Map<string, number>() : icuWeekdayNames(pack.code);
  for (const [form, d] of [...icuDays, ...Object.entries(pack.dates.weekdays)]) {
    weekdayForms.add(form);
    if (!weekdayNames.has(lookupKey(form))) weekdayNames.set(lookupKey(form), d);
  }
  return { monthNames, weekdayNames, monthForms: [...monthForms], weekdayForms: [...weekdayForms] };
}

function compileDates(pack: LangPack, names: ReturnType<typeof buildNames>, file: string, text: string | undefined) {
  const cs = pack.dates.caseSensitive === true;
  const flags = cs ? 'gu' : 'giu';
  const suffixes = pack.dates.daySuffixes ?? [];

  const termsOf = (terms: Iterable<string>, caseVariants: boolean): DatePlaceholder => ({ terms: sortedTerms(terms, caseVariants) });
  const datePlaceholders: Record<DateRole, DatePlaceholder> = {
    day: { digits: { min: 1, max: 2, suffixes } },
    mm: { digits: { min: 1, max: 2, suffixes: [] } },
    year: { digits: { min: 4, max: 4, suffixes: [] } },
    // Not the start of a hyphenated name: "Сент-Луис", "May-Britt".
    month: { ...termsOf(names.monthForms, false), notBeforeHyphenLetter: true },
    weekday: { ...termsOf(names.weekdayForms, false), notBeforeHyphenLetter: true },
    quarter: termsOf(Object.keys(pack.dates.quarters), cs),
    daypart: termsOf(pack.dates.dayParts ?? [], cs),
    last: termsOf(pack.dates.last, cs),
    next: termsOf(pack.dates.next, cs),
    this: termsOf(pack.dates.this, cs),
    yearword: termsOf(pack.dates.yearWords, cs),
    monthword: termsOf(pack.dates.monthWords, cs),
  };
  const datePatterns = pack.dates.patterns.map((t, k) => {
    try {
      return compileDateTemplate(t, flags);
    } catch (e) {
      throw packError(file, text, `/dates/patterns/${k}`, (e as Error).message);
    }
  });
  return { datePatterns, nameFlags: flags, datePlaceholders };
}

function assemble(pack: LangPack, file: string, names: ReturnType<typeof buildNames>, dates: ReturnType<typeof compileDates>): LoadedPack {
  return { ...pack, file, ...names, ...dates };
}

/** Loads and validates one pack file; throws FactlintError FL301 naming the file, field and line on any problem. */
export function loadPackFile(path: string): LoadedPack {
  return compilePack(readPackFile(path));
}

/** Adds ICU's month and weekday names to a pack read by readPackFile, and compiles its date templates. */
export function compilePack({ pack, path, text }: PackData): LoadedPack {
  const names = buildNames(pack);
  const dates = compileDates(pack, names, path, text);
  return assemble(pack, path, names, dates);
}

/** Used only if rules/lang/und.json is missing: "." decimals, no words, so extraction never crashes. */
export function neutralPack(): LoadedPack {
  const pack = withDefaults({ code: 'und', name: 'Undetermined', numbers: { decimal: ['.'], thousands: [','] }, dates: { order: 'ymd' } });
  const names = buildNames(pack);
  return assemble(pack, '', names, compileDates(pack, names, '', undefined));
}
