import { createHash } from 'node:crypto';
import type { Alignment, ClaimGroup, PairAlignment } from '../model/alignment.js';
import type { Claim } from '../model/claim.js';
import type { Sentence } from '../model/sentence.js';
import type { CleanSource } from '../model/source.js';
import type { Story } from '../model/story.js';
import { sentenceAnchors, type SentenceAnchors } from './anchors.js';
import type { Knowledge } from '../lang/knowledge.js';

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
  const a = mk(A);
  const b = mk(B);
  const df = new Map<string, number>();
  for (const side of [a, b]) for (const an of side.anchors) for (const k of new Set([...an.strong, ...an.words])) df.set(k, (df.get(k) ?? 0) + 1);
  const N = a.sents.length + b.sents.length;
  const weights = new Map<string, number>();
  for (const [k, d] of df) weights.set(k, Math.log(1 + N / d));
  const weight = (k: string): number => weights.get(k) ?? Math.log(1 + N);
  const ratio = b.total / a.total;
  const prepared = new WeakMap<SentenceAnchors, Prepared>();
  const prep = (an: SentenceAnchors): Prepared => {
    let p = prepared.get(an);
    if (!p) {
      p = { an, strongSet: new Set(an.strong), wordSet: new Set(an.words), strongW: weightSum(an.strong, weight), wordW: weightSum(an.words, weight) };
      prepared.set(an, p);
    }
    return p;
  };
  const strongDice = (x: Prepared, y: Prepared): number => dice(x.an.strong, x.strongW, y.strongSet, y.strongW, weight);
  const wordDice = (x: Prepared, y: Prepared): number => dice(x.an.words, x.wordW, y.wordSet, y.wordW, weight);
  const lexical = (xa: SentenceAnchors, ya: SentenceAnchors): number => {
    if (xa.exact === ya.exact) return 1;
    const x = prep(xa);
    const y = prep(ya);
    const s = strongDice(x, y);
    const w = wordDice(x, y);
    return sameLang ? Math.max(s, w, 0.5 * s + 0.5 * w) : Math.max(s, 0.6 * s + 0.4 * w);
  };
  /** `shares`: false when the two sides have no anchor or word in common (both Dice terms are then 0). */
  const sim = (xa: SentenceAnchors, ya: SentenceAnchors, shares = true): number => {
    if (xa.exact === ya.exact) return 1.2;
    let lex = 0;
    if (shares) {
      const x = prep(xa);
      const y = prep(ya);
      const s = strongDice(x, y);
      // Words only count in one language; across languages, shared Latin-script words still help (names, acronyms).
      const w = wordDice(x, y);
      lex = sameLang ? Math.max(s, w, 0.5 * s + 0.5 * w) : Math.max(s, 0.6 * s + 0.4 * w);
    }
    const lr = Math.log((ya.length + 20) / ((xa.length + 20) * ratio));
    const lenScore = Math.exp(-(lr * lr) / 0.5);
    return lex * (0.75 + 0.25 * lenScore) + (sameLang ? 0 : 0.12 * lenScore);
  };
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
            gain = s - 0.03 * diag(i, j) - (di + dj > 2 ? 0.06 : 0) + (st === 1 ? CONTINUITY : 0);
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
  const addLink = (i: number, di: number, j: number, dj: number, s: number): void => {
    for (let x = 0; x < di; x++) usedA.add(i + x);
    for (let y = 0; y < dj; y++) usedB.add(j + y);
    links.push({
      story, a: span(a.sents, i, di), b: span(b.sents, j, dj),
      aSentences: a.sents.slice(i, i + di).map((x) => x.id), bSentences: b.sents.slice(j, j + dj).map((x) => x.id),
      score: Math.round(s * 1000) / 1000,
    });
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
      if (Math.abs(gapA - gapB) > Math.max(1, 0.25 * Math.max(gapA, gapB))) continue;
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
  for (const l of links) if (l.score < 0.3 && l.bSentences.length === 1 && l.aSentences.length === 1) weakB.set(b.sents.findIndex((x) => x.id === l.bSentences[0]), l);
  for (let x = 0; x < n; x++) {
    const sa = specific(a.anchors[x]!.strong);
    if (usedA.has(x) || sa.length === 0) continue;
    for (let y = 0; y < m; y++) {
      if (usedB.has(y) && !weakB.has(y)) continue;
      const sb = specific(b.anchors[y]!.strong);
      if (!sa.some((k) => sb.includes(k))) continue;
      const s = strongDice(prep(a.anchors[x]!), prep(b.anchors[y]!));
      if (s >= 0.45) candidates.push([s, x, y]);
    }
  }
  candidates.sort((p, q) => q[0] - p[0] || p[1] - q[1] || p[2] - q[2]);
  for (const [s, x, y] of candidates) {
    if (usedA.has(x)) continue;
    if (usedB.has(y)) {
      const old = weakB.get(y);
      if (!old || s < old.score + 0.2 || !links.includes(old)) continue;
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
  for (const [x, y] of gapLinks) addLink(x, 1, y, 1, sim(a.anchors[x]!, b.anchors[y]!));
  // A moved paragraph keeps its order inside: from each link, neighbours left unaligned on both sides pair up,
  // backwards and forwards, for up to three sentences while they still look like translations of each other.
  for (const l of [...links]) {
    for (const dir of [-1, 1] as const) {
      let x = indexOfA.get(dir < 0 ? l.aSentences[0]! : l.aSentences[l.aSentences.length - 1]!)! + dir;
      let y = indexOfB.get(dir < 0 ? l.bSentences[0]! : l.bSentences[l.bSentences.length - 1]!)! + dir;
      for (let k = 0; k < 3 && x >= 0 && y >= 0 && x < n && y < m && !usedA.has(x) && !usedB.has(y); k++, x += dir, y += dir) {
        const s2 = sim(a.anchors[x]!, b.anchors[y]!);
        if (s2 < MIN_LINK + 0.05) break;
        addLink(x, 1, y, 1, s2);
      }
    }
  }
  links.sort((p, q) => p.a.start - q.a.start || p.b.start - q.b.start);
  // Splits: a sentence left over next to a link, that shares anchors with the link's other side, belongs to it
  // ("Putin spoke up for the company, saying …" became two Vietnamese sentences).
  absorb(links, a, b, usedA, usedB, indexOfA, indexOfB, lexical);
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

function absorb(
  links: Alignment[], a: Side, b: Side, usedA: Set<number>, usedB: Set<number>,
  indexOfA: Map<string, number>, indexOfB: Map<string, number>, lexical: (x: SentenceAnchors, y: SentenceAnchors) => number,
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
      if (ids.length >= 2) continue;
      const otherAnchors = otherIds.map((id) => other.anchors[oidx.get(id)!]!).reduce((x, y) => merge(x, y));
      const first = idx.get(ids[0]!)!;
      for (const cand of [first - 1, first + 1]) {
        if (cand < 0 || cand >= mine.sents.length || used.has(cand)) continue;
        if (lexical(mine.anchors[cand]!, otherAnchors) < MIN) continue;
        used.add(cand);
        const s0 = Math.min(first, cand);
        const span = { source: mine.sents[s0]!.source, start: mine.sents[s0]!.start, end: mine.sents[Math.max(first, cand)]!.end };
        const newIds = [mine.sents[s0]!.id, mine.sents[Math.max(first, cand)]!.id];
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
