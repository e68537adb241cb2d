import type { Attribution, Claim, EventMarker, ModalityMarker, NegationMarker, TitledName } from '../../model/claim.js';
import type { DateMention, EntityMention, QuantityMention } from '../../model/mention.js';
import type { Sentence } from '../../model/sentence.js';
import type { Span } from '../../model/span.js';
import type { LoadedPack } from '../../lang/compile.js';
import { escapeRe, termSource } from '../../lang/text.js';
import { lexiconOf } from '../../lang/lexicon.js';
import { compileGapped, compilePhrases, findGapped, findPhrases, type GappedMatcher, type PhraseHit, type PhraseMatcher } from '../../lang/phrases.js';

/** Per-pack matchers, compiled once. */
export interface ClaimMatchers {
  events: PhraseMatcher;
  /** Conjunctions of time order ("before", "trước khi"): an event verb right after one is another event. */
  sequence: PhraseMatcher;
  speech: PhraseMatcher;
  according: PhraseMatcher;
  anonymous: PhraseMatcher;
  modality: PhraseMatcher;
  /** Phrases that hold a modal form without being one ("werden musste"). */
  notModal: PhraseMatcher;
  /** Conjunctions of purpose ("để", "чтобы", "damit"). */
  purpose: PhraseMatcher;
  /** The future in the past of reported speech ("would"). */
  reportedFuture: PhraseMatcher;
  /** An auxiliary of the perfect at the start of what follows a modal (" have", "'ve"). */
  perfect: RegExp | undefined;
  /** Possibility words that also say what someone can or may do (lower case). */
  ambiguous: Set<string>;
  /** Verbs of what happens rather than of what someone does ("happen", "xảy ra", "стать"). */
  happenings: PhraseMatcher;
  /** Verbs of warning and fear ("warned", "cảnh báo"): a future they report is a foreseen risk. */
  risk: PhraseMatcher;
  /** Disjunctions ("or", "hoặc"): a marker right after one is an alternative. */
  alternatives: PhraseMatcher;
  /** Negators (value "not"), negative indefinites (value "indefinite") and concord words (value "concord"). */
  negators: PhraseMatcher;
  lexicalNegators: PhraseMatcher;
  notNegations: PhraseMatcher;
  /** notNegations written with a gap ("не составило … труда"). */
  gappedNotNegations: GappedMatcher;
  /** notNegations that are nouns, and the words after which their negator negates a verb (`nounNotNegations`, `predicateOpeners`). */
  nounIdioms: Set<string>;
  openers: Set<string>;
  /** The pack's negationParaphrases: cessatives, exceptives and restrictives (values of those names). */
  paraphrases: PhraseMatcher;
  /** The pack's negationParaphrases.expletives. */
  expletives: PhraseMatcher;
  titles: PhraseMatcher;
  /** Role titles; a hit's value is its roles joined with "|". */
  roles: PhraseMatcher;
  /** Phrases that contain a cue but attribute nothing ("per hour", "mang theo"). */
  notCues: PhraseMatcher;
  /** Personal pronouns that can be a speaker. */
  pronouns: PhraseMatcher;
  /** Words that may stand between a speaker and the cue: function words and the pack's speech adverbs. */
  gapWords: PhraseMatcher;
  /** Words that open a reported clause: no speaker after one. */
  complementizers: PhraseMatcher;
  /** What may stand between a name and a title in apposition: a comma, then up to two determiners or possessives. */
  apposition: RegExp;
  /** An event word that is a noun, by its ending (nounSuffixes): a topic, not a verb. */
  noun: RegExp;
}

/** An alternation of the words as written (escaped), or an expression that never matches when there are none. */
const anyOf = (words: readonly string[]): string => (words.length ? words.map(escapeRe).join('|') : '(?!)');

