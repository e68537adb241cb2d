import { createHash } from 'node:crypto';
import type { Alignment, ClaimGroup, PairAlignment } from '../model/alignment.js';
import type { Claim } from '../model/claim.js';
import type { Sentence } from '../model/sentence.js';
import type { CleanSource } from '../model/source.js';
import type { Story } from '../model/story.js';
import { sentenceAnchors, type SentenceAnchors } from './anchors.js';
import type { Knowledge } from '../lang/knowledge.js';
import { soundKey } from '../lang/keys.js';

export interface AlignInput {
  source: CleanSource;
  sentences: Sentence[];
  claims: Claim[];
}

export interface AlignResult {
  pairs: PairAlignment[];
  groups: ClaimGroup[];
  stories: Story[];
}

interface Side {
  sents: Sentence[];
  anchors: SentenceAnchors[];
  total: number;
}

/**
 * Anchors made ready for the similarity the DP asks for at every cell: the sets and the weight sums are built
 * once per sentence (and per pair of neighbouring sentences), not once per cell and move.
 */
interface Prepared {
  an: SentenceAnchors;
  strongSet: Set<string>;
  wordSet: Set<string>;
  strongW: number;
  wordW: number;
}

/** Weighted Dice coefficient of two anchor lists (`wa`, `wb`: their weight sums). */
const dice = (a: string[], wa: number, setB: Set<string>, wb: number, weight: (k: string) => number): number => {
  if (a.length === 0 || setB.size === 0) return 0;
  let shared = 0;
  for (const k of a) if (setB.has(k)) shared += weight(k);
  return (2 * shared) / (wa + wb);
};

const weightSum = (keys: string[], weight: (k: string) => number): number => {
  let w = 0;
  for (const k of keys) w += weight(k);
  return w;
};

const merge = (x: SentenceAnchors, y: SentenceAnchors): SentenceAnchors => ({
  strong: [...new Set([...x.strong, ...y.strong])],
  words: [...new Set([...x.words, ...y.words])],
  length: x.length + y.length,
  exact: `${x.exact} ${y.exact}`,
});

/** The share of a text's letters in the Latin script. */
function latinShare(text: string): number {
  const sample = text.slice(0, 4000);
  const letters = sample.match(/\p{L}/gu)?.length ?? 0;
  return letters === 0 ? 1 : (sample.match(/\p{Script=Latin}/gu)?.length ?? 0) / letters;
}

const soundCache = new WeakMap<SentenceAnchors, SentenceAnchors>();
/** A sentence's anchors with the sound key ("s:lfrkmb") of each name token long enough to tell names apart. */
function soundAnchors(x: SentenceAnchors): SentenceAnchors {
  let y = soundCache.get(x);
  if (!y) {
    const sounds = x.strong.filter((k) => k.startsWith('t:')).map((k) => soundKey(k.slice(2))).filter((k) => k.length >= 3).map((k) => `s:${k}`);
    y = sounds.length ? { ...x, strong: [...new Set([...x.strong, ...sounds])].sort() } : x;
    soundCache.set(x, y);
  }
  return y;
}

const isFigure = (k: string): boolean => /^(?:q|y|md|ym):/u.test(k);

const anchorCache = new WeakMap<AlignInput, SentenceAnchors[]>();
/** A source's sentence anchors, computed once however many other versions it is aligned with. */
function anchorsOf(x: AlignInput): SentenceAnchors[] {
  let anchors = anchorCache.get(x);
  if (!anchors) {
    anchors = x.sentences.map((s, i) => sentenceAnchors(s, x.claims[i]!));
    anchorCache.set(x, anchors);
  }
  return anchors;
}

/**
 * Aligns the sentences of two versions with dynamic programming (1-1, 1-2, 2-1, 1-0, 0-1) over a
 * similarity built from language-independent anchors (numbers, dates, names), shared words when both
 * sides are in one language, and a length-ratio prior; then recovers moved sentences (non-monotonic
 * pairs with strong anchor evidence) among what the DP left unaligned.
 */
