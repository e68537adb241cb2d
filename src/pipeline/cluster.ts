import type { Claim } from '../model/claim.js';
import type { CleanSource } from '../model/source.js';
import type { Story } from '../model/story.js';
import { soundKey } from '../lang/keys.js';
import type { Knowledge } from '../lang/knowledge.js';
import { lookupKey } from '../lang/text.js';
import type { LangPack } from '../lang/pack.js';

export interface ClusterInput {
  source: CleanSource;
  claims: Claim[];
}

export interface ClusterOptions {
  /**
   * Evidence two versions in different languages need to be one story: the Dice share of their portable anchors
   * (figures, dates, gazetteer names, the sounds of names both languages write), IDF-weighted.
   */
  sameStory?: number;
  /**
   * Evidence two sources in one language need: the Dice share of all their anchors. Higher than across
   * languages, because one language shares more than a translation can keep: two reports of different events
   * about the same people share their names as written.
   */
  sameStoryOneLanguage?: number;
  /** Share of the bar (0..1) above which two sources of different stories are listed as related. */
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
      // The sound of a name survives transliteration ("Wheeling" / "Уилинг"): a key per word.
      if (!e.alias) for (const t of e.tokens) if (t.length >= 4) { const k = soundKey(t); if (k.length >= 3) add(`s:${k}`); }
    }
    for (const q of c.quantities) if (!(q.kind === 'count' && q.value < 10)) add(`q:${q.unit}:${q.value}`);
    for (const d of c.dates) if (d.year !== undefined && d.month !== undefined) add(`d:${d.year}-${d.month}${d.day ? `-${d.day}` : ''}`);
  }
  return out;
}

const GENERIC_WEIGHT = 0.35;
/** Word overlap (Jaccard) above which two texts in one language are versions of one text. */
const LEXICAL_VERSIONS = 0.8;
/** Specific anchors (names, figures, dates; not gazetteer names) two sources must share to be one story. */
const MIN_SPECIFIC = 3;
/** The most versions or reports one story is taken to have. */
const MAX_STORY = 12;

/** Lower-case words of four letters or more: a cheap lexical fingerprint for texts in one language. */
function contentWords(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.toLowerCase().matchAll(/\p{L}{4,}/gu)) out.add(m[0]);
  return out;
}

/** Up to this many sources, every two in one language are candidates (word comparison is cheap at that size). */
const SMALL_SET = 64;
/** Texts of up to this many words are compared word by word, in order. */
const SHORT_TEXT = 120;

/**
 * Two short texts that say the same words in the same order but for a few ("from America" / "from Amercia"): the
 * longest common subsequence of their words covers 80 % of the longer. Set overlap is too coarse for a sentence or
 * two, where one changed word is a fifth of the vocabulary.
 */
function sameWording(x: string, y: string): boolean {
  const wx = x.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const wy = y.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  if (wx.length === 0 || wy.length === 0 || wx.length > SHORT_TEXT || wy.length > SHORT_TEXT) return false;
  let prev = new Uint16Array(wy.length + 1);
  for (let i = 1; i <= wx.length; i++) {
    const row = new Uint16Array(wy.length + 1);
    for (let j = 1; j <= wy.length; j++) row[j] = wx[i - 1] === wy[j - 1] ? prev[j - 1]! + 1 : Math.max(prev[j]!, row[j - 1]!);
    prev = row;
  }
  return prev[wy.length]! >= LEXICAL_VERSIONS * Math.max(wx.length, wy.length);
}

