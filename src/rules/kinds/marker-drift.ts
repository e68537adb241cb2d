import type { RawFinding, RuleKind } from '../types.js';
import { contextOf, linkedClaims, loc, paragraphConfirmed, positionallyConfirmed, type LinkedClaims } from '../util.js';
import type { PairContext } from '../types.js';
import type { Claim, ModalityMarker, NegationMarker } from '../../model/claim.js';
import type { Span } from '../../model/span.js';
import { lexiconOf } from '../../lang/lexicon.js';
import type { LangPack } from '../../lang/pack.js';
import { isEdit } from '../compare/edits.js';

/** The rule file's params, each described in paramsSchema. */
interface Params {
  marker: 'modality' | 'negation';
  minScore: number;
  crossLanguageOnly?: boolean;
  paragraphs?: boolean;
  confirmRun?: number;
}

/**
 * Certainty and polarity drift in aligned sentences. Modality: one side hedges ("could", "may", "có thể")
 * where the other asserts or predicts ("will", "sẽ"). Negation: the count of negators differs in parity.
 */
export const markerDrift: RuleKind<Params> = {
  name: 'marker-drift',
  scope: 'pair',
  vars: ['a', 'b', 'negated', 'affirmed', 'cue'],
  paramsSchema: {
    type: 'object', additionalProperties: false,
    properties: { marker: { description: '"modality": could/may on one side, will/is on the other; "negation": one side negated, the other not.', enum: ['modality', 'negation'] }, minScore: { description: 'Minimum alignment score: markers are only compared in sentences that clearly say the same thing.', type: 'number', minimum: 0, maximum: 1 }, crossLanguageOnly: { description: 'Compare only versions in different languages. Within one language, edits are the edit rules\' business, and independently written sentences express certainty and negation too freely to compare marker by marker.', type: 'boolean' }, confirmRun: { description: 'Longest run of consecutive weak 1-1 links (below minScore) that leave no sentence out and are held at both ends by a link of at least minScore: such a link can only be its sentence\'s counterpart, and is compared (default 6).', type: 'integer', minimum: 0 }, paragraphs: { description: 'Also compare links under minScore whose paragraphs correspond one to one (each holds every counterpart of the other\'s sentences), as in a translation that keeps the paragraphs of its original.', type: 'boolean' } },
    required: ['marker', 'minScore'],
  },
  checkPair(ctx, p) {
    const out: RawFinding[] = [];
    if (p.crossLanguageOnly && ctx.a.source.lang === ctx.b.source.lang) return out;
    const confirmed = positionallyConfirmed(ctx, p.minScore, p.confirmRun ?? 6);
    if (p.paragraphs) for (const l of paragraphConfirmed(ctx)) confirmed.add(l);
    for (const lc of linkedClaims(ctx)) {
      if (lc.link.score < p.minScore && !confirmed.has(lc.link)) continue;
      if (p.marker === 'negation') {
        const f = negationFlip(ctx, lc);
        if (f) out.push(f);
      } else {
        const f = certaintyDrift(ctx, lc);
        if (f) out.push(f);
      }
    }
    return out;
  },
};

/** Negations of predicates, counted as a reader counts them: concord words that agree with a negator add none. */
const negationsOf = (cs: Claim[]): NegationMarker[] => cs.flatMap((c) => c.negations).filter((n) => !n.concord && !n.constituent && !n.indefinite && !n.double);
/** Words that negate by meaning ("unfit", "lack", "отказался"): paired first with their like on the other side. */
const lexicalOf = (cs: Claim[]): NegationMarker[] => cs.flatMap((c) => c.lexicalNegations ?? []);
/** Negators of a word or phrase ("không phù hợp", "не приближаться", the "не" of "не удалось"). */
const negatorsOfWords = (cs: Claim[]): NegationMarker[] => cs.flatMap((c) => c.negations).filter((n) => !n.concord && (n.constituent === true || n.double === true) && !n.indefinite);
/** Negative indefinites ("nothing", "kein", "không ai", a lone "никто"): a translator's paraphrase of a negation. */
const indefinitesOf = (cs: Claim[]): NegationMarker[] => cs.flatMap((c) => c.negations).filter((n) => !n.concord && n.indefinite === true && !n.cancelled);
/** Negative indefinites cancelled by a negator of their clause ("hat nicht keine Zeit"). */
const cancelledIndefinitesOf = (cs: Claim[]): NegationMarker[] => cs.flatMap((c) => c.negations).filter((n) => n.indefinite === true && n.cancelled === true);

