/**
 * A language pack: everything factlint knows about one language, loaded from rules/lang/<code>.json
 * and validated against rules/schema/lang.schema.json. Month and weekday names that ICU knows are
 * added at load time from Intl.DateTimeFormat (see intl.ts), so packs only list what ICU lacks
 * (abbreviations like "Sept.", Vietnamese "tháng 6" forms are handled by patterns).
 */
export interface LangPack {
  code: string;
  name: string;
  /** Language this pack extends (e.g. a regional variant); its lists are merged under this pack's. */
  numbers: {
    /** Decimal mark(s): "." in en, "," in vi/ru/de/fr/es. */
    decimal: string[];
    /** Thousands separators: ",", ".", " ", "\u00a0", "\u202f". */
    thousands: string[];
    /** Spelled-out numbers: "one": 1, "a dozen": 12, "hai": 2, "два": 2 (all inflected forms listed). */
    words: Record<string, number>;
    /** Scale words and abbreviations: "million": 1e6, "m": 1e6, "bn": 1e9, "triệu": 1e6, "tỷ": 1e9, "млн": 1e6, "тыс.": 1e3. */
    scales: Record<string, number>;
    /** Fractions: "a fifth": 0.2, "half": 0.5, "một phần năm": 0.2. */
    fractions: Record<string, number>;
    /** Multipliers: "double"/"twice": 2, "more than double" etc. */
    multipliers?: Record<string, number>;
    /** Words for percent after a number: "percent", "per cent", "phần trăm", "процент", "процента", "процентов". */
    percent: string[];
    /** Approximators before (or after) a number, mapped to their meaning. */
    approximators: Record<string, 'approx' | 'gt' | 'ge' | 'lt' | 'le'>;
    /** Range connectors between two numbers: "to", "-", "–", "đến", "до". */
    rangeWords: string[];
  };
  currencies: {
    /** Signs before or after a number: "$": "USD", "C$": "CAD", "€": "EUR", "£": "GBP". */
    signs: Record<string, string>;
    /** Words and codes after a number: "USD", "dollars", "đô la", "долларов", "tenge", "тенге", "đồng". */
    words: Record<string, string>;
  };
  /** Measurement units: surface form -> unit key ("acres": "acre", "га": "ha", "GW": "GW"). */
  units: Record<string, string>;
  /** Duration units: surface form -> "year" | "month" | "week" | "day" | "hour". */
  durations: Record<string, string>;
  dates: {
    /** Extra month names and abbreviations beyond ICU's (e.g. "Sept.", "Jan."): name -> 1..12. */
    months: Record<string, number>;
    /** Extra weekday names beyond ICU's: name -> 0 (Sunday) .. 6. */
    weekdays: Record<string, number>;
    /** Numeric date order: "mdy" (en-US), "dmy" (vi, ru, de, fr, es). */
    order: 'mdy' | 'dmy' | 'ymd';
    /** Words meaning "last"/"previous" before a month, weekday or "year": "last", "năm ngoái" forms, "прошлом". */
    last: string[];
    /** Words meaning "next"/"coming". */
    next: string[];
    /** Words meaning "this". */
    this: string[];
    /** Phrases for the relative day: "yesterday": -1, "today": 0, "tomorrow": 1, "hôm qua": -1, "вчера": -1. */
    relativeDays: Record<string, number>;
    /** Phrases for relative years/months: "last year": -1 (unit year), "năm ngoái": -1, "в прошлом году": -1. */
    relativePeriods: Record<string, { unit: 'year' | 'month' | 'week'; offset: number }>;
    /** Quarter words: "first quarter"/"Q1"/"quý I"/"первом квартале" -> 1..4. */
    quarters: Record<string, number>;
    /** Word for year after a number ("năm" before in vi, "года"/"году"/"г." after in ru). */
    yearWords: string[];
    /** Word for month before a number (vi "tháng"). */
    monthWords: string[];
  };
  /** Attribution cues: speech verbs and phrases ("said", "according to", "cho biết", "theo", "сообщил"). */
  speech: {
    verbs: string[];
    /** Prepositional attributions that precede the source: "according to", "theo", "по словам", "по оценке". */
    according: string[];
    /** Anonymous-source phrases: "sources familiar with", "nguồn tin", "источники". */
    anonymous: string[];
  };
  /** Event verb classes: class -> surface forms (all inflections), e.g. "acquire": ["acquired","bought","buy",…]. */
  events: Record<string, string[]>;
  /** Modal markers by level. */
  modality: {
    possible: string[];
    expected: string[];
    future: string[];
  };
  /** Negators: "not", "n't", "never", "yet to", "không", "chưa", "не", "нет". */
  negators: string[];
  /** Titles and honorifics that precede or follow names: "President", "Deputy Minister", "ông", "bà", "Thứ trưởng", "глава". */
  titles: string[];
  /** Words that are capitalised but are not names (sentence starters, months are handled separately). */
  stopwords: string[];
  /** Page furniture lines (exact or regular expressions, matched against a whole trimmed line). */
  furniture: {
    lines: string[];
    patterns: string[];
    /** A line after which everything is furniture ("Có thể bạn quan tâm", "Новости по теме", "TIN LIÊN QUAN"). */
    tailMarkers: string[];
    /** Lines that introduce a list of related links; the short lines that follow are furniture until content resumes. */
    blockMarkers: string[];
  };
  /** Byline or provenance cues at the start of a line: "By", "Source:", "Theo", "Источник:". */
  bylines: string[];
}
