import { createHash } from 'node:crypto';
import type { Finding } from '../model/finding.js';
import type { Story } from '../model/story.js';
import type { ClaimGroup, PairAlignment } from '../model/alignment.js';
import type { SourceData } from '../model/analysis.js';
import type { LoadedRule } from '../model/rule.js';
import { baseName } from '../model/source.js';
import { KINDS, type RawFinding } from '../rules/registry.js';
import type { Knowledge } from '../lang/knowledge.js';

export interface EvaluateInput {
  stories: Story[];
  sources: Map<string, SourceData>;
  pairs: PairAlignment[];
  groups: ClaimGroup[];
  rules: LoadedRule[];
  /** Handed to every rule kind in its context. */
  knowledge: Knowledge;
}

const norm = (s: string): string => s.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();

/** Fills a message template: {name} is replaced by vars[name]; unknown names stay as written (the rule loader refuses them, FL409). */
export function fillTemplate(template: string, vars: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? vars[k]! : m));
}

/** Stable identity of a finding for baselines: rule id plus normalised evidence text, never offsets. */
export function fingerprint(ruleId: string, texts: string[], sources: string[]): string {
  const h = createHash('sha256');
  h.update(ruleId);
  for (let i = 0; i < texts.length; i++) h.update(`\u0000${baseName(sources[i] ?? '')}\u0000${norm(texts[i] ?? '')}`);
  return h.digest('hex').slice(0, 20);
}

/** Runs every enabled rule over every story (pair rules on each aligned pair), and returns sorted findings. */
export function evaluate(input: EvaluateInput): Finding[] {
  const findings: Finding[] = [];
  const pairsByStory = new Map<string, PairAlignment[]>();
  for (const p of input.pairs) (pairsByStory.get(p.story) ?? pairsByStory.set(p.story, []).get(p.story)!).push(p);
  const all = [...input.sources.values()];
  const groupsByStory = new Map<string, ClaimGroup[]>();
  for (const g of input.groups) (groupsByStory.get(g.story) ?? groupsByStory.set(g.story, []).get(g.story)!).push(g);
  // Each story's sources, pairs and groups, looked up once rather than once per rule.
  const storyInputs = input.stories.map((story) => ({
    story,
    sources: story.sources.map((id) => input.sources.get(id)!).filter(Boolean),
    pairs: pairsByStory.get(story.id) ?? [],
    groups: groupsByStory.get(story.id) ?? [],
  }));
  for (const rule of input.rules) {
    const kind = KINDS[rule.kind]!;
    const params = rule.params as never;
    const emit = (raw: RawFinding, story: Story, sourceA?: string, sourceB?: string): void => {
      const vars = { sourceA: sourceA ?? '', sourceB: sourceB ?? '', ...raw.vars };
      findings.push({
        ruleId: rule.id,
        category: rule.category,
        severity: raw.severity ?? rule.severity,
        message: fillTemplate(rule.message, vars),
        locations: raw.locations,
        context: raw.context ?? [],
        story: story.id,
        ...(raw.versus !== undefined ? { versus: raw.versus } : {}),
        fingerprint: fingerprint(rule.id, raw.locations.map((l) => l.text), raw.locations.map((l) => l.source)),
      });
    };
    for (const { story, sources, pairs, groups } of storyInputs) {
      if (kind.scope === 'pair' && kind.checkPair) {
        for (const pair of pairs) {
          const a = input.sources.get(pair.a)!;
          const b = input.sources.get(pair.b)!;
          for (const raw of kind.checkPair({ story, a, b, pair, knowledge: input.knowledge }, params)) emit(raw, story, pair.a, pair.b);
        }
      } else if (kind.scope === 'source' && kind.checkSource) {
        const original = story.original !== undefined ? input.sources.get(story.original) : undefined;
        for (const s of sources) {
          const ctx = { story, source: s, knowledge: input.knowledge, ...(original && original !== s ? { original } : {}) };
          for (const raw of kind.checkSource(ctx, params)) emit(raw, story, s.source.id);
        }
      } else if (kind.scope === 'story' && kind.checkStory) {
        for (const raw of kind.checkStory({ story, sources, pairs, groups, all, stories: input.stories, knowledge: input.knowledge }, params)) emit(raw, story);
      }
    }
  }
  return sortFindings(oneFindingPerChange(dedupe(findings), input.rules));
}

/**
 * One change, one finding: a finding is left out when a rule that supersedes its rule (the rule file's
 * `supersedes`) reports evidence overlapping it in every source ("46" became "64" in a same-language draft is an
 * edited-number finding, not also a number-conflict).
 */
export function oneFindingPerChange(fs: Finding[], rules: Pick<LoadedRule, 'id' | 'supersedes'>[]): Finding[] {
  const by = new Map<string, string[]>();
  for (const r of rules) for (const s of r.supersedes ?? []) (by.get(s) ?? by.set(s, []).get(s)!).push(r.id);
  if (by.size === 0) return fs;
  const overlaps = (f: Finding, g: Finding): boolean =>
    f.locations.length === g.locations.length
    && f.locations.every((l) => g.locations.some((m) => m.source === l.source && m.start < l.end && l.start < m.end));
  return fs.filter((f) => {
    const over = by.get(f.ruleId);
    return !over || !fs.some((g) => over.includes(g.ruleId) && g.story === f.story && overlaps(f, g));
  });
}

/**
 * The same rule on the same evidence twice (e.g. a name misspelled in two aligned places) is one finding; content
 * that two other versions both lack is one finding for each (draft mode keeps the one against the draft).
 */
function dedupe(fs: Finding[]): Finding[] {
  const seen = new Set<string>();
  return fs.filter((f) => {
    const k = `${f.fingerprint}|${f.locations.map((l) => `${l.source}:${l.start}`).join(',')}|${f.versus ?? ''}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** Stable order: story, first location's source and offset, rule id, then the rest of the evidence. */
export function sortFindings(fs: Finding[]): Finding[] {
  const key = (f: Finding): string => [
    (f.story ?? '').padStart(12, ' '),
    f.locations.map((l) => `${l.source}\u0000${String(l.start).padStart(9, '0')}\u0000${String(l.end).padStart(9, '0')}`).join('\u0001'),
    f.ruleId,
    f.versus ?? '',
  ].join('\u0002');
  return [...fs].sort((x, y) => { const a = key(x); const b = key(y); return a < b ? -1 : a > b ? 1 : 0; });
}
