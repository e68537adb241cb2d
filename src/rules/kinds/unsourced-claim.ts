import type { Claim } from '../../model/claim.js';
import type { DateMention, QuantityMention } from '../../model/mention.js';
import type { RawFinding, RuleKind, SourceData } from '../types.js';
import { loc } from '../util.js';
import { datesAgree, quantitiesAgree } from '../compare/agree.js';
import type { Units } from '../../lang/units.js';

/** The rule file's params, each described in paramsSchema. */
interface Params {
  bylinedSeverity: 'info' | 'warning' | 'off';
  magnitude: number;
}

const agreeing = (r: string): boolean => r === 'same' || r === 'compatible';

/**
 * A check-worthy sentence (specific numbers or dates with names, or an event between named parties) that its
 * article attributes to no one, and that no independent source in the set supports: some value or name of it
 * appears in no other outlet's report. Versions of one article (translations, rewrites) are not independent of
 * each other. A standalone article with no byline gets a warning; a bylined article, or a version of another
 * article, gets a single-source note.
 */
export const unsourcedClaim: RuleKind<Params> = {
  name: 'unsourced-claim',
  scope: 'story',
  vars: ['source', 'others'],
  paramsSchema: {
    type: 'object', additionalProperties: false,
    properties: { bylinedSeverity: { description: 'Severity when the article has a byline or source line (a single-source note rather than a warning).', enum: ['info', 'warning', 'off'] }, magnitude: { description: 'Two amounts of one kind within this factor in aligned sentences count as the same fact reported differently.', type: 'number', minimum: 1 } },
    required: ['bylinedSeverity', 'magnitude'],
  },
  checkStory(ctx, p) {
    const out: RawFinding[] = [];
    // A translation or rewrite repeats its original's claims; whether those are sourced is the original's question.
    if (ctx.story.relation === 'versions') return out;
    const index = nameIndex(ctx.all);
    const linked = new Map<string, Set<string>>();
    for (const pair of ctx.pairs) for (const l of pair.links) {
      if (l.score < 0.3) continue;
      for (const x of l.aSentences) for (const y of l.bSentences) {
        (linked.get(x) ?? linked.set(x, new Set()).get(x)!).add(y);
        (linked.get(y) ?? linked.set(y, new Set()).get(y)!).add(x);
      }
    }
    const othersCount = ctx.all.length - 1;
    if (othersCount === 0) return out;
    for (const src of ctx.sources) {
      const note = Boolean(src.source.provenance.byline);
      if (note && p.bylinedSeverity === 'off') continue;
      // Other outlets covering the same event: a claim of one of them that the others do not carry stands alone,
      // whether or not it names anyone ("The deal is expected to close in the third quarter").
      const coverage = ctx.sources.filter((o) => o !== src);
      for (const c of src.claims) {
        if (c.attribution || c.quoted) continue;
        if (!c.checkWorthy && !(coverage.length > 0 && specificValue(c) && !src.sentenceById.get(c.sentenceId)?.isTitle)) continue;
        // Candidates: the other outlets of the story, and the other sources that name something this claim names
        // (an inverted index, not a scan).
        const candidates = new Set<SourceData>(coverage);
        for (const e of c.entities) for (const o of index.get(e.key) ?? []) if (o !== src) candidates.add(o);
        if ([...candidates].some((o) => supports(o, c, linked.get(c.sentenceId) ?? new Set(), p.magnitude, ctx.knowledge.units()))) continue;
        const s = src.sentenceById.get(c.sentenceId)!;
        // A figure that names no one is a note: it may belong to a claim the outlets phrase around different names.
        const unsure = !c.checkWorthy;
        out.push({
          locations: [loc(src.source.text, s)],
          context: [loc(src.source.text, s)],
          vars: { source: src.source.id, others: String(othersCount) },
          ...(note ? { severity: p.bylinedSeverity as 'info' | 'warning' } : unsure ? { severity: 'info' as const } : {}),
        });
      }
    }
    return out;
  },
};

/** A figure or a dated fact: an amount, a count, a date that is more than a weekday. */
const specificValue = (c: Claim): boolean => c.quantities.length > 0 || c.dates.some((d) => !d.relative || d.granularity !== 'weekday');

const indexes = new WeakMap<SourceData[], Map<string, SourceData[]>>();
/** Entity key -> the sources that name it, built once per run. */
function nameIndex(all: SourceData[]): Map<string, SourceData[]> {
  let idx = indexes.get(all);
  if (idx) return idx;
  idx = new Map();
  for (const s of all) {
    const keys = new Set(s.claims.flatMap((c) => c.entities.map((e) => e.key)));
    for (const k of keys) (idx.get(k) ?? idx.set(k, []).get(k)!).push(s);
  }
  indexes.set(all, idx);
  return idx;
}

interface Summary {
  keys: Set<string>;
  tokens: Set<string>;
  allQ: QuantityMention[];
  allD: DateMention[];
}
const summaries = new WeakMap<SourceData, Summary>();
/** What a source names and states, built once per source: a name shared by many sources makes it a candidate often. */
function summary(o: SourceData): Summary {
  let sum = summaries.get(o);
  if (!sum) {
    sum = {
      keys: new Set(o.claims.flatMap((x) => x.entities.map((e) => e.key))),
      tokens: new Set(o.claims.flatMap((x) => x.entities.flatMap((e) => e.tokens))),
      allQ: o.claims.flatMap((x) => x.quantities),
      allD: o.claims.flatMap((x) => x.dates),
    };
    summaries.set(o, sum);
  }
  return sum;
}

/** Does an independent source back claim c: every name and value of c appears there (or is reported differently in an aligned sentence)? */
function supports(o: SourceData, c: Claim, linkedIds: Set<string>, magnitude: number, units: Units): boolean {
  const { keys, tokens, allQ, allD } = summary(o);
  const names = c.entities.filter((e) => !e.alias);
  if (names.some((e) => !keys.has(e.key) && !e.tokens.some((t) => t.length >= 4 && tokens.has(t)))) return false;
  if (c.entities.length > 0 && !c.entities.some((e) => keys.has(e.key) || e.tokens.some((t) => tokens.has(t)))) return false;
  const aligned = linkedIds.size ? o.claims.filter((x) => linkedIds.has(x.sentenceId)) : [];
  const near = (q: QuantityMention, r: QuantityMention): boolean =>
    q.kind === r.kind && q.unit === r.unit && Math.max(q.value, r.value) / Math.max(1e-9, Math.min(q.value, r.value)) <= magnitude;
  for (const q of c.quantities) {
    if (allQ.some((r) => agreeing(quantitiesAgree(q, r, { units, coverage: true })))) continue;
    // The same fact reported with a different figure (a number conflict, flagged by its own rule).
    if (aligned.some((x) => x.quantities.some((r) => near(q, r)))) continue;
    return false;
  }
  for (const d of c.dates) {
    if (d.relative && d.granularity === 'weekday') continue;
    if (allD.some((r) => agreeing(datesAgree(d, r)))) continue;
    if (aligned.some((x) => x.dates.some((r) => r.granularity === d.granularity && d.granularity !== 'year'))) continue;
    return false;
  }
  if (c.quantities.length === 0 && c.dates.length === 0) {
    // No values: support means an aligned sentence in the other source about the same names.
    return aligned.length > 0;
  }
  return true;
}