export function alignPair(story: string, A: AlignInput, B: AlignInput): PairAlignment {
  const sameLang = A.source.lang === B.source.lang;
  const mk = (x: AlignInput): Side => {
    const anchors = anchorsOf(x);
    return { sents: x.sentences, anchors, total: anchors.reduce((t, a) => t + a.length, 0) || 1 };
  };
  // Anchors the other version never has cannot match anything: they only dilute similarities (German nouns read as
  // names, words of another language, names in another script). A figure always counts: a figure the other side
  // lacks is evidence against. What a sentence says beyond what the other version can show is weighed apart
  // (`fullCoverage`), and a similarity needs enough shared evidence, not only a high share (`similarity`).
  // Across scripts a name's transliteration varies ("Ilfracombe" / "Ильфракомбе" -> "ilfrakomb", "Thom Browne" /
  // "Том Браун"): each name token also counts by its sound key, the consonants transliteration keeps.
  const crossScript = latinShare(A.source.text) >= 0.5 !== latinShare(B.source.text) >= 0.5;
  const withSound = (side: Side): Side => (crossScript ? { ...side, anchors: side.anchors.map(soundAnchors) } : side);
  const soundOf = (token: string): string[] => { const k = soundKey(token); return crossScript && k.length >= 3 ? [`s:${k}`] : []; };
  const aWritten = mk(A);
  const bWritten = mk(B);
  const a0 = withSound(aWritten);
  const b0 = withSound(bWritten);
  const keysIn = (side: Side): Set<string> => new Set(side.anchors.flatMap((x) => [...x.strong, ...x.words]));
  const rawOf = new WeakMap<SentenceAnchors, SentenceAnchors>();
  const shown = (side: Side, there: Set<string>): Side => ({
    ...side,
    anchors: side.anchors.map((x) => {
      const y = { ...x, strong: x.strong.filter((k) => isFigure(k) || there.has(k)), words: x.words.filter((k) => there.has(k)) };
      rawOf.set(y, x);
      return y;
    }),
  });
  const a = shown(a0, keysIn(b0));
  const b = shown(b0, keysIn(a0));
  const S = similarity(a, b, sameLang, true);
  const { weight, prep, strongDice, lexical } = S;
  /** Expected length ratio b/a of a sentence and its translation: that of surely paired sentences, else the documents'. */
  const ratio = anchoredRatio(a, b, lexical) ?? b.total / a.total;
  const sim = (xa: SentenceAnchors, ya: SentenceAnchors, shares = true): number => S.sim(xa, ya, ratio, shares);
  // The score a link reports is computed on all anchors as written, as the rules that read it (a confidence) expect:
  // sound keys, a guess about transliteration, do not raise it.
  const R = similarity(aWritten, bWritten, sameLang, false);
  const rawRun = (side: Side, from: number, count: number): SentenceAnchors => side.anchors.slice(from, from + count).reduce((x, y) => merge(x, y));
  const reportedScore = (i: number, di: number, j: number, dj: number): number => R.sim(rawRun(aWritten, i, di), rawRun(bWritten, j, dj), ratio);
  const keysA = new Set(a.anchors.flatMap((x) => [...x.strong, ...x.words]));
  const keysB = new Set(b.anchors.flatMap((x) => [...x.strong, ...x.words]));
  // Evidence of what a sentence says (anchors `shown` kept): a country, a month or a verb class is too common to count.
  const portable = (k: string, _there?: Set<string>): boolean => !k.startsWith('e:=') && !k.startsWith('m:') && !k.startsWith('v:');
  // What identifies a sentence's content: numbers, dates, names outside the gazetteer, and its content words (across
  // languages, those the other version shares). A country, a month or a verb class alone is too common to tell two sentences apart.
  const specificOf = new WeakMap<SentenceAnchors, string[]>();
  const specificKeys = (an: SentenceAnchors): string[] => {
    let ks = specificOf.get(an);
    if (!ks) {
      const strong = an.strong.filter((k) => !k.startsWith('e:=') && !k.startsWith('m:') && !k.startsWith('v:'));
      // Across languages a word counts where the other version has it too (a name in Latin letters, a transliterated
      // one): portability is checked against the other version's words.
      ks = [...strong, ...an.words];
      specificOf.set(an, ks);
    }
    return ks;
  };
  const keysCache = new WeakMap<SentenceAnchors, Set<string>>();
  const keysOf = (an: SentenceAnchors): Set<string> => {
    let ks = keysCache.get(an);
    if (!ks) { const p = prep(an); ks = new Set([...p.strongSet, ...p.wordSet]); keysCache.set(an, ks); }
    return ks;
  };
  /** Weighted share of `part`'s specific anchors that `other` has; undefined when `part` has none. */
  /**
   * A sentence's evidence as units, one per fact: a number or a date, a name (its key, its tokens and its words count
   * once: "Huawei" is one unit, not three), a content word. Any key of a unit found on the other side covers it.
   */
  const unitsCache = new WeakMap<SentenceAnchors, string[][]>();
  const unitsOf = (an: SentenceAnchors): string[][] => {
    const known = unitsCache.get(an);
    if (known) return known;
    const units: string[][] = [];
    unitsCache.set(an, units);
    const seen = new Set<string>();
    for (const e of an.strong) {
      if (!e.startsWith('e:') || e.startsWith('e:=')) continue;
      const toks = e.slice(2).split(/\s+/u).filter((t) => t.length >= 4);
      const keys = [e, ...toks.map((t) => `t:${t}`), ...toks.map((t) => t.slice(0, 6)), ...toks.flatMap(soundOf)];
      for (const k of keys) seen.add(k);
      units.push(keys);
    }
    // A name token whose full name the other version writes otherwise ("Ms Davis" / "Davis") is still one unit with
    // the word it is.
    for (const k of an.strong) {
      if (!k.startsWith('t:') || seen.has(k)) continue;
      const keys = [k, k.slice(2, 8), ...soundOf(k.slice(2))];
      for (const x of keys) seen.add(x);
      units.push(keys);
    }
    for (const k of specificKeys(an)) if (!seen.has(k) && !k.startsWith('e:')) units.push([k]);
    return units;
  };
  /**
   * Weighted share of `part`'s evidence units that `other` has, and whether a fact (a name, a number, a date) is
   * among what it lacks; undefined when `part` has too little to tell.
   */
  const anchorCoverage = (part: SentenceAnchors, other: SentenceAnchors, partsOnA: boolean): { share: number; factMissing: boolean } | undefined => {
    const units = unitsOf(part).filter((u) => u.some((k) => portable(k, partsOnA ? keysB : keysA)));
    // One shared word is no evidence either way ("falls" is English and German): a number, a date or two units are.
    if (units.length < 2 && !units.some((u) => isFigure(u[0]!))) return undefined;
    const there = keysOf(other);
    let have = 0;
    let all = 0;
    let factMissing = false;
    for (const u of units) {
      const w = Math.max(...u.map(weight));
      all += w;
      if (u.some((k) => there.has(k))) have += w;
      // A figure the other side gives differently ("7.5" / "8.5", "2019" / "2018") still says which sentence it is:
      // the difference is for the figure rules to report, not a reason to leave the sentence unaligned.
      else if (isFigure(u[0]!) && [...there].some((k) => nearFigure(u[0]!, k))) have += w / 2;
      else if (isFigure(u[0]!) || u[0]!.startsWith('e:')) factMissing = true;
    }
    return { share: have / all, factMissing };
  };
  /** Weighted share of the names and figures of `part` as written (before `shown`) that `other` has. */
  const fullCoverage = (part: SentenceAnchors, other: SentenceAnchors): number => {
    const raw = rawOf.get(part) ?? part;
    const facts = unitsOf({ ...raw, words: sameLang ? raw.words : [] }).filter((u) => portable(u[0]!));
    if (facts.length === 0) return 1;
    const there = keysOf(other);
    let have = 0;
    let all = 0;
    for (const u of facts) { const w = Math.max(...u.map(weight)); all += w; if (u.some((k) => there.has(k))) have += w; }
    return have / all;
  };
  /**
   * Each part of a merge brings facts of the other side that the other part lacks ("paying C$12.50 per share" joined
   * to "is buying FreshCrate for C$640 million" in a rewrite): together they explain the other side, neither alone.
   */
  const complementary = (parts: SentenceAnchors[], other: SentenceAnchors, partsOnA: boolean): boolean => {
    const units = unitsOf(other).filter((u) => u.some((k) => portable(k, partsOnA ? keysA : keysB)));
    if (units.length < 2) return false;
    const sets = parts.map(keysOf);
    let all = 0;
    let both = 0;
    const only = parts.map(() => 0);
    for (const u of units) {
      const w = Math.max(...u.map(weight));
      all += w;
      const hit = sets.map((ks) => u.some((k) => ks.has(k)));
      if (hit.some(Boolean)) both += w;
      if (hit.filter(Boolean).length === 1) only[hit.indexOf(true)]! += w;
    }
    return both / all >= 0.5 && only.every((x) => x / all >= 0.15);
  };
  /** How far a pair's length ratio is from the documents' (natural log; 0 is a perfect fit). */
  const lengthDev = (la: number, lb: number): number => Math.abs(Math.log((lb + 20) / ((la + 20) * ratio)));
  /**
   * A merge (two sentences of one side with one of the other) must explain both sentences: each one's names,
   * numbers and dates are found on the other side, and the pair's lengths fit better merged than either sentence
   * alone (or every part is anchored beyond doubt). Otherwise the second sentence is content the other version
   * lacks, and merging it would hide an omission or an addition.
   */
  const mergeExplained = (parts: SentenceAnchors[], other: SentenceAnchors, partsOnA: boolean, sameBlock: boolean): boolean => {
    if (parts.some((x) => x.exact === other.exact)) return false;
    // Within one paragraph a translator who splits a sentence often expands it too: looser length and anchor bounds.
    const dev = (len: number): number => (partsOnA ? lengthDev(len, other.length) : lengthDev(other.length, len));
    const lengthFits = dev(parts.reduce((t, x) => t + x.length, 0)) <= Math.min(...parts.map((x) => dev(x.length))) + (sameBlock ? 0.25 : 0.1);
    let sure = true;
    for (const x of parts) {
      const c = anchorCoverage(x, other, partsOnA);
      if (c === undefined) { sure = false; continue; }
      // Words the other side lacks may be a paraphrase ("No deaths" / "No one has died"); a name or a figure it
      // lacks is content it does not have.
      if (c.share < 0.5 && c.factMissing) return false;
      // Sure only when the part's own names and figures, those the other version never writes included, are there.
      if (c.share < 0.6 || fullCoverage(x, other) < 0.6) sure = false;
    }
    // Across a paragraph break a fitting length is no evidence: a translator rarely joins two paragraphs, and a
    // paragraph dropped next to a short one fits a merge's length as well. Each part must then be anchored there.
    return (sameBlock && lengthFits) || sure || complementary(parts, other, partsOnA);
  };
  /**
   * Evidence against a pair: specific anchors of either side that the other lacks (a sentence naming a person or a
   * figure paired with one that names nothing). A penalty, so that where the DP must choose, the sentence whose
   * facts are missing stays unaligned rather than pushing every later pair one place along.
   */
  const mismatch = (xa: SentenceAnchors, ya: SentenceAnchors): number => {
    if (xa.exact === ya.exact) return 0;
    const sx = xa.strong.filter((k) => portable(k, keysB));
    const sy = ya.strong.filter((k) => portable(k, keysA));
    if (sx.length === 0 && sy.length === 0) return 0;
    const kx = prep(xa).strongSet;
    const ky = prep(ya).strongSet;
    let un = 0;
    let all = 0;
    for (const k of sx) { const w = weight(k); all += w; if (!ky.has(k)) un += w; }
    for (const k of sy) { const w = weight(k); all += w; if (!kx.has(k)) un += w; }
    return MISMATCH * (un / all);
  };
  /**
   * Two sentences that share nothing, one giving a figure (an amount, a date) and another fact (a figure or a name),
   * the other no figure: no translation drops every fact of a sentence, so they are no pair, whatever their lengths
   * ("More than 20 million people watched … Kavanaugh" against "In der Zwischenzeit hielt die Pattsituation an").
   */
  // Each sentence's figures and facts, counted once (the DP asks for every pair of sentences).
  const factCounts = new WeakMap<SentenceAnchors, { figures: number; facts: number }>();
  const countsOf = (x: SentenceAnchors): { figures: number; facts: number } => {
    let c = factCounts.get(x);
    if (!c) {
      // Names the other version writes somewhere count (a name it never writes may be a word of the other language).
      const figures = x.strong.filter(isFigure).length;
      c = { figures, facts: figures + x.strong.filter((k) => (k.startsWith('e:') && !k.startsWith('e:=')) || k.startsWith('t:')).length };
      factCounts.set(x, c);
    }
    return c;
  };
  const factsAgainstNothing = (xa: SentenceAnchors, yb: SentenceAnchors): boolean => {
    const x = countsOf(xa);
    const y = countsOf(yb);
    const rich = (c: { figures: number; facts: number }): boolean => c.figures >= 1 && c.facts >= 2;
    return (rich(x) && y.figures === 0) || (rich(y) && x.figures === 0);
  };
  const MISMATCH = 0.1;
  const PARAGRAPH_SHIFT = 0.2;
  const n = a.sents.length;
  const m = b.sents.length;
  const SKIP = -0.02;
  const ANCHORED = 0.08;
  const MIN_LINK = sameLang ? 0.2 : 0.08;
  const score = new Float64Array((n + 1) * (m + 1)).fill(-Infinity);
  // Two states per cell: arrived by a skip (0) or by a match (1). A match right after a match earns a small
  // continuity bonus: translations move whole paragraphs, so runs of pairs beat scattered ones of equal score.
  const score1 = new Float64Array((n + 1) * (m + 1)).fill(-Infinity);
  const back = [new Int8Array((n + 1) * (m + 1)).fill(-1), new Int8Array((n + 1) * (m + 1)).fill(-1)];
  const backState = [new Int8Array((n + 1) * (m + 1)), new Int8Array((n + 1) * (m + 1))];
  const scores = [score, score1];
  const at = (i: number, j: number): number => i * (m + 1) + j;
  score[at(0, 0)] = 0;
  const CONTINUITY = 0.05;
  // Position prior: pairs far from the diagonal are penalised a little (translations are mostly monotonic).
  const diag = (i: number, j: number): number => Math.abs(i / Math.max(1, n) - j / Math.max(1, m));
  const moves: [number, number][] = [[1, 1], [1, 2], [2, 1], [1, 0], [0, 1]];
  // Two neighbouring sentences as one (the 1-2 and 2-1 moves), merged once per position.
  const pairsOf = (anchors: SentenceAnchors[]): SentenceAnchors[] => anchors.slice(0, -1).map((x, k) => merge(x, anchors[k + 1]!));
  const a2 = pairsOf(a.anchors);
  const b2 = pairsOf(b.anchors);
  const moveSim = new Float64Array(moves.length);
  const moveCost = new Float64Array(moves.length);
  // Paragraphs are a strong prior: a translator splits or joins sentences within a paragraph, rarely across one.
  const mergeCost = (i: number, di: number, j: number, dj: number): number => {
    if (di === 2) return a.sents[i]!.block === a.sents[i + 1]!.block ? 0.04 : 0.12;
    if (dj === 2) return b.sents[j]!.block === b.sents[j + 1]!.block ? 0.04 : 0.12;
    return 0;
  };
  // Two versions with as many paragraphs keep them one for one (a translation, a copy): a link between sentences of
  // paragraphs at different places costs more, so that where nothing anchors the sentences (two languages that share
  // no words) the alignment does not slide one sentence along and pair every later one with its neighbour's partner.
  // With a paragraph dropped, added or split, the counts differ and no paragraph is presumed.
  const paragraphOf = (sents: Sentence[]): number[] => {
    const seen = new Map<number, number>();
    return sents.map((x) => seen.get(x.block) ?? seen.set(x.block, seen.size).get(x.block)!);
  };
  const parA = paragraphOf(a.sents);
  const parB = paragraphOf(b.sents);
  const paragraphs = Math.max(0, ...parA) + 1;
  const sameParagraphs = paragraphs >= 3 && paragraphs === Math.max(0, ...parB) + 1;
  // A headline translates a headline: where both versions have one, a link between a headline and a sentence of the
  // body costs as much as one across paragraphs.
  const titled = a.sents.some((x) => x.isTitle) && b.sents.some((x) => x.isTitle);
  const titleCost = (i: number, di: number, j: number, dj: number): number =>
    titled && a.sents.slice(i, i + di).some((x) => x.isTitle) !== b.sents.slice(j, j + dj).some((x) => x.isTitle) ? PARAGRAPH_SHIFT : 0;
  const paragraphCost = (i: number, di: number, j: number, dj: number): number => {
    if (titleCost(i, di, j, dj) > 0) return PARAGRAPH_SHIFT;
    if (!sameParagraphs) return 0;
    for (let x = i; x < i + di; x++) for (let y = j; y < j + dj; y++) if (parA[x] === parB[y]) return 0;
    return PARAGRAPH_SHIFT;
  };
  // Which sentence pairs share any anchor or word, from an inverted index: most pairs of a translation share
  // nothing, and their similarity is the length prior alone, without the two Dice sums.
  const shared = new Uint8Array(n * m);
  const where = new Map<string, number[]>();
  b.anchors.forEach((an, j) => { for (const k of [...an.strong, ...an.words]) (where.get(k) ?? where.set(k, []).get(k)!).push(j); });
  a.anchors.forEach((an, i) => { for (const k of [...an.strong, ...an.words]) for (const j of where.get(k) ?? []) shared[i * m + j] = 1; });
  const shares = (i: number, di: number, j: number, dj: number): boolean => {
    for (let x = i; x < i + di; x++) for (let y = j; y < j + dj; y++) if (shared[x * m + y]) return true;
    return false;
  };
  for (let i = 0; i <= n; i++) {
    for (let j = 0; j <= m; j++) {
      if (score[at(i, j)] === -Infinity && score1[at(i, j)] === -Infinity) continue;
      // The similarity of each match move, computed once for both states.
      for (let k = 0; k < 3; k++) {
        const [di, dj] = moves[k]!;
        moveSim[k] = i + di > n || j + dj > m ? -Infinity : sim(di === 1 ? a.anchors[i]! : a2[i]!, dj === 1 ? b.anchors[j]! : b2[j]!, shares(i, di, j, dj));
        if (moveSim[k]! === -Infinity) continue;
        if (k === 0 && factsAgainstNothing(a.anchors[i]!, b.anchors[j]!) && !shares(i, 1, j, 1)) moveSim[k] = -Infinity;
        else if (di === 2 && !mergeExplained([a.anchors[i]!, a.anchors[i + 1]!], b.anchors[j]!, true, a.sents[i]!.block === a.sents[i + 1]!.block)) moveSim[k] = -Infinity;
        else if (dj === 2 && !mergeExplained([b.anchors[j]!, b.anchors[j + 1]!], a.anchors[i]!, false, b.sents[j]!.block === b.sents[j + 1]!.block)) moveSim[k] = -Infinity;
        else moveCost[k] = mismatch(di === 1 ? a.anchors[i]! : a2[i]!, dj === 1 ? b.anchors[j]! : b2[j]!) + mergeCost(i, di, j, dj) + paragraphCost(i, di, j, dj);
      }
      for (let st = 0; st < 2; st++) {
        const here = scores[st]![at(i, j)]!;
        if (here === -Infinity) continue;
        for (let k = 0; k < moves.length; k++) {
          const [di, dj] = moves[k]!;
          const ni = i + di;
          const nj = j + dj;
          if (ni > n || nj > m) continue;
          let gain: number;
          const match = di > 0 && dj > 0;
          if (!match) gain = SKIP;
          else {
            const s = moveSim[k]!;
            if (s < MIN_LINK) continue;
            gain = s - 0.03 * diag(i, j) - moveCost[k]! + (st === 1 ? CONTINUITY : 0);
          }
          const to = match ? 1 : 0;
          const v = here + gain;
          if (v > scores[to]![at(ni, nj)]!) { scores[to]![at(ni, nj)] = v; back[to]![at(ni, nj)] = k; backState[to]![at(ni, nj)] = st; }
        }
      }
    }
  }
  const links: Alignment[] = [];
  const usedA = new Set<number>();
  const usedB = new Set<number>();
  const span = (sents: Sentence[], from: number, count: number) => ({
    source: sents[from]!.source, start: sents[from]!.start, end: sents[from + count - 1]!.end,
  });
  /** Each link's similarity as the DP sees it (portable anchors), for the decisions below. */
  const internal = new Map<Alignment, number>();
  const addLink = (i: number, di: number, j: number, dj: number, own: number): void => {
    const s = reportedScore(i, di, j, dj);
    for (let x = 0; x < di; x++) usedA.add(i + x);
    for (let y = 0; y < dj; y++) usedB.add(j + y);
    const link: Alignment = {
      story, a: span(a.sents, i, di), b: span(b.sents, j, dj),
      aSentences: a.sents.slice(i, i + di).map((x) => x.id), bSentences: b.sents.slice(j, j + dj).map((x) => x.id),
      score: Math.round(s * 1000) / 1000,
    };
    links.push(link);
    internal.set(link, own);
  };
  let i = n;
  let j = m;
  let st = score1[at(n, m)]! > score[at(n, m)]! ? 1 : 0;
  const path: [number, number, number, number][] = [];
  while (i > 0 || j > 0) {
    const k = back[st]![at(i, j)]!;
    if (k < 0) break;
    const prev = backState[st]![at(i, j)]!;
    const [di, dj] = moves[k]!;
    i -= di; j -= dj;
    if (di > 0 && dj > 0) path.push([i, di, j, dj]);
    st = prev;
  }
  path.reverse();
  // Links the DP made on length alone (no shared anchor or word) are kept only inside a region whose two sides
  // hold about as many sentences: between two anchored links, a run of plain sentences pairs up one by one;
  // at a document's end, or where one side has much more text, length-only pairs are guesses and are dropped.
  const scored = path.map(([pi, di, pj, dj]) => {
    const xa = di === 1 ? a.anchors[pi]! : a2[pi]!;
    const yb = dj === 1 ? b.anchors[pj]! : b2[pj]!;
    return { pi, di, pj, dj, s: sim(xa, yb), anchored: lexical(xa, yb) >= ANCHORED };
  });
  for (let k = 0; k < scored.length; k++) {
    const l = scored[k]!;
    if (!l.anchored) {
      let p = k - 1;
      while (p >= 0 && !scored[p]!.anchored) p--;
      let q = k + 1;
      while (q < scored.length && !scored[q]!.anchored) q++;
      const fromA = p >= 0 ? scored[p]!.pi + scored[p]!.di : 0;
      const fromB = p >= 0 ? scored[p]!.pj + scored[p]!.dj : 0;
      const toA = q < scored.length ? scored[q]!.pi : n;
      const toB = q < scored.length ? scored[q]!.pj : m;
      const gapA = toA - fromA;
      const gapB = toB - fromB;
      // The region's two sides hold about as many sentences, or as much text (a translator who split sentences
      // makes more of them, not more text).
      let lenA = 0;
      let lenB = 0;
      for (let x = fromA; x < toA; x++) lenA += a.anchors[x]!.length;
      for (let y = fromB; y < toB; y++) lenB += b.anchors[y]!.length;
      const sameText = Math.abs(Math.log((lenB + 20) / ((lenA + 20) * ratio))) <= 0.3;
      if (!sameText && Math.abs(gapA - gapB) > Math.max(1, 0.25 * Math.max(gapA, gapB))) continue;
    }
    addLink(l.pi, l.di, l.pj, l.dj, l.s);
  }
  // Moved blocks: unaligned sentences with strong anchor evidence find their partner anywhere.
  const candidates: [number, number, number][] = [];
  // Only specific anchors count here (numbers, dates, names outside the gazetteer): "China" and "AI" are everywhere.
  const specific = (xs: string[]): string[] => xs.filter((k) => !k.startsWith('e:=') && !k.startsWith('m:') && !k.startsWith('y:') && !k.startsWith('v:'));
  // A full month and year ("last June" in 2020 = "tháng 6/2019") is specific enough to recover a moved sentence.
  // A B sentence the DP paired on length alone (a weak link) may be taken back by a strongly anchored one.
  const weakB = new Map<number, Alignment>();
  for (const l of links) if (internal.get(l)! < 0.3 && l.bSentences.length === 1 && l.aSentences.length === 1) weakB.set(b.sents.findIndex((x) => x.id === l.bSentences[0]), l);
  for (let x = 0; x < n; x++) {
    const sa = specific(a.anchors[x]!.strong);
    if (usedA.has(x) || sa.length === 0) continue;
    // A sentence whose best match is already paired with its neighbour is a split or a join for `absorb`, not a
    // moved sentence.
    let best = 0;
    const mine: [number, number, number, number][] = [];
    const wa = sa.reduce((t, k) => t + weight(k), 0);
    for (let y = 0; y < m; y++) {
      const sb = specific(b.anchors[y]!.strong);
      if (!sa.some((k) => sb.includes(k))) continue;
      const covered = sa.reduce((t, k) => t + (sb.includes(k) ? weight(k) : 0), 0) / wa;
      best = Math.max(best, covered);
      if (usedB.has(y) && !weakB.has(y)) continue;
      const s = strongDice(prep(a.anchors[x]!), prep(b.anchors[y]!));
      if (s >= 0.45) mine.push([s, x, y, covered]);
    }
    for (const [s, , y, covered] of mine) if (covered >= best - 0.15) candidates.push([s, x, y]);
  }
  candidates.sort((p, q) => q[0] - p[0] || p[1] - q[1] || p[2] - q[2]);
  for (const [s, x, y] of candidates) {
    if (usedA.has(x)) continue;
    if (usedB.has(y)) {
      const old = weakB.get(y);
      if (!old || s < internal.get(old)! + 0.2 || !links.includes(old)) continue;
      links.splice(links.indexOf(old), 1);
      usedA.delete(a.sents.findIndex((z) => z.id === old.aSentences[0]));
      usedB.delete(y);
    }
    addLink(x, 1, y, 1, s);
  }
  // Gaps: between two links that keep their order on both sides, equal runs of unaligned sentences pair up one
  // by one (the inside of a moved paragraph whose first and last sentences were recovered by their anchors).
  links.sort((p, q) => p.a.start - q.a.start || p.b.start - q.b.start);
  const indexOfA = new Map(a.sents.map((x, k) => [x.id, k]));
  const indexOfB = new Map(b.sents.map((x, k) => [x.id, k]));
  const gapLinks: [number, number][] = [];
  for (let k = 0; k + 1 < links.length; k++) {
    const p = links[k]!;
    const q = links[k + 1]!;
    const pa = indexOfA.get(p.aSentences[p.aSentences.length - 1]!)!;
    const qa = indexOfA.get(q.aSentences[0]!)!;
    const pb = indexOfB.get(p.bSentences[p.bSentences.length - 1]!)!;
    const qb = indexOfB.get(q.bSentences[0]!)!;
    if (qb <= pb) continue;
    const ga: number[] = [];
    for (let x = pa + 1; x < qa; x++) if (!usedA.has(x)) ga.push(x);
    const gb: number[] = [];
    for (let y = pb + 1; y < qb; y++) if (!usedB.has(y)) gb.push(y);
    if (ga.length === 0 || ga.length !== gb.length || ga.length > 3 || ga.length !== qa - pa - 1 || gb.length !== qb - pb - 1) continue;
    ga.forEach((x, t) => gapLinks.push([x, gb[t]!]));
  }
  // The same at the documents' two ends: a first or last run of unaligned sentences, as many on each side.
  if (links.length > 0) {
    const first = links[0]!;
    const last = links[links.length - 1]!;
    const headA = indexOfA.get(first.aSentences[0]!)!;
    const headB = indexOfB.get(first.bSentences[0]!)!;
    if (headA === headB && headA <= 3 && [...Array(headA).keys()].every((x) => !usedA.has(x) && !usedB.has(x))) for (let x = 0; x < headA; x++) gapLinks.push([x, x]);
    const tailA = n - 1 - indexOfA.get(last.aSentences[last.aSentences.length - 1]!)!;
    const tailB = m - 1 - indexOfB.get(last.bSentences[last.bSentences.length - 1]!)!;
    if (tailA === tailB && tailA <= 3 && [...Array(tailA).keys()].every((t) => !usedA.has(n - tailA + t) && !usedB.has(m - tailB + t))) {
      for (let t = 0; t < tailA; t++) gapLinks.push([n - tailA + t, m - tailB + t]);
    }
  }
  for (const [x, y] of gapLinks) if (!factsAgainstNothing(a.anchors[x]!, b.anchors[y]!)) addLink(x, 1, y, 1, sim(a.anchors[x]!, b.anchors[y]!));
  // A moved paragraph keeps its order inside: from each link, neighbours left unaligned on both sides pair up,
  // backwards and forwards, for up to three sentences while they still look like translations of each other.
  for (const l of [...links]) {
    for (const dir of [-1, 1] as const) {
      let x = indexOfA.get(dir < 0 ? l.aSentences[0]! : l.aSentences[l.aSentences.length - 1]!)! + dir;
      let y = indexOfB.get(dir < 0 ? l.bSentences[0]! : l.bSentences[l.bSentences.length - 1]!)! + dir;
      for (let k = 0; k < 3 && x >= 0 && y >= 0 && x < n && y < m && !usedA.has(x) && !usedB.has(y); k++, x += dir, y += dir) {
        const s2 = sim(a.anchors[x]!, b.anchors[y]!);
        if (s2 < MIN_LINK + 0.05 || factsAgainstNothing(a.anchors[x]!, b.anchors[y]!)) break;
        addLink(x, 1, y, 1, s2);
      }
    }
  }
  links.sort((p, q) => p.a.start - q.a.start || p.b.start - q.b.start);
  // Splits: a sentence left over next to a link, that shares anchors with the link's other side, belongs to it
  // ("Putin spoke up for the company, saying …" became two Vietnamese sentences).
  absorb(links, a, b, usedA, usedB, indexOfA, indexOfB, lexical, mergeExplained);
  const anchored = links.filter((l) => l.score >= (sameLang ? 0.35 : 0.2)).reduce((t, l) => t + Math.min(l.aSentences.length, l.bSentences.length), 0);
  const coverage = Math.min(n, m) === 0 ? 0 : anchored / Math.min(n, m);
  links.sort((p, q) => p.a.start - q.a.start || p.b.start - q.b.start);
  return {
    story, a: A.source.id, b: B.source.id, links,
    unalignedA: a.sents.filter((_, x) => !usedA.has(x)).map((s) => s.id),
    unalignedB: b.sents.filter((_, y) => !usedB.has(y)).map((s) => s.id),
    coverage,
  };
}