/** Whether two markers of one text stand in one clause: no comma, semicolon, colon, dash or full stop between them. */
const sameClause = (text: string, x: { start: number; end: number }, y: { start: number; end: number }): boolean => {
  const [l, r] = x.start < y.start ? [x, y] : [y, x];
  return !/[,;:.!?—–]/u.test(text.slice(l.end, r.start));
};

/** How far apart (as a share of each sentence's length) a negation and what accounts for it on the other side may stand. */
const PLACE = 0.5;

/**
 * Polarity of aligned sentences: each negation of a predicate on one side must be matched by a negation of a
 * predicate on the other (wherever it stands: word order differs between languages), or, at about the same place in
 * the sentence, by what renders a negation there: a word that negates by meaning (a translator renders "unfit" as
 * "не годится" and "không có" as "lack"), a negator of one word, a negative indefinite ("there wasn't much reason" /
 * "wenig Grund"). Like is paired with like first: words that negate by meaning with their like on the other side
 * ("had not ruled out" / "đã loại trừ": the "not" is left over), negative indefinites with negative indefinites
 * ("no one had told her" / "niemand hatte ihr gesagt": a "nicht" added beside it is left over). What renders a
 * negation goes to the closest negation of the other side, of a predicate or of a word alike ("unlikely" / "chẳng
 * có lý gì", not the "không" of another clause). A negation of a predicate left unmatched on one side only is a flip;
 * unmatched ones on both sides are a rewritten sentence, not a flip. Against a sentence with nothing negative at all,
 * a negation of a word, a negative indefinite or a word the pack lists as negating by meaning ("failed to", "lack",
 * "не удалось") left over is a flip too. Merged sentences are compared whole.
 */