const cache = new WeakMap<LoadedPack, ClaimMatchers>();
export function claimMatchers(pack: LoadedPack): ClaimMatchers {
  let m = cache.get(pack);
  if (m) return m;
  const events: [string, string][] = [];
  for (const [cls, forms] of Object.entries(pack.events ?? {})) for (const f of forms) events.push([f, cls]);
  const modality: [string, string][] = [];
  for (const level of ['possible', 'expected', 'future', 'conditional', 'impossible', 'ability'] as const) for (const f of pack.modality?.[level] ?? []) modality.push([f, level]);
  for (const f of pack.modality?.notions ?? []) modality.push([f, 'notion']);
  for (const f of pack.modality?.necessity ?? []) modality.push([f, 'necessity']);
  m = {
    events: compilePhrases(events),
    sequence: compilePhrases((pack.sequenceConjunctions ?? []).map((v) => [v, 'sequence'])),
    speech: compilePhrases((pack.speech?.verbs ?? []).map((v) => [v, 'speech'])),
    according: compilePhrases((pack.speech?.according ?? []).map((v) => [v, 'according'])),
    anonymous: compilePhrases((pack.speech?.anonymous ?? []).map((v) => [v, 'anonymous'])),
    modality: compilePhrases(modality),
    notModal: compilePhrases((pack.modality.notModal ?? []).map((v) => [v, 'not'])),
    purpose: compilePhrases((pack.modality.purpose ?? []).map((v) => [v, 'purpose'])),
    reportedFuture: compilePhrases((pack.modality.reportedFuture ?? []).map((v) => [v, 'future'])),
    perfect: perfectPattern(pack.modality.perfect ?? []),
    ambiguous: new Set((pack.modality.ambiguous ?? []).map((v) => v.normalize('NFC').toLowerCase())),
    happenings: compilePhrases((pack.modality.happenings ?? []).map((v) => [v, 'happening'])),
    risk: compilePhrases((pack.modality.risk ?? []).map((v) => [v, 'risk'])),
    alternatives: compilePhrases((pack.modality.alternatives ?? []).map((v) => [v, 'or'])),
    negators: compilePhrases(negatorEntries(pack)),
    lexicalNegators: compilePhrases((pack.lexicalNegators ?? []).filter((v) => !v.endsWith('*')).map((v) => [v, 'lexical'])),
    notNegations: compilePhrases((pack.notNegations ?? []).filter((v) => !v.includes('…')).map((v) => [v, 'idiom'])),
    gappedNotNegations: compileGapped(pack.notNegations ?? []),
    nounIdioms: new Set((pack.nounNotNegations ?? []).map((v) => v.normalize('NFC').toLowerCase())),
    openers: new Set((pack.predicateOpeners ?? []).map((v) => v.normalize('NFC').toLowerCase())),
    // Apart: an expletive may be an exceptive as well (Russian "пока": "не … пока", unless; "пока … не", until).
    expletives: compilePhrases((pack.negationParaphrases?.expletives ?? []).map((v) => [v, 'expletive'])),
    paraphrases: compilePhrases((['cessatives', 'exceptives', 'restrictives'] as const).flatMap((k) => (pack.negationParaphrases?.[k] ?? []).map((v): [string, string] => [v, k]))),
    titles: compilePhrases((pack.titles ?? []).map((v) => [v, 'title'])),
    roles: compilePhrases(roleEntries(pack.titleRoles ?? {})),
    notCues: compilePhrases(pack.speech.notCues.map((v) => [v, 'not'])),
    pronouns: compilePhrases(pack.speech.pronouns.map((v) => [v, 'pronoun'])),
    gapWords: compilePhrases([...pack.closedClassWords, ...pack.functionWords, ...pack.speech.between].map((v) => [v, 'gap'])),
    complementizers: compilePhrases(pack.speech.complementizers.map((v) => [v, 'that'])),
    apposition: new RegExp(`^\\s*,\\s*(?:(?:${[...pack.determiners.map(escapeRe), ...(pack.possessiveEndings.length ? [`[\\p{L}.'’-]+(?:${pack.possessiveEndings.map(termSource).join('|')})`] : [])].join('|') || '(?!)'})\\s+){0,2}$`, 'iu'),
    noun: new RegExp(`(?:${anyOf(pack.nounSuffixes)})$`, 'iu'),
  };
  cache.set(pack, m);
  return m;
}

/**
 * The negators matcher's entries: a negative indefinite (nothing, niemand, không ai) is "indefinite", a concord word
 * "concord", every other negator "not". A word in both negators and negativeIndefinites is indefinite; a concord word
 * listed as an indefinite too ("никто") is "concord": it agrees with a negator of its clause ("никто не знал") and is
 * an indefinite alone ("никто", the answer; concordNegations tells them apart).
 */
function negatorEntries(pack: LoadedPack): [string, string][] {
  const low = (x: string): string => x.normalize('NFC').toLowerCase();
  const indefinite = new Set((pack.negativeIndefinites ?? []).map(low));
  return [
    ...(pack.negationConcord ?? []).map((v): [string, string] => [v, 'concord']),
    ...(pack.negators ?? []).map((v): [string, string] => [v, indefinite.has(low(v)) ? 'indefinite' : 'not']),
    ...(pack.negativeIndefinites ?? []).map((v): [string, string] => [v, 'indefinite']),
  ];
}

const QUOTE_CHARS = /["“”«»„]/u;

/**
 * The quotation marks still open after text[from, to), given whether a quotation was open at `from`: curly, angle
 * and low quotes open and close in pairs („…“, “…”, «…»), a straight quote closes an open straight quotation and
 * opens one otherwise.
 */
function openQuotes(text: string, from: number, to: number, open: boolean): string[] {
  // A quotation carried in from the sentence before may be closed by any closing mark.
  const stack: string[] = open ? ['*'] : [];
  for (let i = from; i < to; i++) {
    const c = text[i]!;
    const top = stack[stack.length - 1];
    if (c === '„' || c === '«') stack.push(c);
    else if (c === '“') { if (top === '„') stack.pop(); else stack.push(c); }
    else if (c === '”') { if (top === '“' || top === '„' || top === '"' || top === '*') stack.pop(); }
    else if (c === '»') { if (top === '«' || top === '*') stack.pop(); }
    else if (c === '"') { if (top !== undefined) stack.pop(); else stack.push(c); }
  }
  return stack;
}

/** Whether a quotation is still open at the end of the sentence [from, to), given whether one was open at its start. */
export const quoteOpenAfter = (text: string, from: number, to: number, open: boolean): boolean => openQuotes(text, from, to, open).length > 0;

/** Is the offset inside a quotation in the sentence (one carried in from the sentence before counts)? */
function insideQuote(text: string, s: Sentence, at: number, carried = false): boolean {
  return openQuotes(text, s.start, at, carried).length > 0;
}

const GAP_TOKEN = /[\p{L}\p{M}\p{N}][\p{L}\p{M}\p{N}'’.-]*|[^\s\p{L}\p{M}\p{N}]/gu;

/**
 * Whether the words between a speaker and the cue leave the speaker the one who speaks. Before the cue ("X said",
 * "X, the company's chief executive, said", "X also said", "ông X cho biết"): an apposition between commas, function
 * words and the pack's speech adverbs. After it ("said Finance Minister Ana Ruiz", "according to Forestry Department
 * spokesperson Kelsey Brandt", "theo ông X", "sagte die Ministerin Anna Berg"): those, titles, capitalised words, and
 * a few lower-case words after a title ("министр финансов"). Anything else ("Er erklärte sich in allen 22
 * Anklagen", "claims made by the Senate Judicial Committee on sexual assault claims") means the name is what the
 * sentence is about, not who said it.
 */
function gapOk(text: string, from: number, to: number, side: 'before' | 'after', titles: PhraseHit[], gapWords: PhraseHit[], clauses: PhraseHit[], dates: readonly Span[]): boolean {
  if (to < from || to - from > 80) return false;
  if (side === 'after' && clauses.some((c) => c.start >= from && c.end <= to)) return false;
  if (side === 'before') {
    const app = /^\s*,[^;:.!?"“”«»„]{1,80},/u.exec(text.slice(from, to));
    if (app) from += app[0].length;
  }
  let sawTitle = false;
  let afterTitle = 0;
  for (const t of text.slice(from, to).matchAll(GAP_TOKEN)) {
    const at = from + t.index;
    const w = t[0];
    if (titles.some((h) => h.start <= at && at < h.end)) { sawTitle = true; afterTitle = 0; continue; }
    // Function words, speech adverbs and when it was said ("said on Monday", "заявил в понедельник").
    if (gapWords.some((h) => h.start <= at && at < h.end) || dates.some((d) => d.start <= at && at < d.end)) continue;
    // Before the cue, a comma ends the clause of the name ("… neue Mittel, sagte X"), unless it opens an apposition.
    if (side === 'before') return false;
    if (w === ',' || w === ':') continue;
    // A hyphen glued on both sides joins a verb to its inverted subject ("dit-elle", "explique-t-il").
    if (w === '-' && /\p{L}/u.test(text[at - 1] ?? '') && /\p{L}/u.test(text[at + 1] ?? '')) continue;
    if (/^\p{Lu}/u.test(w) || /['’]s$/u.test(w)) continue;
    if (sawTitle && /^\p{Ll}/u.test(w) && afterTitle++ < 4) continue;
    return false;
  }
  return true;
}

interface SpeakerReading {
  speaker?: { start: number; end: number; text: string };
  pronoun?: boolean;
  office?: PhraseHit;
}

/**
 * Who a cue credits: the name next to it ("X said", "said X", "according to X"), else a pronoun next to it ("he
 * said", "ông nói"), and the office that names the speaker or stands for it ("the Minister of Health said").
 */
function readSpeaker(
  text: string, s: Sentence, cue: PhraseHit & { kind: 'according' | 'speech' }, entities: EntityMention[], titles: PhraseHit[], roles: PhraseHit[],
  m: ClaimMatchers, carried: boolean, dates: readonly Span[],
): SpeakerReading {
  // A name inside an office ("Minister of Health", "Bộ trưởng Bộ Tài chính") is the office's, not a person's.
  const people = entities.filter((e) => !insideQuote(text, s, e.start, carried) && !roles.some((r) => r.start <= e.start && e.end <= r.end));
  const gapWords = findPhrases(m.gapWords, text, s.start, s.end);
  const clauses = findPhrases(m.complementizers, text, s.start, s.end);
  const ok = (from: number, to: number, side: 'before' | 'after'): boolean => gapOk(text, from, to, side, titles, gapWords, clauses, dates);
  const after = people.filter((e) => e.start >= cue.end && ok(cue.end, e.start, 'after')).sort((a, b) => a.start - b.start)[0];
  const before = cue.kind === 'speech'
    ? people.filter((e) => e.end <= cue.start && ok(e.end, cue.start, 'before')).sort((a, b) => b.end - a.end)[0]
    : undefined;
  let speaker: EntityMention | undefined = before ?? after;
  // "according to Forestry Department spokesperson Kelsey Brandt": the person ends the run of names.
  if (cue.kind === 'according' && after) {
    for (const e of people.filter((x) => x.start > after.start).sort((a, b) => a.start - b.start)) {
      if (!ok(speaker!.end, e.start, 'after') || /[,;:.!?]/u.test(text.slice(speaker!.end, e.start))) break;
      speaker = e;
    }
  }
  // The office of the speaker (in the words between the name and the cue, or right by the name), or the office that
  // speaks when no one is named ("the Minister of Health said", "Bộ trưởng Bộ Tài chính cho biết").
  const office = speaker
    ? roles.find((r) => (r.end <= speaker!.start && ok(r.end, speaker!.start, 'after')) || (r.start >= speaker!.end && r.start - speaker!.end <= 40 && /^\s*,/u.test(text.slice(speaker!.end, r.start))))
    : roles.find((r) => (r.end <= cue.start && ok(r.end, cue.start, 'before')) || (r.start >= cue.end && ok(cue.end, r.start, 'after')));
  const pronouns = cue.kind === 'speech' ? findPhrases(m.pronouns, text, s.start, s.end).filter((p) => !insideQuote(text, s, p.start, carried)) : [];
  // "Sie sagte, dass ihr Vater …": a pronoun that speaks before the cue comes before a name after it.
  const pronounBefore = before ? undefined : pronouns.filter((p) => p.end <= cue.start && ok(p.end, cue.start, 'before')).pop();
  if (pronounBefore) return { speaker: pronounBefore, pronoun: true };
  if (speaker) return { speaker, ...(office ? { office } : {}) };
  if (office) return { speaker: office, office };
  const pronounAfter = pronouns.find((p) => p.start >= cue.end && ok(cue.end, p.start, 'after'));
  return pronounAfter ? { speaker: pronounAfter, pronoun: true } : {};
}

/**
 * Reads one sentence's claim: its mentions (already extracted) plus the event verbs, the attribution
 * (cue, speaker, title), modal markers and negators from the language pack.
 */
/** Each title form with all the roles it names ("chủ tịch" -> "chairman|president"). */
function roleEntries(titleRoles: Record<string, string[]>): [string, string][] {
  const byForm = new Map<string, Set<string>>();
  for (const [role, forms] of Object.entries(titleRoles)) {
    for (const f of forms) {
      const k = f.normalize('NFC').toLowerCase().trim();
      (byForm.get(k) ?? byForm.set(k, new Set()).get(k)!).add(role);
    }
  }
  return [...byForm].map(([f, roles]) => [f, [...roles].sort().join('|')]);
}

/**
 * A role title is a name's when it stands right before it ("chief financial officer Daniel Koh", "Thứ trưởng
 * Nguyễn Văn A", with at most an organisation's name between: "Tổng giám đốc Meridien Daniel Koh"), or right after
 * it in apposition ("Daniel Koh, Tổng giám đốc Meridien,", "Daniel Koh, the company's chief financial officer").
 */
function titledNames(text: string, s: Sentence, hits: { start: number; end: number; text: string; value: string }[], names: EntityMention[], apposition: RegExp): TitledName[] {
  const out: TitledName[] = [];
  const people = names.filter((e) => !e.alias && e.tokens.length >= 2);
  for (const h of hits) {
    const gapIsName = (from: number, to: number): boolean => names.some((e) => e.start >= from && e.end <= to && /^\s*$/u.test(text.slice(from, e.start) + text.slice(e.end, to)));
    const before = people.find((p) => p.start >= h.end && p.start - h.end <= 40 && (/^\s{1,2}$/u.test(text.slice(h.end, p.start)) || gapIsName(h.end, p.start)));
    const after = people.find((p) => p.end <= h.start && h.start - p.end <= 30 && apposition.test(text.slice(p.end, h.start)));
    const name = before ?? after;
    if (!name) continue;
    out.push({ name: { source: s.source, start: name.start, end: name.end }, title: { source: s.source, start: h.start, end: h.end, text: h.text }, roles: h.value.split('|') });
  }
  return out;
}

/** How far (in characters) before a possibility marker a conjunction of purpose makes it an ability, within one clause. */
const PURPOSE_WINDOW = 60;
/** A possibility marker after a conjunction of purpose in its clause ("để … có thể", "чтобы … могли"): an ability. */
function purposeOf(text: string, s: Sentence, h: PhraseHit, purpose: PhraseMatcher): boolean {
  if (h.value !== 'possible' || purpose.byFirst.size === 0) return false;
  const from = Math.max(s.start, h.start - PURPOSE_WINDOW);
  return findPhrases(purpose, text, from, h.start).some((p) => !/[,;:.!?—–]/u.test(text.slice(p.end, h.start)) || /^[\s,]*$/u.test(text.slice(p.end, h.start)));
}

/** An auxiliary of the perfect right after a modal ("may have caused", "could've won"): a contracted one attached, another after a space. */
function perfectPattern(forms: string[]): RegExp | undefined {
  if (forms.length === 0) return undefined;
  const esc = (x: string): string => x.normalize('NFC').replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
  const alts = forms.map((f) => (/^[\p{L}\p{M}]/u.test(f) ? `[\\s\\u00a0]+${esc(f)}` : esc(f)));
  return new RegExp(`^(?:${alts.join('|')})(?![\\p{L}\\p{M}])`, 'iu');
}

/**
 * The modal markers the other readers of a claim read (double negations, negated set phrases, whether a claim is
 * hedged): the conditional, words that name a possibility and necessities are read by the certainty scale alone.
 */
const HEDGE_OR_PREDICTION: ReadonlySet<string> = new Set(['possible', 'expected', 'future', 'impossible', 'ability']);

/** White space, or white space around one word: what may stand between a modal and its verb ("có thể vẫn là"). */
const NEXT_WORDS = /^[\s\u00a0]+(?:[\p{L}\p{M}'’-]+[\s\u00a0]+)?$/u;

/** How far (in characters) after a verb of warning or fear a firm future is the risk it reports. */
const RISK_WINDOW = 80;
/** A firm future reported by a verb of warning or fear before it in its sentence ("warned they will"), not across a quotation. */
function riskOf(text: string, h: PhraseHit, risks: PhraseHit[]): boolean {
  return h.value === 'future' && risks.some((r) => r.end <= h.start && h.start - r.end <= RISK_WINDOW && !/["“”«»„:;]/u.test(text.slice(r.end, h.start)));
}

/** Words in the perfective future by the pack's perfectiveFuture rule (ru "проведет", "заявит", "примут"): firm futures. */
function perfectiveFutures(text: string, s: Sentence, pack: LoadedPack): PhraseHit[] {
  const pf = pack.modality.perfectiveFuture;
  if (!pf) return [];
  const out: PhraseHit[] = [];
  for (const w of text.slice(s.start, s.end).matchAll(/[\p{L}\p{M}]+/gu)) {
    const low = w[0].normalize('NFC').toLowerCase().replace(/ё/gu, 'е');
    const ending = pf.endings.find((e) => low.endsWith(e));
    if (!ending || pf.imperfective.some((e) => low.endsWith(e)) || pf.except.some((e) => low.startsWith(e))) continue;
    if (!pf.prefixes.some((p) => low.startsWith(p) && low.length - p.length - ending.length >= pf.minStem)) continue;
    const start = s.start + w.index;
    out.push({ start, end: start + w[0].length, text: w[0], value: 'future' });
  }
  return out;
}

/** How far (in characters) a concord word may stand from the negator it agrees with, within one clause. */
const CONCORD_WINDOW = 80;
/** What ends a clause for negative concord: a full stop, a semicolon, a colon, a dash or a question or exclamation mark. */
const CLAUSE_END = /[.;:!?—–]/u;

/**
 * Negation markers with negative concord resolved: a concord word ("никто", "jamais", "nor") near a negator of its
 * clause, or right after another concord word ("ни … ни"), is marked `concord` and adds no negation.
 */
export function concordNegations(text: string, s: Sentence, hits: PhraseHit[], pack?: LoadedPack): NegationMarker[] {
  const clausal = clausalTest(pack);
  const sameClause = (x: PhraseHit, y: PhraseHit): boolean => {
    const [l, r] = x.start < y.start ? [x, y] : [y, x];
    return r.start - l.end <= CONCORD_WINDOW && !CLAUSE_END.test(text.slice(l.end, r.start));
  };
  const negators = hits.filter((h) => h.value !== 'concord');
  let lastConcord: PhraseHit | undefined;
  return hits.map((h) => {
    const marker: NegationMarker = { source: s.source, start: h.start, end: h.end, text: h.text };
    const scope = clausal(text, s, h);
    if (!scope) marker.constituent = true;
    else if (scope === 'final') marker.at = clauseStart(text, s, h.start);
    if (h.value === 'indefinite') marker.indefinite = true;
    if (h.value !== 'concord') return marker;
    const joins = negators.some((n) => sameClause(n, h)) || (lastConcord !== undefined && sameClause(lastConcord, h));
    lastConcord = h;
    // Alone, a concord word is a negative indefinite ("ничего страшного", "nor did she").
    return joins ? { ...marker, concord: true } : { ...marker, indefinite: true };
  });
}

/** A negator that ends its clause, or stands before the clause's last word: punctuation follows. */
const CLAUSE_FINAL = /^(?:[\s\u00a0]+[\p{L}\p{M}-]+)?[\s\u00a0]*(?:[,.;:!?»“”")]|$)/u;
/** Where the clause of the offset starts: after the last comma, semicolon, colon or dash before it, else the sentence. */
function clauseStart(text: string, s: Sentence, at: number): number {
  const before = text.slice(s.start, at);
  const m = /[,;:—–][^,;:—–]*$/u.exec(before);
  return m ? s.start + m.index + 1 : s.start;
}

type ScopeTest = (text: string, s: Sentence, h: PhraseHit) => boolean | 'final';
const scopeCache = new WeakMap<LoadedPack, ScopeTest>();
/**
 * Whether a negator negates its clause's predicate, by the pack's negationScope (every negator does without one):
 * "final" when it does from the end of a verb-final clause.
 */
function clausalTest(pack: LoadedPack | undefined): ScopeTest {
  const scope = pack?.negationScope;
  if (!pack || !scope) return () => true;
  let test = scopeCache.get(pack);
  if (test) return test;
  const low = (x: string): string => x.normalize('NFC').toLowerCase().replace(/’/g, "'");
  const always = new Set(scope.clausal.map(low));
  const aux = new Set(scope.auxiliaries.filter((a) => !a.startsWith('*')).map(low));
  const auxEnds = scope.auxiliaries.filter((a) => a.startsWith('*')).map((a) => low(a.slice(1)));
  const ends = scope.verbEndings.map(low);
  const coordinators = new Set((pack.negationParaphrases?.coordinators ?? []).map(low));
  test = (text, s, h) => {
    if (always.has(low(h.text).replace(/\s+/gu, ' '))) return true;
    const before = /([\p{L}\p{M}'’]+)[\s\u00a0]+$/u.exec(text.slice(Math.max(s.start, h.start - 40), h.start));
    if (before) {
      const w = low(before[1]!);
      if (aux.has(w) || auxEnds.some((e) => w.endsWith(e))) return true;
    }
    const rest = text.slice(h.end, Math.min(s.end, h.end + 40));
    // Verb-final clauses: "billigte den Haushalt nicht.", "hat den Haushalt nicht gebilligt, …", and a coordinator
    // ends a clause too: "kam nicht und sagte …", "hat den Plan nicht gebilligt, sondern …".
    if (scope.clauseFinal && (CLAUSE_FINAL.test(rest) || rest.length === 0)) return 'final';
    if (scope.clauseFinal && coordinators.size) {
      const next = /^[\s\u00a0]+([\p{L}\p{M}-]+)(?:[\s\u00a0]+([\p{L}\p{M}-]+))?/u.exec(rest);
      if (next && [next[1], next[2]].some((w) => w !== undefined && coordinators.has(low(w)))) return 'final';
    }
    const after = /^[\s\u00a0]+([\p{L}\p{M}]+)/u.exec(rest);
    return after !== null && ends.some((e) => low(after[1]!).endsWith(e));
  };
  scopeCache.set(pack, test);
  return test;
}

const lexiconMatchers = new WeakMap<LoadedPack, PhraseMatcher>();
/** Words and phrasal verbs of the pack's lexicon that negate by meaning ("unfit", "lacked", "clueless", "stayed up"). */
function lexiconNegatives(text: string, s: Sentence, pack: LoadedPack): PhraseHit[] {
  if (!pack.lexicon) return [];
  let m = lexiconMatchers.get(pack);
  if (!m) {
    m = compilePhrases([...lexiconOf(pack).negatives].map((w) => [w, 'lexicon']));
    lexiconMatchers.set(pack, m);
  }
  // "A bar and a church", "the founder": a noun whose usual sense negates nothing, after a determiner.
  const nouns = lexiconOf(pack).nouns;
  return findPhrases(m, text, s.start, s.end).filter((h) => !(nouns.has(h.text.toLowerCase()) && afterDeterminer(text, h.start, pack)));
}

/** Whether the word before `at` (white space between) is one of the pack's determiners ("a", "the", "its"). */
function afterDeterminer(text: string, at: number, pack: LoadedPack): boolean {
  const before = /([\p{L}'’]+)[\s\u00a0]+$/u.exec(text.slice(Math.max(0, at - 24), at));
  return before !== null && pack.determiners.some((d) => d.toLowerCase() === before[1]!.toLowerCase());
}

/**
 * A negated word that negates by meaning is affirmative in sum: "не переставала плакать" (kept crying), "did not fail
 * to", "nicht unmöglich", "không thiếu", "will not forget". A negator of the predicate right before such a word
 * (nothing between but a modal or auxiliary: "не может отрицать") is marked `double` and the word `cancelled`, with
 * the negator's offset in `by`: negation-flip reads the two as one affirmative, unless the other version has the
 * negative word alone ("had not ruled out" / "đã loại trừ").
 */
function cancelDoubleNegations(text: string, negations: NegationMarker[], lexical: NegationMarker[], modality: ModalityMarker[]): void {
  for (const n of negations) {
    if (n.concord || n.indefinite || n.constituent) continue;
    const l = lexical.find((x) => {
      if (x.cancelled || x.start < n.end || x.start - n.end > 40) return false;
      // Only white space, or white space around modal and auxiliary markers ("may", "going to", "может").
      let gap = text.slice(n.end, x.start);
      for (const m of modality) {
        const from = Math.max(m.start, n.end) - n.end;
        const to = Math.min(m.end, x.start) - n.end;
        if (to > from) gap = gap.slice(0, from) + ' '.repeat(to - from) + gap.slice(to);
      }
      return /^[\s\u00a0]+$/u.test(gap);
    });
    if (!l) continue;
    n.double = true;
    l.cancelled = true;
    l.by = n.start;
  }
}

/** Where a clause opens: the sentence's start, or a quotation mark, comma, colon, semicolon, dash or bracket. */
const CLAUSE_OPENS = /(?:^|[,:;"“‘'«(—–])[\s\u00a0]*$/u;
/**
 * Is the negator glued to an auxiliary that opens its clause, with a subject pronoun of the pack's questionSubjects
 * right after it ("isn't that wonderful", "…, wasn't it?")? Such an inverted question asks for agreement and affirms.
 */
function askedQuestion(text: string, s: Sentence, n: NegationMarker, pack: LoadedPack): boolean {
  const subjects = pack.negationParaphrases?.questionSubjects;
  if (!subjects?.length) return false;
  const word = /[\p{L}\p{M}'’]*$/u.exec(text.slice(s.start, n.start))![0];
  if (word.length === 0) return false;
  const next = /^[\s\u00a0]+([\p{L}\p{M}]+)/u.exec(text.slice(n.end, s.end))?.[1]?.toLowerCase();
  return next !== undefined && subjects.includes(next) && CLAUSE_OPENS.test(text.slice(s.start, n.start - word.length));
}
/** Between an expletive conjunction and its negator: at most three words of its clause ("пока мы не", "пока не"). */
const EXPLETIVE_GAP = /^[\s\u00a0]+(?:[\p{L}\p{M}-]+[\s\u00a0]+){0,3}$/u;
/** Between a negator and a negative indefinite that cancels it (either first): at most five words, no punctuation. */
const DOUBLE_GAP = /^[\s\u00a0]+(?:[\p{L}\p{M}\p{N}'’-]+[\s\u00a0]+){0,5}$/u;
/**
 * In a language without negative concord (negationScope.indefiniteCancels), a negator of the predicate and a negative
 * indefinite a few words from it in its clause cancel: "hat nicht keine Zeit", "haben nicht noch keinen Kandidaten".
 * Marked as a negated negative word is (the negator `double`, the indefinite `cancelled`, `by` the negator), unless a
 * coordinator or a complementizer of the pack stands between ("kam nicht und sagte kein Wort": two negations).
 */
function cancelDoubleIndefinites(text: string, negations: NegationMarker[], pack: LoadedPack): void {
  if (!pack.negationScope?.indefiniteCancels) return;
  const breaks = new Set([...(pack.negationParaphrases?.coordinators ?? []), ...pack.speech.complementizers].map((w) => w.toLowerCase()));
  for (const n of negations) {
    if (n.concord || n.indefinite || n.constituent || n.double) continue;
    const between = (x: NegationMarker): string => (x.start >= n.end ? text.slice(n.end, x.start) : text.slice(x.end, n.start));
    const i = negations.find((x) => x.indefinite && !x.cancelled && (x.start >= n.end || x.end <= n.start) && DOUBLE_GAP.test(between(x))
      && ![...between(x).matchAll(/[\p{L}\p{M}]+/gu)].some((w) => breaks.has(w[0].toLowerCase())));
    if (!i) continue;
    n.double = true;
    i.cancelled = true;
    i.by = n.start;
  }
}

/** What follows an elliptical negator: its clause ends right after it ("the advice they don't,", "I'm not."). */
const ELLIPSIS = /^[\s\u00a0]*(?:[,.;:!?)\]"”»—–]|$)/u;
/** Is the text after a negator the end of its clause, or a coordinator of the pack right after it ("they don't and")? */
function elliptical(rest: string, pack: LoadedPack): boolean {
  if (ELLIPSIS.test(rest)) return true;
  const next = /^[\s\u00a0]+([\p{L}\p{M}]+)/u.exec(rest)?.[1]?.toLowerCase();
  return next !== undefined && (pack.negationParaphrases?.coordinators ?? []).includes(next);
}

/**
 * Marks the negations translators routinely render without a negator (NegationMarker.loose): a negator within a
 * cessative ("no longer", "không còn", "больше не") and, in languages whose negator does not end a verb-final
 * clause, a negator its clause ends on or that a coordinator follows (the verb left out: "the advice they don't and
 * the way"), and a negator right after an expletive conjunction ("пока мы не увидим", until we see). Each accounts
 * for a negation on the other side and is not compared as one. A negation with an exceptive after it in its clause ("won't
 * come unless", "не … пока") is marked `exceptive`; returns the sentence's restrictives ("only", "nur", "chỉ").
 */
function markLooseNegations(text: string, s: Sentence, pack: LoadedPack, m: ClaimMatchers, negations: NegationMarker[]): NegationMarker[] {
  const hits = m.paraphrases.byFirst.size ? findPhrases(m.paraphrases, text, s.start, s.end) : [];
  const expletives = m.expletives.byFirst.size ? findPhrases(m.expletives, text, s.start, s.end) : [];
  const touches = (n: NegationMarker, x: { start: number; end: number }): boolean => x.start <= n.end && n.start <= x.end;
  const loose = (n: NegationMarker, why: NonNullable<NegationMarker['loose']>): void => { n.loose = why; n.constituent = true; };
  for (const n of negations) {
    if (n.concord || n.indefinite || n.double) continue;
    if (hits.some((h) => h.value === 'cessatives' && touches(n, h))) loose(n, 'cessative');
    else if (expletives.some((h) => h.end <= n.start && EXPLETIVE_GAP.test(text.slice(h.end, n.start)))) loose(n, 'expletive');
    else if (askedQuestion(text, s, n, pack)) loose(n, 'question');
    else if (!pack.negationScope?.clauseFinal && elliptical(text.slice(n.end, s.end), pack)) loose(n, 'ellipsis');
    if (hits.some((h) => h.value === 'exceptives' && h.start >= n.end && !CLAUSE_END.test(text.slice(n.end, h.start)))) n.exceptive = true;
  }
  return hits.filter((h) => h.value === 'restrictives').map((h) => ({ source: s.source, start: h.start, end: h.end, text: h.text }));
}

const negatorStems = new WeakMap<LoadedPack, string[]>();
/** Words that begin with a stem of the pack's lexicalNegators written with a trailing "*" (ru "перестава*", de "verweiger*"). */
function stemNegatives(text: string, s: Sentence, pack: LoadedPack): PhraseHit[] {
  let stems = negatorStems.get(pack);
  if (!stems) negatorStems.set(pack, (stems = (pack.lexicalNegators ?? []).filter((v) => v.endsWith('*')).map((v) => v.slice(0, -1).normalize('NFC').toLowerCase())));
  if (stems.length === 0) return [];
  const out: PhraseHit[] = [];
  for (const w of text.slice(s.start, s.end).matchAll(/[\p{L}\p{M}]+/gu)) {
    const low = w[0].normalize('NFC').toLowerCase();
    if (!stems.some((x) => low.startsWith(x))) continue;
    const start = s.start + w.index;
    out.push({ start, end: start + w[0].length, text: w[0], value: 'stem' });
  }
  return out;
}

/** Words made negative by one of the pack's negative prefixes (ru "невозможно", "бесплатно"; de "unklar"). */
export function prefixNegatives(text: string, s: Sentence, pack: LoadedPack): PhraseHit[] {
  const np = pack.negativePrefixes;
  if (!np || np.prefixes.length === 0) return [];
  const out: PhraseHit[] = [];
  for (const w of text.slice(s.start, s.end).matchAll(/[\p{L}\p{M}]+/gu)) {
    const low = w[0].toLowerCase();
    const p = np.prefixes.find((x) => low.startsWith(x) && low.length - x.length >= np.minStem);
    if (!p || np.except.some((e) => low.startsWith(e))) continue;
    const start = s.start + w.index;
    out.push({ start, end: start + w[0].length, text: w[0], value: 'prefix' });
  }
  return out;
}

export function buildClaim(
  text: string,
  s: Sentence,
  pack: LoadedPack,
  mentions: { quantities: QuantityMention[]; dates: DateMention[]; entities: EntityMention[] },
  carriedQuote: boolean,
): Claim {
  const m = claimMatchers(pack);
  const sequence = m.sequence.byFirst.size ? findPhrases(m.sequence, text, s.start, s.end) : [];
  // An event verb at most two words after a conjunction of time order, in its clause, is another event of the sequence.
  const subordinate = (h: PhraseHit): boolean => sequence.some((q) => q.end <= h.start && /^[\s\u00a0]+(?:[\p{L}\p{M}'’-]+[\s\u00a0]+){0,2}$/u.test(text.slice(q.end, h.start)));
  const events: EventMarker[] = findPhrases(m.events, text, s.start, s.end)
    .map((h) => ({ source: s.source, start: h.start, end: h.end, text: h.text, cls: h.value, ...(subordinate(h) ? { subordinate: true } : {}) }));
  // "May" the month (or Theresa May) is not "may" the modal: markers inside a date, amount or name do not count.
  const values = [...mentions.dates, ...mentions.quantities, ...mentions.entities];
  const notModal = findPhrases(m.notModal, text, s.start, s.end);
  const speechCues = findPhrases(m.speech, text, s.start, s.end);
  const reported = findPhrases(m.reportedFuture, text, s.start, s.end)
    .filter((h) => speechCues.some((c) => c.end <= h.start && h.start - c.end <= 60 && !/["“”«»„:]/u.test(text.slice(c.end, h.start))));
  const risks = m.risk.byFirst.size ? findPhrases(m.risk, text, s.start, s.end) : [];
  const ors = m.alternatives.byFirst.size ? findPhrases(m.alternatives, text, s.start, s.end) : [];
  // A verb of what happens, as the first or second word after a possibility word, makes it a hedge ("có thể diễn ra",
  // "может стать", "could be"): nobody is able to happen.
  const happenings = m.happenings.byFirst.size ? findPhrases(m.happenings, text, s.start, s.end) : [];
  const happens = (h: PhraseHit): boolean => happenings.some((v) => v.start >= h.end && NEXT_WORDS.test(text.slice(h.end, v.start)));
  // A conditional form after a speech verb is the future it reports ("said she would run").
  const modality: ModalityMarker[] = [...findPhrases(m.modality, text, s.start, s.end).filter((h) => !reported.some((r) => r.start < h.end && h.start < r.end)), ...perfectiveFutures(text, s, pack), ...reported]
    .filter((h) => !values.some((v) => v.start < h.end && h.start < v.end))
    .filter((h) => !notModal.some((n) => n.start <= h.start && h.end <= n.end))
    // A capitalised modal in mid-sentence is a name or a month ("Prime Minister May"), not a modal verb.
    .filter((h) => h.start === s.start || !/^\p{Lu}/u.test(h.text) || /^["“«(]?$/u.test(text.slice(s.start, h.start).trim()))
    .sort((a, b) => a.start - b.start)
    .map((h): ModalityMarker => ({
      source: s.source, start: h.start, end: h.end, text: h.text,
      level: purposeOf(text, s, h, m.purpose) ? 'ability' : riskOf(text, h, risks) ? 'expected' : h.value as ModalityMarker['level'],
      ...(riskOf(text, h, risks) ? { foreseen: true } : {}),
      ...(ors.some((o) => o.end <= h.start && /^[\s\u00a0]+$/u.test(text.slice(o.end, h.start))) ? { alternative: true } : {}),
      ...(m.perfect?.test(text.slice(h.end, h.end + 16)) ? { perfect: true } : {}),
      ...(h.value === 'possible' && m.ambiguous.has(h.text.normalize('NFC').toLowerCase()) && !happens(h) ? { alsoAbility: true } : {}),
    }));
  // A noun that holds a negator, right after a word that opens a predicate, is the negator and a verb: "đã không lưu
  // lại" (did not stay), not "không lưu" (air traffic).
  const opened = (h: { start: number; text: string }): boolean => {
    if (!m.nounIdioms.has(h.text.normalize('NFC').toLowerCase())) return false;
    const words = text.slice(Math.max(s.start, h.start - 32), h.start).normalize('NFC').toLowerCase().split(/[^\p{L}\p{M}]+/u).filter(Boolean);
    return m.openers.has(words.slice(-1).join(' ')) || m.openers.has(words.slice(-2).join(' '));
  };
  const idioms = [...findPhrases(m.notNegations, text, s.start, s.end).filter((h) => !opened(h)), ...findGapped(m.gappedNotNegations, text, s.start, s.end)];
  const notIdiom = (h: { start: number; end: number }): boolean => !idioms.some((i) => i.start <= h.start && h.end <= i.end);
  const negatorHits = findPhrases(m.negators, text, s.start, s.end);
  const negations = concordNegations(text, s, negatorHits.filter(notIdiom), pack);
  // A negated modal in a phrase that does not negate ("couldn't help but") is kept aside: a literal translation of the
  // phrase ("không thể không", "не мог не") or of its words keeps a negator, which it accounts for. Words that hold a
  // negator ("hàng không", "không khí") and phrases without a modal ("not only") are not.
  const idiomNegations: NegationMarker[] = negatorHits.filter((h) => !notIdiom(h))
    .filter((h) => findPhrases(m.modality, text, s.start, s.end).some((x) => HEDGE_OR_PREDICTION.has(x.value) && x.start < h.end + 1 && h.start < x.end + 1))
    .map((h) => ({ source: s.source, start: h.start, end: h.end, text: h.text }));
  const lexicalHits = [
    ...findPhrases(m.lexicalNegators, text, s.start, s.end).filter(notIdiom),
    ...stemNegatives(text, s, pack).filter(notIdiom),
    ...prefixNegatives(text, s, pack).filter(notIdiom),
    ...lexiconNegatives(text, s, pack).filter(notIdiom),
  ];
  // A phrase that negates by meaning and holds a negator ("не удалось", "không còn nữa") makes that negator one of
  // a word: it accounts for a negation on the other side and is not compared as one.
  for (const h of lexicalHits) for (const n of negations) if (h.start <= n.start && n.end <= h.end && h.end - h.start > n.end - n.start) n.constituent = true;
  const lexicalNegations: NegationMarker[] = lexicalHits.filter((h) => !negations.some((n) => n.start < h.end && h.start < n.end))
    .sort((a, b) => a.start - b.start)
    .filter((h, i, all) => i === 0 || all[i - 1]!.end <= h.start)
    .map((h) => ({ source: s.source, start: h.start, end: h.end, text: h.text }));
  cancelDoubleNegations(text, negations, lexicalNegations, modality.filter((x) => HEDGE_OR_PREDICTION.has(x.level)));
  cancelDoubleIndefinites(text, negations, pack);
  // A restrictive in a phrase with a negator that does not negate ("not only", "nicht nur") is additive: negated.
  const restrictives = markLooseNegations(text, s, pack, m, negations).map((r): NegationMarker => {
    const idiom = idioms.find((i) => i.start <= r.start && r.end <= i.end && negatorHits.some((h) => i.start <= h.start && h.end <= i.end && h.end <= r.start));
    return idiom ? { source: s.source, start: idiom.start, end: idiom.end, text: idiom.text, negated: true } : r;
  });
  const notCues = findPhrases(m.notCues, text, s.start, s.end);
  const cues = [
    ...findPhrases(m.according, text, s.start, s.end).map((h) => ({ ...h, kind: 'according' as const })),
    ...findPhrases(m.speech, text, s.start, s.end).map((h) => ({ ...h, kind: 'speech' as const })),
  ].filter((c) => !insideQuote(text, s, c.start, carriedQuote) && !notCues.some((n) => n.start <= c.start && c.end <= n.end))
    .sort((a, b) => a.start - b.start);
  const anon = findPhrases(m.anonymous, text, s.start, s.end);
  const roleHits = findPhrases(m.roles, text, s.start, s.end);
  let attribution: Attribution | undefined;
  if (cues.length > 0) {
    const titles = findPhrases(m.titles, text, s.start, s.end).filter((t) => !insideQuote(text, s, t.start, carriedQuote));
    const read = cues.map((c) => readSpeaker(text, s, c, mentions.entities, [...titles, ...roleHits], roleHits, m, carriedQuote, mentions.dates));
    // The cue that names its speaker, else the first ("officials said": a source, unnamed).
    const k = Math.max(0, read.findIndex((r) => r.speaker !== undefined));
    const cue = cues[k]!;
    const { speaker, pronoun, office } = read[k]!;
    const title = speaker ? [...titles].sort((a, b) => Math.abs(a.start - speaker.start) - Math.abs(b.start - speaker.start))[0] : titles[0];
    attribution = {
      cue: cue.text,
      cueSpan: { source: s.source, start: cue.start, end: cue.end },
      anonymous: anon.length > 0 && !speaker,
      ...(speaker ? { speaker: speaker.text, speakerSpan: { source: s.source, start: speaker.start, end: speaker.end } } : {}),
      ...(pronoun ? { pronoun: true } : {}),
      ...(title ? { title: title.text, titleSpan: { source: s.source, start: title.start, end: title.end } } : {}),
      ...(office ? { office: { source: s.source, start: office.start, end: office.end, text: office.text, roles: office.value.split('|') } } : {}),
    };
  } else if (anon.length > 0) {
    const a = anon[0]!;
    attribution = { cue: a.text, cueSpan: { source: s.source, start: a.start, end: a.end }, anonymous: true };
  }
  const body = text.slice(s.start, s.end);
  const quoted = carriedQuote || (QUOTE_CHARS.test(body.trim()[0] ?? '') && cues.length === 0);
  // Check-worthy: a specific value (amount, date) about someone, or an event between named parties.
  // Countries and capitals (gazetteer names) alone do not make a claim specific.
  const specificNames = mentions.entities.filter((e) => !e.alias);
  const specificValue = mentions.quantities.length > 0 || mentions.dates.some((d) => !d.relative || d.granularity !== 'weekday');
  // Without a value, an event between named parties is specific only when it is a verb, not a topic noun
  // ("partnership", "cooperation") and not hedged.
  const verbal = events.filter((e) => !m.noun.test(e.text));
  const checkWorthy = !s.isTitle && (
    (specificValue && (specificNames.length > 0 || mentions.entities.length >= 2)) ||
    (verbal.length > 0 && specificNames.length >= 2 && !modality.some((x) => HEDGE_OR_PREDICTION.has(x.level))));
  const titled = roleHits.length ? titledNames(text, s, roleHits, mentions.entities, m.apposition) : [];
  return {
    source: s.source, start: s.start, end: s.end, sentenceId: s.id,
    quantities: mentions.quantities, dates: mentions.dates, entities: mentions.entities,
    events, modality, negations, quoted, checkWorthy,
    ...(lexicalNegations.length ? { lexicalNegations } : {}),
    ...(restrictives.length ? { restrictives } : {}),
    ...(idiomNegations.length ? { idiomNegations } : {}),
    ...(attribution ? { attribution } : {}),
    ...(titled.length ? { titled } : {}),
  };
}