/**
 * The similarity of two sentences (or merged neighbours) of a pair of versions: weighted Dice of their anchors
 * (idf weights over the pair's sentences), words counting in one language and Latin-script tokens across
 * languages, and a length-ratio prior (`sim`).
 */
function similarity(a: Side, b: Side, sameLang: boolean, needsMass: boolean) {
  const df = new Map<string, number>();
  for (const side of [a, b]) for (const an of side.anchors) for (const k of new Set([...an.strong, ...an.words])) df.set(k, (df.get(k) ?? 0) + 1);
  const N = a.sents.length + b.sents.length;
  const weights = new Map<string, number>();
  // An event class says little about which sentence it is (and an event verb may be misread inside another word,
  // Vietnamese "chi" in "chi tiết"): a third of its weight, in the similarity the DP uses.
  const weak = (k: string): boolean => needsMass && k.startsWith('v:');
  for (const [k, d] of df) weights.set(k, Math.log(1 + N / d) * (weak(k) ? 1 / 3 : 1));
  const weight = (k: string): number => weights.get(k) ?? Math.log(1 + N);
  const prepared = new WeakMap<SentenceAnchors, Prepared>();
  const prep = (an: SentenceAnchors): Prepared => {
    let p = prepared.get(an);
    if (!p) {
      p = { an, strongSet: new Set(an.strong), wordSet: new Set(an.words), strongW: weightSum(an.strong, weight), wordW: weightSum(an.words, weight) };
      prepared.set(an, p);
    }
    return p;
  };
  // With anchors filtered to those both versions have, two sentences that share one common anchor (an event class, a
  // frequent word) and nothing else would score as identical: a Dice needs shared weight of one rare anchor to count
  // in full.
  const MASS = Math.log(1 + N / 2);
  const massed = (d: number, x: Prepared, y: Prepared, words: boolean): number => {
    if (!needsMass || d === 0) return d;
    const shared = (d * ((words ? x.wordW : x.strongW) + (words ? y.wordW : y.strongW))) / 2;
    return d * Math.min(1, shared / MASS);
  };
  const strongDice = (x: Prepared, y: Prepared): number => massed(dice(x.an.strong, x.strongW, y.strongSet, y.strongW, weight), x, y, false);
  const wordDice = (x: Prepared, y: Prepared): number => massed(dice(x.an.words, x.wordW, y.wordSet, y.wordW, weight), x, y, true);
  /** Words only count in one language; across languages, shared Latin-script words still help (names, acronyms). */
  const combine = (s: number, w: number): number => (sameLang ? Math.max(s, w, 0.5 * s + 0.5 * w) : Math.max(s, 0.6 * s + 0.4 * w));
  const lexical = (xa: SentenceAnchors, ya: SentenceAnchors): number => {
    if (xa.exact === ya.exact) return 1;
    const x = prep(xa);
    const y = prep(ya);
    return combine(strongDice(x, y), wordDice(x, y));
  };
  /** `shares`: false when the two sides have no anchor or word in common (both Dice terms are then 0). */
  const sim = (xa: SentenceAnchors, ya: SentenceAnchors, ratio: number, shares = true): number => {
    if (xa.exact === ya.exact) return 1.2;
    let lex = 0;
    if (shares) {
      const x = prep(xa);
      const y = prep(ya);
      lex = combine(strongDice(x, y), wordDice(x, y));
    }
    const lr = Math.log((ya.length + 20) / ((xa.length + 20) * ratio));
    const lenScore = Math.exp(-(lr * lr) / 0.5);
    return lex * (0.75 + 0.25 * lenScore) + (sameLang ? 0 : 0.12 * lenScore);
  };
  return { weight, prep, strongDice, lexical, sim };
}