function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  // The share can be no more than the smaller set over the larger: most pairs stop here.
  if (Math.min(a.size, b.size) / Math.max(a.size, b.size) < LEXICAL_VERSIONS) return Math.min(a.size, b.size) / Math.max(a.size, b.size);
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
 * dates), so sources that share nothing are never compared. Each pair's evidence is measured against the bar its
 * kind of pair needs (see ClusterOptions), as a ratio: 1 is just enough. Groups are then joined strongest pair
 * first, by average linkage: two groups become one story only when the mean evidence over every pair of their
 * members reaches the bar (a pair that shares nothing counts 0). One strong pair between two articles that each
 * have several versions (two translations that happen to share a politician's name) does not join them.
 */
export function cluster(inputs: ClusterInput[], opts: ClusterOptions, knowledge: Knowledge): Story[] {
  if (opts.declaredOnly) return declaredStories(inputs.map((i) => i.source.id), opts.declared ?? {}, opts.originals ?? {});
  const crossBar = opts.sameStory ?? 0.2;
  const oneLanguageBar = opts.sameStoryOneLanguage ?? 0.28;
  const related = opts.related ?? 0.6;
  const maxYearGap = opts.maxYearGap ?? 2;
  const ids = inputs.map((i) => i.source.id);
  const langs = inputs.map((i) => i.source.lang);
  const anchors = inputs.map((i) => sourceAnchors(i.claims, i.source.text));
  const years = inputs.map((i) => sourceYear(i.source, i.claims, knowledge.pack(i.source.lang)));
  const index = new Map<string, number[]>();
  anchors.forEach((a, i) => { for (const k of a.keys()) { let l = index.get(k); if (!l) index.set(k, (l = [])); l.push(i); } });
  const n = inputs.length;
  const perLanguage = new Map<string, number>();
  for (const l of langs) perLanguage.set(l, (perLanguage.get(l) ?? 0) + 1);
  // How rare an anchor is, among the sources that could hold it: a word only Vietnamese texts write is compared
  // with the Vietnamese texts, not with the whole set, or every Vietnamese capitalised word would count as rare.
  // Gazetteer names (countries, capitals, leaders) are shared by whole beats of news: they count for less.
  // Each distinct anchor gets a number; per anchor, its weight (idf), whether it is a gazetteer name, and whether
  // only one language's texts can hold it. Each source's anchors become a sorted list of numbers, so what two
  // sources share is one merge of two lists.
  const keys = [...index.keys()];
  const keyId = new Map(keys.map((key, i) => [key, i]));
  const idf = new Float64Array(keys.length);
  const generic = new Uint8Array(keys.length);
  const bound = new Uint8Array(keys.length);
  keys.forEach((key, i) => {
    const list = index.get(key)!;
    const within = [...new Set(list.map((j) => langs[j]!))].reduce((sum, l) => sum + perLanguage.get(l)!, 0);
    generic[i] = key.startsWith('e:=') ? 1 : 0;
    idf[i] = Math.log(1 + within / list.length) * (generic[i] ? GENERIC_WEIGHT : 1);
    // What can be compared across languages: figures, dates, gazetteer names, and the sound of a name that texts in
    // two languages write. A name as one language writes it is not; nor is the sound of a word only one language's
    // texts hold (German capitalises its nouns: their sounds would weigh a German text down against its translation).
    bound[i] = (key.startsWith('e:') && !generic[i]) || (key.startsWith('s:') && list.every((j) => langs[j] === langs[list[0]!])) ? 1 : 0;
  });
  const coded = anchors.map((a) => Int32Array.from([...a.keys()].map((key) => keyId.get(key)!)).sort());
  const sum = (ids: Int32Array, keep: (id: number) => boolean): number => { let t = 0; for (const id of ids) if (keep(id)) t += idf[id]!; return t; };
  const count = (ids: Int32Array, keep: (id: number) => boolean): number => { let t = 0; for (const id of ids) if (keep(id)) t++; return t; };
  const weight = coded.map((c) => sum(c, () => true));
  const portableWeight = coded.map((c) => sum(c, (id) => !bound[id]));
  const specificCount = coded.map((c) => count(c, (id) => !generic[id]));
  const portableSpecificCount = coded.map((c) => count(c, (id) => !generic[id] && !bound[id]));
  // Anchors shared by more sources than one story has versions (a country, a year, a round figure) say nothing
  // about which story a source belongs to: they make no candidate pairs. This also keeps the pair count linear.
  const maxShared = Math.min(MAX_STORY, Math.max(8, Math.ceil(n / 4)));
  // A pair (x < y) is keyed by the number x * n + y.
  const candidates = new Set<number>();
  for (const list of index.values()) {
    if (list.length > maxShared) continue;
    for (let x = 0; x < list.length; x++) for (let y = x + 1; y < list.length; y++) candidates.add(list[x]! * n + list[y]!);
  }
  // A short note and its edit may share no name or figure at all ("from America" / "from Amercia"): in a small set,
  // every two sources in one language are compared by their words too.
  if (n <= SMALL_SET) for (let x = 0; x < n; x++) for (let y = x + 1; y < n; y++) if (langs[x] === langs[y]) candidates.add(x * n + y);
  /** What a candidate pair shares, over every anchor (a common one weighs little, but it is evidence too). */
  const sharedOf = (x: number, y: number): { w: number; specific: number } => {
    const a = coded[x]!;
    const b = coded[y]!;
    const crossLanguage = langs[x] !== langs[y];
    let w = 0;
    let specific = 0;
    for (let i = 0, j = 0; i < a.length && j < b.length;) {
      if (a[i]! < b[j]!) i++;
      else if (a[i]! > b[j]!) j++;
      else {
        const id = a[i]!;
        if (!(crossLanguage && bound[id])) { w += idf[id]!; if (!generic[id]) specific++; }
        i++; j++;
      }
    }
    return { w, specific };
  };
  const wordSets: (Set<string> | undefined)[] = [];
  // Texts that share 80 % of their words are of like length: most pairs need not build their word sets.
  const similarLength = (x: number, y: number): boolean => {
    const lx = inputs[x]!.source.text.length;
    const ly = inputs[y]!.source.text.length;
    return Math.min(lx, ly) >= 0.5 * Math.max(lx, ly);
  };
  const wordsOf = (i: number): Set<string> => (wordSets[i] ??= contentWords(inputs[i]!.source.text));
  const score = new Map<number, number>();
  for (const key of candidates) {
    const x = Math.floor(key / n);
    const y = key % n;
    const { w, specific } = sharedOf(x, y);
    const sameLanguage = langs[x] === langs[y];
    // The evidence that x and y are one story, as a share of the bar their kind of pair needs.
    let e = sameLanguage
      ? (2 * w) / Math.max(1e-9, weight[x]! + weight[y]!) / oneLanguageBar
      : (2 * w) / Math.max(1e-9, portableWeight[x]! + portableWeight[y]!) / crossBar;
    // Several specific anchors in common, not one figure or a country name: fewer only where a text has few.
    const counts = sameLanguage ? specificCount : portableSpecificCount;
    const needed = Math.min(MIN_SPECIFIC, Math.max(1, Math.ceil(Math.min(counts[x]!, counts[y]!) / 2)));
    if (specific < needed || e < 1) {
      // Two texts in one language that share most of their words are versions of one text, however few names and
      // figures they hold ("hired 40 engineers" / "hired 90 engineers").
      if (sameLanguage && similarLength(x, y) && (jaccard(wordsOf(x), wordsOf(y)) >= LEXICAL_VERSIONS || sameWording(inputs[x]!.source.text, inputs[y]!.source.text))) e = Math.max(1, e);
      else if (specific < needed) continue;
    }
    // Time only separates weakly linked sources: strongly shared specifics outweigh a misread year.
    const yx = years[x];
    const yy = years[y];
    if (e < 2 && yx !== undefined && yy !== undefined && Math.abs(yx - yy) >= maxYearGap) e = 0;
    score.set(key, e);
  }
  const pairScore = (x: number, y: number): number => score.get(x < y ? x * n + y : y * n + x) ?? 0;
  // Strongest pairs first, so that groups form around their best evidence.
  const pairs = [...score.entries()]
    .map(([key, e]) => ({ key, x: Math.floor(key / n), y: key % n, e }))
    .sort((p, q) => q.e - p.e || p.key - q.key);
  const groupOf = ids.map((_, i) => i);
  const members: number[][] = ids.map((_, i) => [i]);
  const relatedPairs: [number, number][] = [];
  for (const { x, y, e } of pairs) {
    const gx = groupOf[x]!;
    const gy = groupOf[y]!;
    if (gx === gy) continue;
    const mx = members[gx]!;
    const my = members[gy]!;
    let joined = false;
    if (e >= 1 && mx.length + my.length <= MAX_STORY) {
      let sum = 0;
      for (const i of mx) for (const j of my) sum += Math.min(pairScore(i, j), 2);
      if (sum / (mx.length * my.length) >= 1) {
        for (const j of my) { groupOf[j] = gx; mx.push(j); }
        members[gy] = [];
        joined = true;
      }
    }
    if (!joined && e >= related) relatedPairs.push([x, y]);
  }
  const parent = groupOf;
  const find = (i: number): number => { while (parent[i] !== i) { parent[i] = parent[parent[i]!]!; i = parent[i]!; } return i; };
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
