import type { Attribution, Claim, EventMarker, ModalityMarker, NegationMarker, TitledName } from '../../model/claim.js';
import type { DateMention, EntityMention, QuantityMention } from '../../model/mention.js';
import type { Sentence } from '../../model/sentence.js';
import type { Span } from '../../model/span.js';
import type { LoadedPack } from '../../lang/compile.js';
import { escapeRe, termSource } from '../../lang/text.js';
import { compilePhrases, findPhrases, type PhraseHit, type PhraseMatcher } from '../../lang/phrases.js';

/** Per-pack matchers, compiled once. */
export interface ClaimMatchers {
  events: PhraseMatcher;
  speech: PhraseMatcher;
  according: PhraseMatcher;
  anonymous: PhraseMatcher;
  modality: PhraseMatcher;
  negators: PhraseMatcher;
  notNegations: PhraseMatcher;
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
  for (const level of ['possible', 'expected', 'future', 'impossible'] as const) for (const f of pack.modality?.[level] ?? []) modality.push([f, level]);
  m = {
    events: compilePhrases(events),
    speech: compilePhrases((pack.speech?.verbs ?? []).map((v) => [v, 'speech'])),
    according: compilePhrases((pack.speech?.according ?? []).map((v) => [v, 'according'])),
    anonymous: compilePhrases((pack.speech?.anonymous ?? []).map((v) => [v, 'anonymous'])),
    modality: compilePhrases(modality),
    negators: compilePhrases((pack.negators ?? []).map((v) => [v, 'not'])),
    notNegations: compilePhrases((pack.notNegations ?? []).map((v) => [v, 'idiom'])),
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

export function buildClaim(
  text: string,
  s: Sentence,
  pack: LoadedPack,
  mentions: { quantities: QuantityMention[]; dates: DateMention[]; entities: EntityMention[] },
  carriedQuote: boolean,
): Claim {
  const m = claimMatchers(pack);
  const events: EventMarker[] = findPhrases(m.events, text, s.start, s.end)
    .map((h) => ({ source: s.source, start: h.start, end: h.end, text: h.text, cls: h.value }));
  // "May" the month (or Theresa May) is not "may" the modal: markers inside a date, amount or name do not count.
  const values = [...mentions.dates, ...mentions.quantities, ...mentions.entities];
  const modality: ModalityMarker[] = findPhrases(m.modality, text, s.start, s.end)
    .filter((h) => !values.some((v) => v.start < h.end && h.start < v.end))
    // A capitalised modal in mid-sentence is a name or a month ("Prime Minister May"), not a modal verb.
    .filter((h) => h.start === s.start || !/^\p{Lu}/u.test(h.text) || /^["“«(]?$/u.test(text.slice(s.start, h.start).trim()))
    .map((h) => ({ source: s.source, start: h.start, end: h.end, text: h.text, level: h.value as ModalityMarker['level'] }));
  const idioms = findPhrases(m.notNegations, text, s.start, s.end);
  const negations: NegationMarker[] = findPhrases(m.negators, text, s.start, s.end)
    .filter((h) => !idioms.some((i) => i.start <= h.start && h.end <= i.end))
    .map((h) => ({ source: s.source, start: h.start, end: h.end, text: h.text }));
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
    (verbal.length > 0 && specificNames.length >= 2 && modality.length === 0));
  const titled = roleHits.length ? titledNames(text, s, roleHits, mentions.entities, m.apposition) : [];
  return {
    source: s.source, start: s.start, end: s.end, sentenceId: s.id,
    quantities: mentions.quantities, dates: mentions.dates, entities: mentions.entities,
    events, modality, negations, quoted, checkWorthy,
    ...(attribution ? { attribution } : {}),
    ...(titled.length ? { titled } : {}),
  };
}