/**
 * The length ratio b/a of sentences that surely translate each other (each the other's best match, with strong
 * anchor evidence), as a geometric median; blended with the documents' ratio when there are few. A dropped or an
 * added paragraph skews the documents' ratio, and with it every length comparison; the anchored pairs do not.
 */
function anchoredRatio(a: Side, b: Side, lexical: (x: SentenceAnchors, y: SentenceAnchors) => number): number | undefined {
  const where = new Map<string, number[]>();
  b.anchors.forEach((an, j) => { for (const k of an.strong) if (!k.startsWith('e:=') && !k.startsWith('m:') && !k.startsWith('v:')) (where.get(k) ?? where.set(k, []).get(k)!).push(j); });
  const bestA = new Map<number, [number, number]>();
  const bestB = new Map<number, [number, number]>();
  a.anchors.forEach((an, i) => {
    const cands = new Set<number>();
    for (const k of an.strong) for (const j of where.get(k) ?? []) cands.add(j);
    for (const j of cands) {
      const s = lexical(an, b.anchors[j]!);
      if (s < 0.5) continue;
      if (s > (bestA.get(i)?.[1] ?? 0)) bestA.set(i, [j, s]);
      if (s > (bestB.get(j)?.[1] ?? 0)) bestB.set(j, [i, s]);
    }
  });
  const logs: number[] = [];
  for (const [i, [j]] of bestA) if (bestB.get(j)?.[0] === i) logs.push(Math.log((b.anchors[j]!.length + 20) / (a.anchors[i]!.length + 20)));
  if (logs.length === 0) return undefined;
  logs.sort((x, y) => x - y);
  const mid = logs.length >> 1;
  const median = logs.length % 2 ? logs[mid]! : (logs[mid - 1]! + logs[mid]!) / 2;
  const w = logs.length / (logs.length + 2);
  return Math.exp(w * median + (1 - w) * Math.log(b.total / a.total));
}

