import type { Alignment } from '../../model/alignment.js';
import type { Category, Finding, Severity } from '../../model/finding.js';
import { severityRank } from '../../model/finding.js';
import type { Report } from '../../model/report.js';
import type { Sentence } from '../../model/sentence.js';
import type { Span } from '../../model/span.js';
import type { Story } from '../../model/story.js';
import type { RenderContext } from '../context.js';
import { placeLabel, sourceNames, spanPlaces, spanPositions, type SpanPosition } from '../sarif.js';

/** How a finding's span is drawn: a strong discrepancy mark, a soft omitted/added passage, or an unsourced claim. */
export type MarkKind = 'diff' | 'omit' | 'add' | 'unsourced';

export interface Mark {
  start: number;
  end: number;
  finding: number;
  kind: MarkKind;
  severity: Severity;
}

export const markKind = (c: Category): MarkKind =>
  c === 'omission' ? 'omit' : c === 'addition' ? 'add' : c === 'unsourced-claim' ? 'unsourced' : 'diff';

/** Two sources of a story compared side by side; `key` is "i-j" with the report-wide source indices. */
export interface Pair {
  key: string;
  a: string;
  b: string;
}

export interface FindingView {
  index: number;
  finding: Finding;
  /** Sorted report-wide indices of the sources its locations are in. */
  sources: number[];
  /** Index into report.stories, or -1. */
  story: number;
  /** The pair view that shows it best, if any. */
  pair?: string;
  /** Sentences its locations and context touch (side-by-side ids). */
  sentences: string[];
}

/** Everything the HTML sections share, computed once per render. */
export interface View {
  report: Report;
  ctx: RenderContext;
  /** Sources in report order, plus any referenced only by findings/alignments. */
  sourceIds: string[];
  sourceIndex: Map<string, number>;
  /** The source's path; for a unit of a segment file, the file and the unit ("translation.po (unit-3:source)"). */
  pathOf: (id: string) => string;
  /** Short unique label: the shortest path suffix that tells sources apart, and the language. */
  label: (id: string) => string;
  lang: (id: string) => string;
  position: (span: Span) => SpanPosition;
  /** Where a span is, for people: "label:line:column", or for a unit of a segment file "file:line (unit)". */
  where: (span: Span) => string;
  sentence: (id: string) => Sentence | undefined;
  sentencesOf: (source: string) => Sentence[];
  /** Sentences overlapping a span, in order. */
  sentencesIn: (span: Span) => Sentence[];
  marksBySentence: Map<string, Mark[]>;
  findings: FindingView[];
  pairsOf: (story: Story) => Pair[];
  /** Alignments of a story between two sources, oriented a→b. */
  alignmentsOf: (story: string, a: string, b: string) => Alignment[];
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The number of findings of each story, by story index: counted once, not by a pass over the findings per story. */
export function findingsPerStory(view: Pick<View, 'findings'>): number[] {
  const n: number[] = [];
  for (const f of view.findings) if (f.story >= 0) n[f.story] = (n[f.story] ?? 0) + 1;
  return n;
}

function shortLabels(ids: string[], pathOf: (id: string) => string): Map<string, string> {
  const parts = new Map(ids.map((id) => [id, pathOf(id).split('/')]));
  const out = new Map<string, string>();
  let maxDepth = 1;
  for (const p of parts.values()) maxDepth = Math.max(maxDepth, p.length); // not Math.max(...): thousands of sources
  for (let k = 1; k <= maxDepth; k++) {
    const labels = ids.map((id) => (parts.get(id) ?? [id]).slice(-k).join('/'));
    if (new Set(labels).size === labels.length || k === maxDepth) {
      ids.forEach((id, i) => out.set(id, labels[i] ?? id));
      break;
    }
  }
  return out;
}

export function buildView(report: Report, ctx: RenderContext): View {
  const pathOf = sourceNames(report, ctx);
  const position = spanPositions(ctx);
  const placeOf = spanPlaces(report, ctx);

  const sourceIds = report.sources.map((s) => s.id);
  const seen = new Set(sourceIds);
  const note = (id: string): void => {
    if (!seen.has(id)) {
      seen.add(id);
      sourceIds.push(id);
    }
  };
  for (const st of report.stories) st.sources.forEach(note);
  for (const f of report.findings) f.locations.forEach((l) => note(l.source));
  const sourceIndex = new Map(sourceIds.map((id, i) => [id, i]));
  const langs = new Map(report.sources.map((s) => [s.id, s.lang]));
  const labels = shortLabels(sourceIds, pathOf);

  const byId = new Map<string, Sentence>();
  const sorted = new Map<string, Sentence[]>();
  for (const id of sourceIds) {
    const list = [...(ctx.sentences[id] ?? [])].sort((a, b) => a.start - b.start || a.end - b.end);
    sorted.set(id, list);
    for (const s of list) byId.set(s.id, s);
  }
  const sentencesOf = (source: string): Sentence[] => sorted.get(source) ?? [];
  const sentencesIn = (span: Span): Sentence[] => {
    const list = sentencesOf(span.source);
    // first sentence whose end is past span.start
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((list[mid]?.end ?? 0) <= span.start) lo = mid + 1;
      else hi = mid;
    }
    const out: Sentence[] = [];
    for (let i = lo; i < list.length; i++) {
      const s = list[i];
      if (!s || s.start >= Math.max(span.end, span.start + 1)) break;
      out.push(s);
    }
    return out;
  };

