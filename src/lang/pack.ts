/**
 * A language pack: everything factlint knows about one language, loaded from rules/lang/<code>.json
 * and validated against rules/schema/lang.schema.json. Month and weekday names that ICU knows are
 * added at load time from Intl.DateTimeFormat (see intl.ts), so packs only list what ICU lacks
 * (abbreviations like "Sept.", Vietnamese "tháng 6" forms are handled by patterns).
 */
export interface LangPack {
  code: string;
  name: string;
  /** Language this pack extends (e.g. a regional variant, or "und" for the shared signs, codes and numeric date forms);
   * its lists and maps are merged under this pack's. `numbers.decimal`, `numbers.thousands` and `dates.order` are replaced. */
  extends?: string;
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
    /** Approximators written after a number ("or more": ge, "or so": approx, "trở lên": ge, "с лишним": gt). */
    approximatorsAfter?: Record<string, 'approx' | 'gt' | 'ge' | 'lt' | 'le'>;
    /**
     * Words that open a range whose second number follows one of `and`: "between … and", "từ … đến", "от … до". Several
     * groups pair their words only within a group ("zwischen … und", "von … bis": not "von … und").
     */
    between?: BetweenGroup | BetweenGroup[];
    /** Nouns after which a bare figure is a label or an ordinal, not a count: "hiệp 1" (the first half), "round 2". */
    labelNouns?: string[];
    /** Number words that multiply the number word just before them: "hundred", "trăm", "mươi", "chục". */
    multiplying?: string[];
    /** Words after a number that make it a multiplier ("three times", "в два раза", "gấp 3 lần"). */
    times?: string[];
    /** Words that may precede such a multiplier: "в" (в два раза), "gấp". */
    timesBefore?: string[];
    /** Suffixes making a numeral an ordinal count: "st", "nd", "rd", "th". */
    ordinalSuffixes?: string[];
    /** Words before a number word that make it an ordinal, not a count: vi "thứ" (thứ hai = second). */
    ordinalPrefixes?: string[];
    /** Words before a number word that make it vague, not a count: "hàng" (hàng trăm = hundreds), "vài". */
    vague?: string[];
    /** Words linking a quantity to a period for a rate: "a"/"per" (a year), "/" and "mỗi" (/năm), "в" (в год). */
    per?: string[];
  };
  currencies: {
    /** Signs before or after a number: "$": "USD", "C$": "CAD", "€": "EUR", "£": "GBP". */
    signs: Record<string, string>;
    /** Words and codes after a number: "USD", "dollars", "đô la", "долларов", "tenge", "тенге", "đồng". */
    words: Record<string, string>;
    /** Signs and words whose currency is only a guess ("$", "dollars", "долларов"): they agree with any currency of
     * the same family (a bare "$" in a Canadian story is CAD). */
    assumed?: string[];
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
    /**
     * Date patterns, most specific first, in a small template language compiled at load time:
     * `{day}` `{month}` (a name) `{mm}` (month number) `{year}` `{weekday}` `{quarter}` `{daypart}` `{last}` `{next}`
     * `{this}` `{yearword}` `{monthword}` placeholders, `[...]` optional, `(a|b)` alternatives, a space for any
     * whitespace. A leading `?` means the match needs date context: one of `prepositions` (or `last`/`next`/`this`) just
     * before it. Example: "{month} {day}[[,] {year}]", "?{month}", "[ngày ]{day}/{mm}/{year}".
     */
    patterns: string[];
    /** Words before a date that give it context and are kept as its `preposition`: "in", "by", "since", "vào", "до". */
    prepositions: string[];
    /** The prepositions (of `prepositions`) that make a date a deadline, not a time the text is written in: "by",
     * "until", "до", "bis". A source's year is not read from a deadline ("by 2030"). */
    deadlinePrepositions: string[];
    /** Words for part of a day, allowed after (or before) a weekday: "afternoon", "night", "chiều", "вечером". */
    dayParts?: string[];
    /** Suffixes after a day number: "st", "nd", "th" (en), "er" (fr). */
    daySuffixes?: string[];
    /** Words after a number that make it a clock time, not a quantity: "a.m.", "p.m.", "GMT", "giờ", "мск". */
    timeSuffixes?: string[];
    /**
     * A time of day: words after an hour ("Uhr", "giờ", "часов", "o'clock") and the halves of the day ("a.m.", "sáng",
     * "утра"; "p.m.", "tối", "вечера"), so "1.30pm" is "13.30 Uhr" and "7 p.m." is "7 giờ tối".
     */
    clock?: { hours?: string[]; am?: string[]; pm?: string[] };
    /** Month and weekday names are matched case-sensitively (en "May" vs the modal "may"; de nouns). */
    caseSensitive?: boolean;
  };
  /** Attribution cues: speech verbs and phrases ("said", "according to", "cho biết", "theo", "сообщил"). */
  speech: {
    verbs: string[];
    /** Prepositional attributions that precede the source: "according to", "theo", "по словам", "по оценке". */
    according: string[];
    /** Anonymous-source phrases: "sources familiar with", "nguồn tin", "источники". */
    anonymous: string[];
    /** Singular personal pronouns that stand for the speaker when no name stands by the cue: "he", "ông", "она", "er". */
    pronouns: string[];
    /** Words that open a reported clause ("that", "rằng", "что", "dass"): a name after one is in what was said. */
    complementizers: string[];
    /** Adverbs that may stand between a speaker and the speech verb: "also", "later", "cũng", "также", "auch". */
    between: string[];
    /** Phrases that contain a cue but attribute nothing: "per hour", "mang theo" (carry along), "theo dõi" (follow). */
    notCues: string[];
  };
  /** Event verb classes: class -> surface forms (all inflections), e.g. "acquire": ["acquired","bought","buy",…]. */
  events: Record<string, string[]>;
  /**
   * Conjunctions of time order ("before", "after", "trước khi", "перед тем как", "bevor"): an event verb right after one
   * is another event in the sequence ("complete the course before joining" / "trước khi bắt đầu"), not the sentence's.
   */
  sequenceConjunctions?: string[];
  /** Modal markers by level. */
  modality: {
    possible: string[];
    expected: string[];
    future: string[];
    /** Negated possibility ("cannot", "không thể"): neither a hedge nor a prediction. */
    impossible?: string[];
    /** Ability ("can", "able to", "kann"): not a degree of certainty; a translation may render "will" with it. */
    ability?: string[];
    /**
     * Conjunctions of purpose ("so that", "để", "чтобы", "damit"): a possibility marker after one in its clause is an
     * ability ("để khán giả có thể xem" = so that viewers can watch), not a hedge.
     */
    purpose?: string[];
    /**
     * The future in the past of reported speech ("she said she would run"): a firm future after a speech verb of its
     * sentence (no quotation mark or colon between), and no marker elsewhere ("it would be hard", "would you…?").
     */
    reportedFuture?: string[];
    /**
     * The conditional ("would", "würde", "wäre", ru "бы") outside reported speech: a prediction under a condition
     * ("it would be hard"), a future seen from the past ("hoping they would be found"), a wish ("would like"). Firm
     * as a future is, given its condition; a sentence with one is no plain statement.
     */
    conditional?: string[];
    /**
     * Words that name a possibility or a chance without hedging a verb (possible, potential, chance; möglich;
     * возможный, шанс; khả năng, cơ hội): they render a hedge of the other version ("the risks that may follow" /
     * "возможные риски"), and a sentence with one is no plain statement.
     */
    notions?: string[];
    /**
     * Possibility words that also say what someone can or may do (could, may, có thể, может, могут): before a verb of
     * something someone does they may render an ability or a permission the other version states without a modal
     * ("customers order online" / "khách hàng có thể đặt hàng"), and are compared with other markers only, not with a plain statement.
     */
    ambiguous?: string[];
    /**
     * Subject pronouns that name people or bodies who act (I, we, she, they; tôi, chúng tôi, bà, họ; я, мы, она;
     * ich, wir, sie): a future they deny is a refusal or a plan ("she won't attend"), which a "cannot" of the other
     * version changes; a future denied of a thing ("it won't change") is a prediction translators render as "cannot".
     */
    agents?: string[];
    /**
     * Verbs of what happens rather than of what someone does (be, become, happen, take place; là, trở thành, xảy ra,
     * diễn ra; быть, стать, произойти): an ambiguous possibility word right before one is a hedge ("có thể diễn ra").
     */
    happenings?: string[];
    /**
     * Necessity and obligation (must, have to, phải, cần, нужно, надо, muss): no degree of certainty, and a sentence
     * with one is no plain statement.
     */
    necessity?: string[];
    /** Auxiliaries of the perfect after a modal ("have", "'ve": "may have caused"): a possibility of the past, not a hedge of a prediction. */
    perfect?: string[];
    /**
     * Verbs of warning and fear ("warned", "fears", "cảnh báo", "предупредил", "warnte"): a firm future they report
     * ("analysts warned they will see a backlash") is a risk foreseen, which translators render as a possibility
     * ("có thể", "könnte"); it is read as an expectation, one step from either.
     */
    risk?: string[];
    /** Disjunctions ("or", "hoặc", "или", "oder"): a marker right after one is an alternative ("definitely or probably"), not a hedge. */
    alternatives?: string[];
    /** Phrases that hold a modal form without being one (de "werden musste": a passive infinitive, not a future). */
    notModal?: string[];
    /**
     * The Russian perfective future (a firm future: "проведет", "заявит", "примет"): a word made of one of `prefixes`,
     * at least `minStem` letters, and one of the present-tense `endings`, unless it ends with one of `imperfective`
     * (imperfective suffixes and roots: "-ает", "-ывает", "-ходит", "-водит") or starts with one of `except` (nouns
     * and imperfective verbs that look alike: "ответ", "совет", "смотрит").
     */
    perfectiveFuture?: { prefixes: string[]; endings: string[]; minStem: number; imperfective: string[]; except: string[] };
  };
  /** Negators: "not", "n't", "never", "yet to", "không", "chưa", "не", "нет". */
  /** The language adapts foreign names (Irland, Usbekistan, transliteration): near-miss spellings are expected. */
  adaptsForeignNames?: boolean;
  /** The language capitalises common nouns (German): a capitalised word is no sign of a name. */
  capitalisesNouns?: boolean;
  /**
   * npm package of a Hunspell dictionary for the language ("dictionary-de"), loaded on first use: tells a common
   * word from a name ("Präsident" is a German noun, "Sonat" is no word; a sentence-initial "Hydrogen" is a word).
   */
  dictionary?: string;
  /**
   * npm package of a list of the language's common misspellings in cspell's layout ("@cspell/dict-en-common-misspellings"),
   * loaded on first use: "Amercia" for "America" is a typing slip for a spelling checker, not a different name.
   */
  misspellings?: string;
  /**
   * How the language respells foreign names: pairs [foreign letters, the language's letters] (German ["v", "w"]:
   * "Medwedew" for "Medvedev"). A name that differs from the other version's only by these is its form, not a misspelling.
   */
  nameRespellings?: [string, string][];
  /** The letters of the language's alphabet, lower case: the letters a misspelt word may have had instead. */
  alphabet?: string;
  /**
   * How a language in another script renders the vowels of a Latin-script name (its practical transcription): for
   * each Latin vowel letter, the vowel groups, folded to Latin, that may stand for it (Russian: "u" as "u", "a", "e",
   * for "Duncan" / "Дункан", "Trump" / "Трамп", "Burke" / "Берк"). A rendering whose vowel fits none of the original's is
   * a misspelt name ("Ivanov" / "Ивунов").
   */
  foreignVowels?: Record<string, string[]>;
  negators: string[];
  /**
   * Negative words that, in a language with negative concord, agree with the clause's negator instead of adding a
   * negation of their own: ru "никто не пришёл", "ни … ни … не"; fr "ne … jamais"; es "no … nada"; en "neither … nor".
   * Counted once with a negator of `negators` near them in the same clause; alone they negate ("ничего страшного").
   */
  negationConcord?: string[];
  /**
   * Negative pronouns, determiners and quantifiers (nothing, nobody, no one, none; nichts, niemand, kein-; không ai,
   * không gì; ru никто, ничего when alone): translators paraphrase a negation with them and without them ("there
   * wasn't much reason" / "wenig Grund"), so they account for a negation on the other side and are not compared as
   * one. Listed here, a word of `negators` is read as one of these.
   */
  negativeIndefinites?: string[];
  /**
   * Words and phrases that negate by their meaning, not by a negator: verbs (lack, fail to, refuse, deny; ru
   * отказаться, отсутствовать; de fehlen, verweigern; vi thiếu, từ chối), nouns (absence), adverbs (hardly, kaum).
   * A translation may render them with a negator ("lack" / "không có"): such a pair keeps its polarity. An entry with
   * a trailing "*" is a stem: any word that begins with it ("перестава*", "verweiger*").
   */
  lexicalNegators?: string[];
  /**
   * Prefixes that form a word's negative (ru "не-", "без-"; de "un-"; en "un-", "in-", "non-", "dis-"): a word made with
   * one counts as a lexical negator when the rest is at least `minStem` letters and the word starts with none of
   * `except` (words that merely begin with those letters: ru "неделя", "нефть"; de "unter", "Unternehmen").
   */
  negativePrefixes?: { prefixes: string[]; minStem: number; except: string[] };
  /**
   * What tells a negator that negates the clause's predicate ("she did not reply", "bà đã không trả lời", "она не
   * ответила", "sie hat nicht geantwortet") from one that negates a word or phrase ("not long after", "không phù hợp"
   * for "unfit", "не приближаться" for "stay away"): the second is how translators render lexical negatives, so it
   * only accounts for a negation on the other side and never flags one. A negator negates the predicate when it is
   * one of `clausal` (n't, never, нет), stands right after one of `auxiliaries` (tense, aspect and auxiliary words:
   * did, was, đã, sẽ, vẫn, hat, war, wird; a leading "*" is a word ending: "*'s"), or right before a word with one of
   * `verbEndings` (finite verb endings: ru -л, -ла, -ет, -ит). Without this field every negator negates the predicate.
   */
  negationScope?: {
    clausal: string[];
    auxiliaries: string[];
    verbEndings: string[];
    /** A negator at the end of its clause, or before the clause's last word, negates the predicate (German verb
     * order: "billigte den Plan nicht", "hat den Plan nicht gebilligt"). */
    clauseFinal?: boolean;
    /**
     * A negator of the predicate and a negative indefinite a few words after it in its clause cancel (a double
     * negation, in a language without negative concord: "hat nicht keine Zeit", "không ai không biết").
     */
    indefiniteCancels?: boolean;
  };
  /**
   * Antonym pairs of closed-class words a generated word list lacks (time order, direction: "before" / "after",
   * "earlier" / "later"): a word replaced by its antonym in an edit changes what happened.
   */
  antonyms?: [string, string][];
  /** A generated word list in rules/lexicon/ (en.json, from WordNet): words that negate by meaning, antonym pairs. */
  lexicon?: string;
  /**
   * A generated list of synonyms in rules/lexicon/ (en-synonyms.json, from WordNet): a word replaced by one of its
   * synonyms in an edit is a paraphrase. Read only when an edit replaces one word by another.
   */
  synonyms?: string;
  /** Phrases that contain a negator but do not negate ("nothing but", "not only", "không chỉ", "không khí"). */
  notNegations?: string[];
  /**
   * Those of notNegations that are nouns ("không khí" air, "không lưu" air traffic, "không gian" space), and the
   * words that open a predicate (vi tense and aspect markers: "đã", "sẽ", "đang", "vẫn"): right after one, the
   * negator of such a noun negates the verb that follows ("đã không lưu lại": did not stay).
   */
  nounNotNegations?: string[];
  predicateOpeners?: string[];
  /**
   * Negations that translators routinely render without a negator, from the language's grammar. `cessatives`: "no
   * longer", "không còn", "больше не", "nicht mehr" (rendered "stopped", "moved away", "became less"): such a negator
   * only accounts for a negation on the other side and is not compared as one. `exceptives` and `restrictives`: a
   * negation followed in its sentence by an exceptive ("not … unless", "not … until", "không … trừ khi", "не … пока")
   * says what a restrictive says on the other side ("only if", "nur wenn", "chỉ khi", "только если").
   */
  negationParaphrases?: {
    cessatives: string[]; exceptives: string[]; restrictives: string[];
    /** Coordinators ("and", "or", "but"): a negator right before one has its verb left out ("the advice they don't and"). */
    coordinators?: string[];
    /** Subject pronouns after which a clause-initial negated auxiliary asks a question ("isn't that wonderful"). */
    questionSubjects?: string[];
    /** Conjunctions after which a negator of their clause is expletive (Russian "пока … не", until). */
    expletives?: string[];
  };
  /** Titles and honorifics that precede or follow names: "President", "Deputy Minister", "ông", "bà", "Thứ trưởng", "глава". */
  titles: string[];
  /** Titles by the role they name (role names shared by all packs): "cfo" -> ["chief financial officer", "CFO"]. */
  titleRoles?: Record<string, string[]>;
  /** Words that are capitalised but are not names (sentence starters, months are handled separately). */
  stopwords: string[];
  /** Function words (articles, auxiliaries, pronouns, prepositions) whose insertion or deletion in an edit changes
   * no fact, and a one-word substitution involving one is a rephrasing: "the", "of", "was". */
  functionWords: string[];
  /**
   * Closed-class words (articles, prepositions, conjunctions, pronouns, auxiliaries), lower case: words that name no
   * thing. A number followed by one counts no noun of its own ("ranked one and three in the world", "from four."),
   * and between a speaker and the speech verb they leave the speaker the one who speaks.
   */
  closedClassWords: string[];
  /** Auxiliaries and other words that follow a negator without being what it negates ("not have", "never been"). */
  auxiliaries: string[];
  /** Word-forming prefixes: two words that differ only in these ("increased" / "decreased", "import" / "export") are
   * different words, not spellings of one. A bare stem counts as having the empty prefix. */
  wordPrefixes: string[];
  /** Endings of nouns: an event word with one is a topic ("partnership", "investment"), not a verb. */
  nounSuffixes: string[];
  /** Lower-case words allowed inside a name: "of" (Bank of America), "van" (Ludwig van Beethoven), "bin". */
  nameConnectors: string[];
  /** Words initials leave out: "of", "and" ("ODF" for "Oregon Department of Forestry"). */
  notInInitials: string[];
  /** Determiners that may open a title in apposition after a name ("Daniel Koh, the chief financial officer"). */
  determiners: string[];
  /**
   * Forms of one article that the next word's sound chooses (en "a" / "an"): an edit that changes the word after
   * changes the article with it, and is a change of that word ("an important" / "a trivial").
   */
  articleForms?: string[];
  /** Possessive endings of a noun that may open such a title ("Daniel Koh, the company's chief financial officer"). */
  possessiveEndings: string[];
  /** Abbreviations written with a full stop that does not end a sentence ("Mr", "Sept", "г", "bzw"), without the stop. */
  abbreviations: string[];
  /** Words before a number that make "N." an ordinal, not the end of a sentence: German determiners and contractions
   * ("die 7. Versammlung", "ihr 36. Treffen", "im 18. Jahrhundert"), lower case. */
  ordinalBefore: string[];
  /** The script the language writes names in, as a Unicode script name ("Cyrillic"): names in it take `nameEndings`. */
  script?: string;
  /** Endings that inflect or derive names (transliterated, as entity keys are). In the pack's `script` they are
   * stripped so that declined forms of a name share one key: "Шанхае" -> "shankha" (longest first). Without a script
   * (German) they only tell the name rules that two spellings are one stem with endings ("Europas" / "Europäer"). */
  nameEndings: string[];
  /** Page furniture: every pack's applies to every source whatever its language (pages mix languages). */
  furniture: {
    /** Whole lines (trimmed, spaces folded, case folded): "Share", "Chia sẻ". */
    lines: string[];
    /** Regular expressions (u) a whole trimmed line matches: timestamps, share bars. */
    patterns: string[];
    /** A line after which everything is furniture ("Có thể bạn quan tâm", "Новости по теме", "TIN LIÊN QUAN"). */
    tailMarkers: string[];
    /** Lines that introduce a list of related links; the short lines that follow are furniture until content resumes. */
    blockMarkers: string[];
    /** Regular expressions (u) for a byline or provenance line ("By Jane Doe", "Nguồn: TTXVN"). */
    bylines: string[];
    /** Regular expressions (iu) for copyright and contact lines. */
    contacts: string[];
    /** Regular expressions (u) for a short author biography. */
    bios: string[];
    /** Words that open a byline ("by", "source"): bylines are compared by what follows. */
    bylineCues: string[];
  };
}

/** One group of range words: "between" … "and". */
export interface BetweenGroup {
  open: string[];
  and: string[];
}