/** Two figure anchors of one kind that differ a little: amounts within a factor of two, years three apart, a date
 * with the same day or the same month. */
function nearFigure(x: string, y: string): boolean {
  const [kx, vx] = [x.slice(0, x.indexOf(':')), x.slice(x.indexOf(':') + 1)];
  const [ky, vy] = [y.slice(0, y.indexOf(':')), y.slice(y.indexOf(':') + 1)];
  if (kx !== ky) return false;
  if (kx === 'q') {
    const a = Math.abs(Number(vx));
    const b = Math.abs(Number(vy));
    return a > 0 && b > 0 && Math.max(a, b) / Math.min(a, b) <= 2;
  }
  if (kx === 'y') return Math.abs(Number(vx) - Number(vy)) <= 3;
  const px = vx.split('-');
  const py = vy.split('-');
  return px.length === 2 && py.length === 2 && (px[0] === py[0] || px[1] === py[1]);
}

function absorb(
  links: Alignment[], a: Side, b: Side, usedA: Set<number>, usedB: Set<number>,
  indexOfA: Map<string, number>, indexOfB: Map<string, number>, lexical: (x: SentenceAnchors, y: SentenceAnchors) => number,
  explained: (parts: SentenceAnchors[], other: SentenceAnchors, partsOnA: boolean, sameBlock: boolean) => boolean,
): void {
  const MIN = 0.2;
  for (const l of links) {
    for (const side of ['a', 'b'] as const) {
      const mine = side === 'a' ? a : b;
      const used = side === 'a' ? usedA : usedB;
      const ids = side === 'a' ? l.aSentences : l.bSentences;
      const otherIds = side === 'a' ? l.bSentences : l.aSentences;
      const other = side === 'a' ? b : a;
      const idx = side === 'a' ? indexOfA : indexOfB;
      const oidx = side === 'a' ? indexOfB : indexOfA;
      // A sentence split in two, or in three within one paragraph (a link of two sentences takes a third of theirs).
      if (ids.length >= 3) continue;
      const otherAnchors = otherIds.map((id) => other.anchors[oidx.get(id)!]!).reduce((x, y) => merge(x, y));
      const first = idx.get(ids[0]!)!;
      const last = idx.get(ids[ids.length - 1]!)!;
      const own = ids.map((id) => mine.anchors[idx.get(id)!]!).reduce((x, y) => merge(x, y));
      for (const cand of [first - 1, last + 1]) {
        if (cand < 0 || cand >= mine.sents.length || used.has(cand)) continue;
        // Within a paragraph, a sentence the translator split off needs no words of its own in common (a fragment,
        // a clause); across paragraphs it must share some. Either way the merge must explain both sentences.
        const next = cand < first ? first : last;
        const sameBlock = mine.sents[cand]!.block === mine.sents[next]!.block && !mine.sents[cand]!.isTitle;
        if (ids.length === 2 && !sameBlock) continue;
        if (!sameBlock && lexical(mine.anchors[cand]!, otherAnchors) < MIN) continue;
        const parts = cand < first ? [mine.anchors[cand]!, own] : [own, mine.anchors[cand]!];
        if (!explained(parts, otherAnchors, side === 'a', sameBlock)) continue;
        used.add(cand);
        const from = Math.min(first, cand);
        const to = Math.max(last, cand);
        const span = { source: mine.sents[from]!.source, start: mine.sents[from]!.start, end: mine.sents[to]!.end };
        const newIds = mine.sents.slice(from, to + 1).map((x) => x.id);
        if (side === 'a') { l.a = span; l.aSentences = newIds; } else { l.b = span; l.bSentences = newIds; }
        break;
      }
    }
  }
}