function negationFlip(ctx: PairContext, lc: LinkedClaims): RawFinding | undefined {
  interface Item { m: NegationMarker; at: number; own: number; used: boolean }
  // A clause-final German "nicht" stands for the verb near its clause's start (at) and is written at the end (own).
  const items = (ms: NegationMarker[], span: { start: number; end: number }): Item[] => ms.map((m) => {
    const rel = (x: number): number => (x - span.start) / Math.max(1, span.end - span.start);
    return { m, at: rel(m.at ?? m.start), own: rel(m.start), used: false };
  });
  const gap = (x: Item, y: Item): number => Math.min(Math.abs(x.at - y.at), Math.abs(x.own - y.own), Math.abs(x.at - y.own), Math.abs(x.own - y.at));
  // Closest pairs first, so that one far match does not take what a near one needed.
  const pairUp = (xs: Item[], ys: Item[], place: number, matched?: (x: Item, y: Item) => void, may?: (x: Item, y: Item) => boolean): void => {
    const cands: [number, Item, Item][] = [];
    for (const x of xs) for (const y of ys) if (!x.used && !y.used && gap(x, y) <= place && (!may || may(x, y))) cands.push([gap(x, y), x, y]);
    cands.sort((p, q) => p[0] - q[0]);
    for (const [, x, y] of cands) if (!x.used && !y.used) { x.used = true; y.used = true; matched?.(x, y); }
  };
  // Words that negate by meaning pair with their like first. A negated one ("had not ruled out") paired with a bare
  // one ("đã loại trừ") leaves its negator to be matched as a negation of the predicate.
  const la = items(lexicalOf(lc.a), lc.link.a);
  const lb = items(lexicalOf(lc.b), lc.link.b);
  // Only when nothing else negates near the bare one: "no one can deny" / "никто не может отрицать" is a double
  // negation on both sides.
  const anyNegA = items(lc.a.flatMap((c) => c.negations).filter((n) => !n.concord), lc.link.a);
  const anyNegB = items(lc.b.flatMap((c) => c.negations).filter((n) => !n.concord), lc.link.b);
  const alone = (y: Item, negs: Item[]): boolean => !negs.some((n) => gap(n, y) <= PLACE);
  const promotedA = new Set<number>();
  const promotedB = new Set<number>();
  // Only a verb: an adjective is a negation of its own antonym whatever it is built from ("inevitable" / "không thể
  // tránh khỏi", cannot be avoided).
  const lexA = lexiconOf(ctx.knowledge.pack(ctx.a.source.lang));
  const lexB = lexiconOf(ctx.knowledge.pack(ctx.b.source.lang));
  const verbal = (y: Item, lex: typeof lexA): boolean => lex.verbForms.has(y.m.text.toLowerCase()) || !lex.modifiers.has(y.m.text.toLowerCase());
  pairUp(la, lb, PLACE, (x, y) => {
    if (x.m.cancelled && !y.m.cancelled && alone(y, anyNegB) && verbal(y, lexB)) promotedA.add(x.m.by!);
    if (y.m.cancelled && !x.m.cancelled && alone(x, anyNegA) && verbal(x, lexA)) promotedB.add(y.m.by!);
  });
  // So do negative indefinites: one cancelled by a negator of its clause ("hat nicht keine Drähte") against one alone
  // or a word that negates by meaning ("has no wires", "have yet to announce") leaves that negator over.
  const indA = items(indefinitesOf(lc.a), lc.link.a);
  const indB = items(indefinitesOf(lc.b), lc.link.b);
  const others = (y: Item, negs: Item[]): boolean => !negs.some((n) => n.m !== y.m && gap(n, y) <= PLACE);
  const single = (xs: Item[]): Item[] => xs.filter((x) => !x.m.cancelled);
  pairUp(items(cancelledIndefinitesOf(lc.a), lc.link.a), [...indB, ...single(lb)], PLACE, (x, y) => { if (others(y, anyNegB)) promotedA.add(x.m.by!); });
  pairUp(items(cancelledIndefinitesOf(lc.b), lc.link.b), [...indA, ...single(la)], PLACE, (x, y) => { if (others(y, anyNegA)) promotedB.add(x.m.by!); });
  const doubledA = (n: NegationMarker): boolean => n.double === true && promotedA.has(n.start);
  const doubledB = (n: NegationMarker): boolean => n.double === true && promotedB.has(n.start);
  const pa = items([...negationsOf(lc.a), ...lc.a.flatMap((c) => c.negations).filter(doubledA)], lc.link.a);
  const pb = items([...negationsOf(lc.b), ...lc.b.flatMap((c) => c.negations).filter(doubledB)], lc.link.b);
  // A negator that cancels a negative indefinite ("hat nicht keine Drähte") makes an affirmative: it accounts for
  // nothing. One that cancels a word negating by meaning ("will never disarm", "не переставала") still accounts for a
  // negator on the other side, where that word may not be listed ("не пойдет на уничтожение").
  const cancelsIndefinite = (cs: Claim[]): Set<number> => new Set(cancelledIndefinitesOf(cs).map((n) => n.by!));
  const byIndA = cancelsIndefinite(lc.a);
  const byIndB = cancelsIndefinite(lc.b);
  const ca = items(negatorsOfWords(lc.a).filter((n) => !doubledA(n) && !byIndA.has(n.start)), lc.link.a);
  const cb = items(negatorsOfWords(lc.b).filter((n) => !doubledB(n) && !byIndB.has(n.start)), lc.link.b);
  // Like with like first: negators of phrases that do not negate ("no later than" / "không muộn hơn") pair with their
  // own kind at about the same place, so they do not take a negation that is left over.
  const idA = items(lc.a.flatMap((c) => c.idiomNegations ?? []), lc.link.a);
  const idB = items(lc.b.flatMap((c) => c.idiomNegations ?? []), lc.link.b);
  pairUp(idA, idB, PLACE);
  // Negative indefinites alone in their clause pair with their like wherever they stand ("no one had told her" /
  // "niemand hatte ihr gesagt"). One beside a negator ("you don't see no tail") is left to the negators.
  const lone = (xs: Item[], text: string, cs: Claim[]): Item[] => xs.filter((x) => !cs.some((c) => c.negations.some((n) => n !== x.m && !n.concord && !n.indefinite && sameClause(text, n, x.m))));
  pairUp(lone(indA, ctx.a.source.text, lc.a), lone(indB, ctx.b.source.text, lc.b), 1);
  // Negative indefinites left, and negators of phrases that do not negate ("couldn't help but" / "không thể trợ giúp").
  const ia = [...indA, ...idA.filter((x) => !x.used)];
  const ib = [...indB, ...idB.filter((x) => !x.used)];
  // A negator matches a negator wherever it stands (word order differs between languages); what renders a
  // negation by other means must stand at about the same place.
  // The closest negator, of a predicate or of a word ("That's not very nice" / "Не очень-то мило …, — не добавил":
  // the "не" of "не добавил" is left over); a negated negative word ("không thể bỏ lỡ") only after those.
  const doubles = (xs: Item[], yes: boolean): Item[] => xs.filter((x) => (x.m.double === true) === yes);
  pairUp(pa, [...pb, ...doubles(cb, false)], 1);
  pairUp(pb, doubles(ca, false), 1);
  pairUp(pa, doubles(cb, true), 1);
  pairUp(pb, doubles(ca, true), 1);
  // A word that negates by meaning goes to the closest negator, of a predicate or of a word ("unlikely" / "chẳng có lý
  // gì", not the "không" of another clause); a negative indefinite, which negates its clause, to a negator of a
  // predicate ("there would be no more popular player" / "не будет более знаменитого игрока").
  const bare = (xs: Item[]): Item[] => xs.filter((x) => !x.m.cancelled);
  const predicate = new Set([...pa, ...pb]);
  const lexical = new Set([...la, ...lb]);
  const renders = (x: Item, y: Item): boolean => predicate.has(x) || lexical.has(y);
  pairUp([...pa, ...ca], [...bare(lb), ...ib], PLACE, undefined, renders);
  pairUp([...pb, ...cb], [...bare(la), ...ia], PLACE, undefined, renders);
  // "Won't come unless it can trust" / "finde nur statt, wenn": a negation with an exceptive after it is what a
  // restrictive renders.
  // Negated restrictives ("not only", "nicht nur") pair with their like first; they are no restrictive.
  const ra = items(lc.a.flatMap((c) => c.restrictives ?? []), lc.link.a);
  const rb = items(lc.b.flatMap((c) => c.restrictives ?? []), lc.link.b);
  const negated = (xs: Item[], yes: boolean): Item[] => xs.filter((x) => (x.m.negated === true) === yes);
  pairUp(negated(ra, true), negated(rb, true), PLACE);
  const exceptive = (xs: Item[]): Item[] => xs.filter((x) => x.m.exceptive);
  pairUp(exceptive(pa), negated(rb, false), PLACE);
  pairUp(exceptive(pb), negated(ra, false), PLACE);
  const leftA = pa.filter((x) => !x.used);
  const leftB = pb.filter((x) => !x.used);
  let found: { m: NegationMarker; onA: boolean } | undefined;
  if ((leftA.length > 0) !== (leftB.length > 0)) found = { m: (leftA.length > 0 ? leftA : leftB)[0]!.m, onA: leftA.length > 0 };
  else if (leftA.length === 0) {
    // "Not only … but also" on one side, "only" at about the same place on the other ("nur … sondern auch").
    pairUp(negated(ra, true), negated(rb, false), PLACE, (x) => { found ??= { m: x.m, onA: true }; });
    pairUp(negated(rb, true), negated(ra, false), PLACE, (x) => { found ??= { m: x.m, onA: false }; });
  }
  if (!found) return undefined;
  const { m: neg, onA: aNeg } = found;
  const plain = aNeg ? lc.link.b : lc.link.a;
  return {
    locations: aNeg
      ? [loc(ctx.a.source.text, neg), loc(ctx.b.source.text, plain)]
      : [loc(ctx.a.source.text, plain), loc(ctx.b.source.text, neg)],
    context: contextOf(ctx, lc),
    vars: { negated: aNeg ? ctx.a.source.id : ctx.b.source.id, affirmed: aNeg ? ctx.b.source.id : ctx.a.source.id, cue: neg.text },
  };
}