  const storyIndex = new Map(report.stories.map((s, i) => [s.id, i]));
  const pairsOf = (story: Story): Pair[] => {
    const out: Pair[] = [];
    const ids = story.sources;
    for (let i = 0; i < ids.length; i++) {
      for (let j = i + 1; j < ids.length; j++) {
        const a = ids[i] ?? '';
        const b = ids[j] ?? '';
        out.push({ key: `${sourceIndex.get(a) ?? -1}-${sourceIndex.get(b) ?? -1}`, a, b });
      }
    }
    return out;
  };

  const alignmentsByStory = new Map<string, Alignment[]>();
  for (const al of report.alignments) alignmentsByStory.set(al.story, [...(alignmentsByStory.get(al.story) ?? []), al]);
  const alignmentsOf = (story: string, a: string, b: string): Alignment[] =>
    (alignmentsByStory.get(story) ?? []).flatMap((al) =>
      al.a.source === a && al.b.source === b
        ? [al]
        : al.a.source === b && al.b.source === a
          ? [{ ...al, a: al.b, b: al.a, aSentences: al.bSentences, bSentences: al.aSentences }]
          : [],
    );

  const marksBySentence = new Map<string, Mark[]>();
  const findings: FindingView[] = report.findings.map((finding, index) => {
    const kind = markKind(finding.category);
    const sentenceIds = new Set<string>();
    for (const loc of finding.locations) {
      for (const s of sentencesIn(loc)) {
        sentenceIds.add(s.id);
        const list = marksBySentence.get(s.id) ?? [];
        list.push({ start: loc.start, end: loc.end, finding: index, kind, severity: finding.severity });
        marksBySentence.set(s.id, list);
      }
    }
    for (const c of finding.context) for (const s of sentencesIn(c)) sentenceIds.add(s.id);

    const sources = [...new Set(finding.locations.map((l) => sourceIndex.get(l.source) ?? -1))].sort((x, y) => x - y);
    const primary = finding.locations[0];
    let story = finding.story !== undefined ? (storyIndex.get(finding.story) ?? -1) : -1;
    if (story < 0 && primary) story = report.stories.findIndex((s) => s.sources.includes(primary.source));
    const st = report.stories[story];
    let pair: string | undefined;
    if (st && primary) {
      const other = finding.locations.find((l) => l.source !== primary.source && st.sources.includes(l.source));
      const candidates = pairsOf(st).filter((p) => p.a === primary.source || p.b === primary.source);
      if (other) pair = candidates.find((p) => p.a === other.source || p.b === other.source)?.key;
      else {
        // A one-source finding (omission, addition, unsourced claim): prefer a pair in which its sentence is unaligned.
        const ids = [...sentenceIds];
        const unaligned = candidates.find((p) => {
          const als = alignmentsOf(st.id, primary.source, p.a === primary.source ? p.b : p.a);
          return ids.some((id) => !als.some((al) => al.aSentences.includes(id)));
        });
        pair = (unaligned ?? candidates[0])?.key;
      }
    }
    const sentences = [...sentenceIds].sort((x, y) => {
      const sx = byId.get(x);
      const sy = byId.get(y);
      return (sourceIndex.get(sx?.source ?? '') ?? 0) - (sourceIndex.get(sy?.source ?? '') ?? 0) || (sx?.start ?? 0) - (sy?.start ?? 0) || cmp(x, y);
    });
    return { index, finding, sources, story, ...(pair !== undefined ? { pair } : {}), sentences };
  });
  for (const list of marksBySentence.values()) {
    list.sort((x, y) => x.start - y.start || y.end - x.end || severityRank(y.severity) - severityRank(x.severity) || x.finding - y.finding);
  }

  return {
    report,
    ctx,
    sourceIds,
    sourceIndex,
    pathOf,
    label: (id) => labels.get(id) ?? id,
    lang: (id) => langs.get(id) ?? 'und',
    position,
    where: (span) => {
      const p = placeOf(span);
      if (p.unit !== undefined) return placeLabel(p);
      return `${labels.get(span.source) ?? span.source}:${p.start.line}:${p.start.column}`;
    },
    sentence: (id) => byId.get(id),
    sentencesOf,
    sentencesIn,
    marksBySentence,
    findings,
    pairsOf,
    alignmentsOf,
  };
}