const contentHash = (x: AlignInput): string => createHash('sha256').update(x.source.text).digest('hex');
function byContent(x: AlignInput, y: AlignInput): number {
  const px = x.source.publishedAt ?? x.source.published ?? '\uffff';
  const py = y.source.publishedAt ?? y.source.published ?? '\uffff';
  if (px !== py) return px < py ? -1 : 1;
  if (x.sentences.length !== y.sentences.length) return y.sentences.length - x.sentences.length;
  if (x.source.text.length !== y.source.text.length) return y.source.text.length - x.source.text.length;
  const hx = contentHash(x);
  const hy = contentHash(y);
  return hx < hy ? -1 : hx > hy ? 1 : x.source.id < y.source.id ? -1 : 1;
}

/**
 * Aligns every pair of sources within each story, decides whether the story's sources are versions of one
 * article (translations, rewrites: most sentences align) or independent coverage of one event, and groups
 * aligned sentences across all sources into claim groups (union-find over alignment links).
 */
export function align(stories: Story[], inputs: Map<string, AlignInput>, declaredRelation: Record<string, Story['relation']> | undefined, originals: ReadonlySet<string>, knowledge: Knowledge): AlignResult {
  const bylineCue = knowledge.furniture().bylineCue;
  const pairs: PairAlignment[] = [];
  const outStories: Story[] = [];
  const groups: ClaimGroup[] = [];
  for (const story of stories) {
    // Pairs are oriented by content, not by file name: the original first (earlier publication, then the longer
    // text), so renaming files changes no finding.
    // Versions declared original (a manifest, the library's `original`, draft mode's published versions) come first.
    const declaredFirst = (x: AlignInput, y: AlignInput): number => Number(originals.has(y.source.id)) - Number(originals.has(x.source.id));
    const srcs = story.sources.map((id) => inputs.get(id)!).filter(Boolean).sort((x, y) => declaredFirst(x, y) || byContent(x, y));
    const storyPairs: PairAlignment[] = [];
    for (let x = 0; x < srcs.length; x++) for (let y = x + 1; y < srcs.length; y++) storyPairs.push(alignPair(story.id, srcs[x]!, srcs[y]!));
    for (const p of storyPairs) pairs.push(p); // not push(...): a story of many sources would overflow the stack
    let relation: Story['relation'] = 'single';
    if (srcs.length > 1) {
      const crossLang = new Set(srcs.map((s) => s.source.lang)).size > 1;
      const meanCoverage = storyPairs.reduce((t, p) => t + p.coverage, 0) / storyPairs.length;
      // Two different bylines in one language are two outlets' reports, however parallel their sentences.
      const bylines = new Set(srcs.map((x) => x.source.provenance.byline?.replace(bylineCue, '').trim().toLowerCase()).filter(Boolean));
      relation = crossLang ? 'versions' : bylines.size >= 2 ? 'coverage' : meanCoverage >= 0.7 ? 'versions' : 'coverage';
    }
    const declared = declaredRelation?.[story.id];
    outStories.push({ ...story, relation: declared ?? relation });
    // Claim groups across sources.
    const parent = new Map<string, string>();
    const find = (k: string): string => { let r = k; while (parent.get(r) && parent.get(r) !== r) r = parent.get(r)!; parent.set(k, r); return r; };
    const union = (p: string, q: string): void => { const rp = find(p); const rq = find(q); if (rp !== rq) parent.set(rp < rq ? rq : rp, rp < rq ? rp : rq); };
    for (const p of storyPairs) for (const l of p.links) {
      const ids = [...l.aSentences, ...l.bSentences];
      for (const id of ids) if (!parent.has(id)) parent.set(id, id);
      for (let k = 1; k < ids.length; k++) union(ids[0]!, ids[k]!);
    }
    const byRoot = new Map<string, string[]>();
    for (const id of parent.keys()) { const r = find(id); let l = byRoot.get(r); if (!l) byRoot.set(r, (l = [])); l.push(id); }
    for (const members of [...byRoot.values()].sort((p, q) => (p.slice().sort()[0]! < q.slice().sort()[0]! ? -1 : 1))) {
      const sources = new Set(members.map((id) => id.slice(0, id.lastIndexOf('#'))));
      if (sources.size < 2) continue;
      groups.push({ story: story.id, members: members.sort().map((id) => ({ source: id.slice(0, id.lastIndexOf('#')), sentenceId: id })) });
    }
  }
  return { pairs, groups, stories: outStories };
}
