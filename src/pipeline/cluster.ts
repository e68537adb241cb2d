import type { Claim } from '../model/claim.js';
import type { CleanSource } from '../model/source.js';
import type { Story } from '../model/story.js';
import { nameSkeleton } from '../lang/keys.js';
import type { Knowledge } from '../lang/knowledge.js';
import { lookupKey } from '../lang/load.js';
import type { LangPack } from '../lang/pack.js';

export interface ClusterInput {
  source: CleanSource;
  claims: Claim[];
}

export interface ClusterOptions {
  /** Share of the smaller source's anchor weight two sources must share to be one story. */
  sameStory?: number;
  /** Share above which two sources are listed as related. */
  related?: number;
  /** Story keys declared by a manifest, by source id: these override the anchors. */
  declared?: Record<string, string>;
  /** Sources whose estimated years differ by this much or more are never one story. */
  maxYearGap?: number;
  /** The original source of a declared story, by story key. */
  originals?: Record<string, string>;
  /** Use only the declared story keys (pairs mode): no anchor-based grouping; story ids are the keys. */
  declaredOnly?: boolean;
}

/** The anchors that identify what a source is about: names, amounts, dates (not words: sources may differ in language). */
function sourceAnchors(claims: Claim[], text = ''): Map<string, number> {
  const out = new Map<string, number>();
  const add = (k: string): void => { out.set(k, (out.get(k) ?? 0) + 1); };
  // Figures as written (separators dropped) survive translation even where units and scale words change.
  for (const m of text.matchAll(/\d[\d.,\u00a0\u202f ]*\d/gu)) {
    const digits = m[0].replace(/\D/g, '');
    if (digits.length >= 2 && !/^0+$/.test(digits)) add(`n:${digits}`);
  }
  for (const c of claims) {
    for (const e of c.entities) {
      add(`e:${e.key}`);
      // The sound of a name survives transliteration ("Rosa" / "Роза"): a skeleton per word.
      if (!e.alias) for (const t of e.tokens) if (t.length >= 5) add(`s:${nameSkeleton(t)}`);
    }
    for (const q of c.quantities) if (!(q.kind === 'count' && q.value < 10)) add(`q:${q.unit}:${q.value}`);
    for (const d of c.dates) if (d.year !== undefined && d.month !== undefined) add(`d:${d.year}-${d.month}${d.day ? `-${d.day}` : ''}`);
  }
  return out;
}

const GENERIC_WEIGHT = 0.35;
/** The most versions or reports one story is taken to have. */
const MAX_STORY = 12;

/** Lower-case words of four letters or more: a cheap lexical fingerprint for texts in one language. */
function contentWords(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.toLowerCase().matchAll(/\p{L}{4,}/gu)) out.add(m[0]);
  return out;
}

function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  return shared / (a.size + b.size - shared);
}

const deadlineSets = new WeakMap<LangPack, Set<string>>();
/** The pack's deadline prepositions, as date mentions keep their preposition (lookupKey). */
function deadlines(pack: LangPack): Set<string> {
  let set = deadlineSets.get(pack);
  if (!set) deadlineSets.set(pack, (set = new Set(pack.dates.deadlinePrepositions.map(lookupKey))));
  return set;
}

/**
 * When a source was written: its publication date, else the latest year it mentions as past (not "by 2030": not
 * after one of its language's deadline prepositions). Sources years apart are not versions or coverage of one story.
 */
export function sourceYear(source: CleanSource, claims: Claim[], pack: LangPack): number | undefined {
  if (source.published) return Number(source.published.slice(0, 4));
  const deadline = deadlines(pack);
  let max: number | undefined;
  for (const c of claims) {
    for (const d of c.dates) {
      if (d.year === undefined || d.relative) continue;
      if (d.preposition && deadline.has(d.preposition)) continue;
      if (max === undefined || d.year > max) max = d.year;
    }
  }
  return max;
}

/**
 * Groups sources into stories. Candidate pairs come from an inverted index on anchors (names, amounts,
 * dates), so sources that share nothing are never compared. Each pair is scored by the IDF-weighted share
 * of the smaller source's anchors found in the other; pairs above `sameStory` join one story (union-find),
 * pairs above `related` are listed as related stories.
 */