/**
 * The certainty scale: firm (a future: will, sẽ, будет, wird, the Russian perfective future; a conditional: would,
 * würde, бы; a plain statement), expected (is expected to, dự kiến, ожидается, soll, probably), possible (could, may,
 * có thể, может, könnte, perhaps).
 */
const LEVEL: Partial<Record<ModalityMarker['level'], number>> = { future: 3, conditional: 3, expected: 2, possible: 1 };
const FIRM = 3;
type Level = ModalityMarker['level'];

/**
 * Markers that render each other: one level, a firm future and a conditional, and an ability, a possibility and a
 * word that names one ("can" / "có thể", "the risks that may follow" / "возможные риски").
 */
const OPEN: ReadonlySet<Level> = new Set(['ability', 'possible', 'notion']);
const alike = (x: Level, y: Level): boolean => x === y || (LEVEL[x] === FIRM && LEVEL[y] === FIRM) || (OPEN.has(x) && OPEN.has(y));

/** A question asks; it states no certainty to compare with a statement. */
const QUESTION = /[?？]/u;
/** What the message calls a sentence with no certainty marker. */
const STATEMENT = 'a plain statement';
/** Markers this close (at most two words, no punctuation between) qualify one verb: "will likely", "dự kiến có thể", "looks as though it will". */
const STACKED = /^[\s\u00a0\p{Cf}]*(?:[\p{L}\p{M}'’-]+[\s\u00a0\p{Cf}]+){0,2}$/u;

/** The markers that qualify one verb, read as one: the most hedged of them, an ability or a negated possibility among them above all. */
interface Stack { ms: ModalityMarker[]; level: Level; rep: ModalityMarker; at: number; partner?: Stack }

function stacksOf(ms: ModalityMarker[], text: string, span: Span, asking: boolean): Stack[] {
  const groups: ModalityMarker[][] = [];
  for (const m of [...ms].sort((x, y) => x.start - y.start)) {
    const last = groups[groups.length - 1]?.at(-1);
    if (last && m.start >= last.end && STACKED.test(text.slice(last.end, m.start))) groups[groups.length - 1]!.push(m);
    else groups.push([m]);
  }
  return groups.map((g) => {
    // An alternative is offered, not a hedge added ("definitely or probably"); a conditional that asks ("would
    // you…?" / "bạn có thể…?") or frames an independent report's own view ("it would be odd") predicts nothing.
    const scale = g.filter((m) => LEVEL[m.level] !== undefined && !m.alternative && !(asking && m.level === 'conditional'));
    // A hedge qualifies whatever it stands with ("có thể không thể", may not be able; "sẽ có thể"); a negated
    // possibility or an ability is no prediction, hedged or not ("sẽ không thể", "will be able to").
    const rep = scale.find((m) => m.level === 'possible') ?? g.find((m) => m.level === 'impossible') ?? g.find((m) => m.level === 'ability')
      ?? [...scale].sort((x, y) => LEVEL[x.level]! - LEVEL[y.level]!)[0] ?? g.find((m) => m.level === 'notion');
    return { ms: g, level: rep?.level ?? 'notion', rep: rep ?? g[0]!, at: ((rep ?? g[0]!).start - span.start) / Math.max(1, span.end - span.start) };
  });
}

/**
 * Certainty of aligned sentences. The markers of each side that qualify one verb are read together, as their most
 * hedged ("will likely" is an expectation, "dự kiến có thể" a possibility). Each such reading of one side is first
 * paired with one of the other side that renders it (the same level, a future for a conditional, a possibility for
 * an ability: "if it can pay" / "nếu họ có thể trả"), closest in place first. What is left over is compared: a firm
 * future against a possibility, two steps apart, is a change of certainty; one step (will / is expected to, is
 * expected to / may) is how translators routinely render a modal, and is reported only between near-identical
 * sentences of one language, where it is a word edited. A possibility added to an expectation both versions state
 * ("dự kiến có thể" for "is expected to") is a hedge added. A possibility left over on one side, against a sentence
 * with no marker at all on the other, a plain statement ("the bridge is closed" / "die Brücke könnte gesperrt
 * sein"), is two steps too, unless it speaks of the past ("may have caused") or may say what someone can do.
 * Negated possibilities ("cannot") and abilities are on no step of the scale, and a question is not compared with
 * a statement.
 */
function certaintyDrift(ctx: PairContext, lc: LinkedClaims): RawFinding | undefined {
  // Within one language, a foreseen future ("she fears the reserves will run dry") is still the "will" a draft may change.
  const oneLanguage = ctx.a.source.lang === ctx.b.source.lang;
  const read = (m: ModalityMarker): ModalityMarker => (oneLanguage && m.foreseen ? { ...m, level: 'future' } : m);
  const ma = lc.a.flatMap((c) => c.modality).map(read);
  const mb = lc.b.flatMap((c) => c.modality).map(read);
  if (ma.length === 0 && mb.length === 0) return undefined;
  const textA = ctx.a.source.text.slice(lc.link.a.start, lc.link.a.end);
  const textB = ctx.b.source.text.slice(lc.link.b.start, lc.link.b.end);
  const question = QUESTION.test(textA) || QUESTION.test(textB);
  const versions = ctx.story.relation === 'versions';
  const sa = stacksOf(ma, ctx.a.source.text, lc.link.a, question || !versions);
  const sb = stacksOf(mb, ctx.b.source.text, lc.link.b, question || !versions);
  const cands: [number, Stack, Stack][] = [];
  for (const x of sa) for (const y of sb) if (alike(x.level, y.level)) cands.push([Math.abs(x.at - y.at), x, y]);
  cands.sort((p, q) => p[0] - q[0] || p[1].rep.start - q[1].rep.start || p[2].rep.start - q[2].rep.start);
  for (const [, x, y] of cands) if (!x.partner && !y.partner) { x.partner = y; y.partner = x; }
  const left = (xs: Stack[]): Stack[] => xs.filter((x) => !x.partner && LEVEL[x.level] !== undefined);
  const la = left(sa);
  const lb = left(sb);
  const quoted = (m: ModalityMarker): string => `"${m.text}"`;
  const report = (x: Span, y: Span, a: string, b: string): RawFinding => ({
    locations: [loc(ctx.a.source.text, x), loc(ctx.b.source.text, y)],
    context: contextOf(ctx, lc),
    vars: { a, b },
  });
  // Two steps apart, closest in place first. Between near-identical sentences of one language (a draft of its
  // original) one step is a modal edited, not a translator's rendering: "is expected to" / "may".
  const steps = oneLanguage && isEdit(ctx.a.source.text, lc.link.a, ctx.b.source.text, lc.link.b) ? 1 : 2;
  const far: [number, Stack, Stack][] = [];
  for (const x of la) for (const y of lb) if (Math.abs(LEVEL[x.level]! - LEVEL[y.level]!) >= steps) far.push([Math.abs(x.at - y.at), x, y]);
  far.sort((p, q) => p[0] - q[0] || p[1].rep.start - q[1].rep.start || p[2].rep.start - q[2].rep.start);
  if (far[0]) return report(far[0][1].rep, far[0][2].rep, quoted(far[0][1].rep), quoted(far[0][2].rep));
  // A possibility added to an expectation both state: stacked on it ("dự kiến có thể", "könnte voraussichtlich" /
  // "is expected to"), or beside it, when everything else of the other version is rendered ("ожидается …, может" /
  // "is expected to").
  const expects = (x: Stack): boolean => x.ms.some((m) => m.level === 'expected' && !m.alternative);
  const added = (own: Stack[], ownAll: Stack[], other: Stack[]): [ModalityMarker, ModalityMarker] | undefined => {
    if (other.some((y) => y.level === 'possible')) return undefined;
    const onIt = own.find((x) => x.level === 'possible' && !x.rep.perfect && expects(x));
    const expectation = other.find((y) => y.level === 'expected');
    if (onIt && expectation) return [onIt.rep, expectation.rep];
    const beside = own.find((x) => x.level === 'possible' && !x.rep.perfect);
    const shared = ownAll.find((x) => x.partner && x.level === 'expected' && x.partner.level === 'expected');
    return beside && shared && other.length === 0 ? [beside.rep, shared.partner!.rep] : undefined;
  };
  const ha = added(la, sa, lb);
  if (ha) return report(ha[0], ha[1], quoted(ha[0]), quoted(ha[1]));
  const hb = added(lb, sb, la);
  if (hb) return report(hb[1], hb[0], quoted(hb[1]), quoted(hb[0]));
  // What someone will not do, become what they cannot do (or the reverse): a firm future denied ("won't take part",
  // "не будет участвовать") against a denied possibility at about the same place ("cannot take part", "не может
  // участвовать"), neither rendered on its own side. A refusal or a plan is not an inability or a prohibition.
  const denied = deniedFirmAgainstCannot(ctx, lc, sa, sb);
  if (denied) return report(denied[0], denied[1], quoted(denied[0]), quoted(denied[1]));
  // A possibility against a plain statement: in a version of the other (independent reports hedge as they see fit),
  // the other side has no marker at all, neither side asks, and the hedge is no possibility of the past and no
  // word that may say what someone can do ("customers order online" / "khách hàng có thể đặt hàng").
  if (question || !versions) return undefined;
  // A word that may say what someone can do says it of what they do in general; of one event on a given day ("có
  // thể tham dự … ngày 29 tháng 9 năm 2018" / "arrives for the conference"), it hedges.
  const dated = (cs: Claim[]): boolean => cs.some((c) => c.dates.some((d) => !d.relative && d.day !== undefined && d.month !== undefined));
  const hedge = (xs: Stack[], cs: Claim[]): ModalityMarker | undefined => xs.find((x) => x.level === 'possible' && !x.rep.perfect && (!x.rep.alsoAbility || dated(cs)))?.rep;
  // The other side is plain where the hedge stands when each of its markers renders one of this side's ("would
  // benefit" / "profitieren würde" paired, "has massive respect" / "könnte … respektiert" left).
  const plain = (xs: Stack[]): boolean => xs.every((x) => x.partner);
  const hedgeA = hedge(la, lc.a);
  if (hedgeA && plain(sb)) return report(hedgeA, lc.link.b, quoted(hedgeA), STATEMENT);
  const hedgeB = hedge(lb, lc.b);
  if (hedgeB && plain(sa)) return report(lc.link.a, hedgeB, STATEMENT, quoted(hedgeB));
  return undefined;
}

/** How far apart (as a share of the sentence) a denied future and a denied possibility may stand and still be one verb's. */
const DENIED_PLACE = 0.3;
/** A negator this close after a future qualifies it: "will not", "wird nicht", "sẽ không" (no punctuation, at most three words between). */
const DENIED_AFTER = /^[\s\u00a0\p{Cf}]*(?:[\p{L}\p{M}\p{N}'’-]+[\s\u00a0\p{Cf}]+){0,3}$/u;

/**
 * A firm future (or conditional) that a negator of its clause denies on one side, against a negated possibility
 * ("cannot", "не может", "không thể", or an ability a negator of its clause denies: "kann … nicht") on the other,
 * left unpaired by the certainty comparison and at about the same place: the markers to report, in the order a, b.
 * The future's subject is someone who acts (a pronoun of the pack's `agents`, or a name): "it won't change" is a
 * prediction, which translators render as "cannot".
 * The future may have been paired with a future of another clause of the other side ("wouldn't be doing … when the
 * series ends" / "не может участвовать … после того, как сериал закончится"), one no negator denies and farther
 * from it than the negated possibility. Independent reports are not compared.
 */
function deniedFirmAgainstCannot(ctx: PairContext, lc: LinkedClaims, sa: Stack[], sb: Stack[]): [ModalityMarker, ModalityMarker] | undefined {
  if (ctx.story.relation !== 'versions') return undefined;
  // A negator of the predicate inside the marker ("won't"), right before it ("не будет") or close after it in its
  // clause ("will not", "sẽ không", "kann … nicht").
  const denies = (x: Stack, text: string, negators: NegationMarker[]): boolean => negators.some((n) =>
    (n.start >= x.rep.start && n.end <= x.rep.end) || (n.end <= x.rep.start && /^[\s\u00a0]+$/u.test(text.slice(n.end, x.rep.start)))
    || (n.start >= x.rep.end && DENIED_AFTER.test(text.slice(x.rep.end, n.start))));
  const denied = new Set<Stack>();
  const acts = new Set<Stack>();
  for (const [xs, text, claims, lang] of [[sa, ctx.a.source.text, lc.a, ctx.a.source.lang], [sb, ctx.b.source.text, lc.b, ctx.b.source.lang]] as const) {
    const negators = claims.flatMap((c) => c.negations).filter((n) => !n.concord && !n.constituent && !n.indefinite);
    const agents = agentsOf(ctx.knowledge.pack(lang));
    const names = claims.flatMap((c) => c.entities);
    for (const x of xs) {
      if (!denies(x, text, negators)) continue;
      denied.add(x);
      if (hasAgent(text, x.rep, agents, names, negators)) acts.add(x);
    }
  }
  const cannot = (xs: Stack[]): Stack | undefined => xs.find((x) => !x.partner && (x.level === 'impossible' || (x.level === 'ability' && denied.has(x))));
  const deniedFirm = (xs: Stack[], other: Stack): Stack | undefined => xs.find((x) => LEVEL[x.level] === FIRM && denied.has(x) && acts.has(x)
    && Math.abs(x.at - other.at) <= DENIED_PLACE
    && (!x.partner || (!denied.has(x.partner) && Math.abs(x.partner.at - x.at) > Math.abs(other.at - x.at))));
  const cannotB = cannot(sb);
  const firmA = cannotB && !cannot(sa) ? deniedFirm(sa, cannotB) : undefined;
  if (firmA && !sb.some((y) => LEVEL[y.level] === FIRM && denied.has(y))) return [firmA.rep, cannotB!.rep];
  const cannotA = cannot(sa);
  const firmB = cannotA && !cannot(sb) ? deniedFirm(sb, cannotA) : undefined;
  if (firmB && !sa.some((x) => LEVEL[x.level] === FIRM && denied.has(x))) return [cannotA!.rep, firmB.rep];
  return undefined;
}

const agentSets = new WeakMap<LangPack, ReadonlySet<string>>();
/** A pack's `modality.agents` in lower case, built once per pack. */
function agentsOf(pack: LangPack): ReadonlySet<string> {
  let set = agentSets.get(pack);
  if (!set) agentSets.set(pack, (set = new Set((pack.modality.agents ?? []).map((w) => w.toLowerCase()))));
  return set;
}

/** Words before a marker that may hold its subject pronoun ("he also wouldn't", "Ruiz said she would not", "он не будет"). */
const SUBJECT_WORDS = 4;
/** Where a clause starts, for the subject of a marker. */
const CLAUSE_BREAK = /[,;:.!?"«»“”„()\u2013\u2014]/gu;

/**
 * Whether the subject before `m` is an agent: one of the pack's pronouns among the last words of its clause, or a
 * name right before it (nothing but a negator between: "Ruiz won't", "Руис не будет"; "the Ashby bridge won't" is
 * a bridge's).
 */
function hasAgent(text: string, m: Span, agents: ReadonlySet<string>, names: readonly Span[], negators: readonly Span[]): boolean {
  const before = text.slice(Math.max(0, m.start - 80), m.start);
  let cut = 0;
  for (const b of before.matchAll(CLAUSE_BREAK)) cut = b.index + 1;
  const words = before.slice(cut).toLowerCase().split(/[\s\u00a0]+/u).filter(Boolean).slice(-SUBJECT_WORDS);
  const joined = ` ${words.join(' ')} `;
  for (const a of agents) if (joined.includes(` ${a} `)) return true;
  const bare = (from: number): boolean => {
    let gap = text.slice(from, m.start);
    for (const n of negators) if (n.start >= from && n.end <= m.start) gap = gap.replace(text.slice(n.start, n.end), ' ');
    return /^[\s\u00a0]*$/u.test(gap);
  };
  return names.some((e) => e.end <= m.start && e.end > m.start - 80 && bare(e.end));
}