export function cluster(inputs: ClusterInput[], opts: ClusterOptions, k: Knowledge): Story[] {
  if (opts.declaredOnly) return declaredStories(inputs.map((i) => i.source.id), opts.declared ?? {}, opts.originals ?? {});
  const sameStory = opts.sameStory ?? 0.12;
  const related = opts.related ?? 0.08;
  const maxYearGap = opts.maxYearGap ?? 2;
  const ids = inputs.map((i) => i.source.id);
  const anchors = inputs.map((i) => sourceAnchors(i.claims, i.source.text));
  const years = inputs.map((i) => sourceYear(i.source, i.claims, k.pack(i.source.lang)));
  const index = new Map<string, number[]>();
  anchors.forEach((a, i) => { for (const k of a.keys()) { let l = index.get(k); if (!l) index.set(k, (l = [])); l.push(i); } });
  const n = inputs.length;
  // Gazetteer names (countries, capitals, leaders) are shared by whole beats of news: they count for less.
  const idf = (k: string): number => Math.log(1 + n / (index.get(k)?.length ?? 1)) * (k.startsWith('e:=') ? GENERIC_WEIGHT : 1);
  const weight = anchors.map((a) => [...a.keys()].reduce((s, k) => s + idf(k), 0));
  const shared = new Map<string, number>();
  // Anchors shared by more sources than one story has versions (a country, a year, a round figure) say nothing
  // about which story a source belongs to: they make no candidate pairs. This also keeps the pair count linear.
  const maxShared = Math.min(MAX_STORY, Math.max(8, Math.ceil(n / 4)));
  for (const [k, list] of index) {
    if (list.length > maxShared) continue;
    const w = idf(k);
    for (let x = 0; x < list.length; x++) for (let y = x + 1; y < list.length; y++) {
      const key = `${list[x]}|${list[y]}`;
      shared.set(key, (shared.get(key) ?? 0) + w);
    }
  }
  const parent = ids.map((_, i) => i);
  const find = (i: number): number => { while (parent[i] !== i) { parent[i] = parent[parent[i]!]!; i = parent[i]!; } return i; };
  const relatedPairs: [number, number][] = [];
  const words = inputs.map((i) => contentWords(i.source.text));
  // Strongest pairs first, so that when a story is full the pairs that join it are the best ones.
  const pairs = [...shared.entries()]
    .map(([key, w]) => {
      const [x, y] = key.split('|').map(Number) as [number, number];
      return { key, x, y, score: w / Math.max(1e-9, Math.min(weight[x]!, weight[y]!)) };
    })
    .sort((p, q) => q.score - p.score || (p.key < q.key ? -1 : p.key > q.key ? 1 : 0));
  const size = ids.map(() => 1);
  for (const { x, y, score: anchorScore } of pairs) {
    let score = anchorScore;
    // Two texts in one language that share most of their words are versions of one text, however few names
    // and figures they hold ("hired 40 engineers" / "hired 90 engineers").
    if (inputs[x]!.source.lang === inputs[y]!.source.lang) score = Math.max(score, jaccard(words[x]!, words[y]!) >= 0.8 ? sameStory : 0);
    const yx = years[x];
    const yy = years[y];
    // Time only separates weakly linked sources: strongly shared specifics outweigh a misread year.
    const apart = score < 0.3 && yx !== undefined && yy !== undefined && Math.abs(yx - yy) >= maxYearGap;
    const rx = find(x);
    const ry = find(y);
    // Single linkage chains: never grow a story beyond what one story's versions plausibly are.
    if (score >= sameStory && !apart && (rx === ry || size[rx]! + size[ry]! <= MAX_STORY)) {
      if (rx !== ry) { parent[rx] = ry; size[ry]! += size[rx]!; }
    } else if (score >= related) relatedPairs.push([x, y]);
  }
  if (opts.declared) {
    const byKey = new Map<string, number>();
    ids.forEach((id, i) => {
      const k = opts.declared?.[id];
      if (!k) return;
      const first = byKey.get(k);
      if (first === undefined) byKey.set(k, i); else parent[find(i)] = find(first);
    });
  }
  const groups = new Map<number, number[]>();
  ids.forEach((_, i) => { const r = find(i); let g = groups.get(r); if (!g) groups.set(r, (g = [])); g.push(i); });
  const stories: Story[] = [...groups.values()]
    .map((members) => members.map((i) => ids[i]!).sort())
    .sort((a, b) => (a[0]! < b[0]! ? -1 : 1))
    .map((sources, k) => ({ id: `story-${k + 1}`, sources, relation: 'single' as Story['relation'], related: [] as string[] }));
  const storyOf = new Map<string, Story>();
  for (const s of stories) for (const id of s.sources) storyOf.set(id, s);
  for (const [x, y] of relatedPairs) {
    const a = storyOf.get(ids[x]!)!;
    const b = storyOf.get(ids[y]!)!;
    if (a === b) continue;
    if (!a.related.includes(b.id)) a.related.push(b.id);
    if (!b.related.includes(a.id)) b.related.push(a.id);
  }
  for (const s of stories) {
    s.related.sort();
    const orig = Object.values(opts.originals ?? {}).find((id) => s.sources.includes(id));
    if (orig) s.original = orig;
  }
  return stories;
}

/** Scores used by the cluster stage, exposed for tests and --verbose output. */
export const _internal = { sourceAnchors, sourceYear };

/** Stories exactly as declared (pairs mode, manifests that name every source): the story id is the declared key. */
function declaredStories(ids: string[], declared: Record<string, string>, originals: Record<string, string>): Story[] {
  const byKey = new Map<string, string[]>();
  for (const id of ids) {
    const k = declared[id] ?? id;
    (byKey.get(k) ?? byKey.set(k, []).get(k)!).push(id);
  }
  return [...byKey.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, sources]) => ({ id: k, sources: sources.sort(), relation: 'single' as Story['relation'], related: [], ...(originals[k] ? { original: originals[k] } : {}) }));
}
