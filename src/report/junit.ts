import type { Category, Finding } from '../model/finding.js';
import type { Report } from '../model/report.js';
import { overlaps } from '../model/span.js';
import type { RenderContext, Reporter } from './context.js';
import { escapeXml, escapeXmlText } from './escape.js';
import { placeLabel, sourceNames, spanPlaces } from './sarif.js';

/** Categories whose findings concern one source, not a pair: their test cases run per source. */
const SINGLE_SOURCE: ReadonlySet<string> = new Set<Category>(['unsourced-claim', 'internal-contradiction']);

const NO_STORY = '(no story)';

interface Case {
  rule: string;
  /** Source ids the case is about: one (single-source rules) or two (a pair), sorted. */
  subject: string[];
  findings: Finding[];
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const subjectKey = (rule: string, subject: string[]): string => `${rule}\u0000${subject.join('\u0000')}`;
const sourcesOf = (f: Finding): string[] => [...new Set([...f.locations, ...f.context].map((l) => l.source))].sort(cmp);

function pairs(ids: string[]): string[][] {
  const out: string[][] = [];
  for (let i = 0; i < ids.length; i++) for (let j = i + 1; j < ids.length; j++) out.push([ids[i] ?? '', ids[j] ?? '']);
  return out;
}

/**
 * JUnit XML: one <testsuite> per story, one <testcase> per rule and source pair (per source for single-source
 * rules), so a CI dashboard shows what was checked as well as what failed. A case fails when it has error or warning
 * findings; info findings go to the case's <system-out>. In pieces, a suite at a time: a translation memory's report
 * (tens of megabytes) is written without ever being one string.
 */
export function* streamJunit(report: Report, ctx: RenderContext): Generator<string> {
  const nameOf = sourceNames(report, ctx);
  const placeOf = spanPlaces(report, ctx);
  const rules = [...ctx.rules].sort((a, b) => cmp(a.id, b.id));

  const storyIds = new Set(report.stories.map((s) => s.id));
  const findingsByStory = new Map<string, Finding[]>();
  for (const f of report.findings) {
    const key = f.story !== undefined && storyIds.has(f.story) ? f.story : NO_STORY;
    // push, not a copy per finding: a story with many findings would cost their square
    (findingsByStory.get(key) ?? findingsByStory.set(key, []).get(key)!).push(f);
  }
  const alignmentsByStory = new Map<string, Report['alignments']>();
  for (const al of report.alignments) (alignmentsByStory.get(al.story) ?? alignmentsByStory.set(al.story, []).get(al.story)!).push(al);

  /**
   * The sources a finding is about. A pair rule's finding located in one source only (an omission, an addition) is
   * about that source and the one it has no counterpart in: the story's other source, or the first source whose
   * alignments do not cover the location.
   */
  const subjectOf = (f: Finding, story: string, sources: string[]): string[] => {
    const own = sourcesOf(f);
    const src = own[0];
    const loc = f.locations[0];
    if (own.length !== 1 || src === undefined || loc === undefined || SINGLE_SOURCE.has(f.category) || sources.length < 2) return own;
    if (sources.length === 2 && sources.includes(src)) return sources;
    const partner = sources.find(
      (o) =>
        o !== src &&
        !(alignmentsByStory.get(story) ?? []).some(
          (al) =>
            ((al.a.source === src && al.b.source === o && overlaps(al.a, loc)) || (al.b.source === src && al.a.source === o && overlaps(al.b, loc))),
        ),
    );
    return partner !== undefined ? [src, partner].sort(cmp) : own;
  };

  const suites: { name: string; sources: string[]; cases: Case[] }[] = [];
  for (const story of report.stories) suites.push({ name: story.id, sources: [...story.sources].sort(cmp), cases: [] });
  if (findingsByStory.has(NO_STORY)) suites.push({ name: NO_STORY, sources: [], cases: [] });

  for (const suite of suites) {
    const byKey = new Map<string, Case>();
    const add = (rule: string, subject: string[]): Case => {
      const key = subjectKey(rule, subject);
      let c = byKey.get(key);
      if (!c) {
        c = { rule, subject, findings: [] };
        byKey.set(key, c);
        suite.cases.push(c);
      }
      return c;
    };
    for (const rule of rules) {
      const subjects = SINGLE_SOURCE.has(rule.category) ? suite.sources.map((s) => [s]) : pairs(suite.sources);
      for (const subject of subjects) add(rule.id, subject);
    }
    for (const f of findingsByStory.get(suite.name) ?? []) add(f.ruleId, subjectOf(f, suite.name, suite.sources)).findings.push(f);
    suite.cases.sort((a, b) => cmp(a.rule, b.rule) || cmp(a.subject.join('\u0000'), b.subject.join('\u0000')));
  }

  const describe = (f: Finding): string => {
    const lines = [`[${f.severity}] ${f.category}: ${f.message}`];
    for (const loc of f.locations) lines.push(`  at ${placeLabel(placeOf(loc))} "${loc.text}"`);
    return lines.join('\n');
  };

  const total = suites.reduce((n, s) => n + s.cases.length, 0);
  const failing = (c: Case): Finding[] => c.findings.filter((f) => f.severity !== 'info');
  const totalFailures = suites.reduce((n, s) => n + s.cases.filter((c) => failing(c).length > 0).length, 0);
  yield `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="factlint" tests="${total}" failures="${totalFailures}" errors="0">\n`;
  for (const suite of suites) {
    const out: string[] = [];
    const failures = suite.cases.filter((c) => failing(c).length > 0).length;
    out.push(
      `  <testsuite name="${escapeXml(`story ${suite.name}`)}" tests="${suite.cases.length}" failures="${failures}" errors="0" skipped="0">`,
    );
    if (suite.sources.length > 0) {
      out.push('    <properties>');
      for (const s of suite.sources) out.push(`      <property name="source" value="${escapeXml(nameOf(s))}"/>`);
      out.push('    </properties>');
    }
    for (const c of suite.cases) {
      const name = `${c.rule}: ${c.subject.map(nameOf).join(' vs ') || 'report'}`;
      const open = `    <testcase classname="${escapeXml(`factlint.${suite.name}`)}" name="${escapeXml(name)}"`;
      const bad = failing(c);
      const info = c.findings.filter((f) => f.severity === 'info');
      if (bad.length === 0 && info.length === 0) {
        out.push(`${open}/>`);
        continue;
      }
      out.push(`${open}>`);
      if (bad.length > 0) {
        const first = bad[0];
        const message = bad.length === 1 && first ? first.message : `${bad.length} findings: ${first?.message ?? ''}`;
        const type = [...new Set(bad.map((f) => f.category))].join(',');
        out.push(
          `      <failure message="${escapeXml(message)}" type="${escapeXml(type)}">${escapeXmlText(bad.map(describe).join('\n\n'))}</failure>`,
        );
      }
      if (info.length > 0) out.push(`      <system-out>${escapeXmlText(info.map(describe).join('\n\n'))}</system-out>`);
      out.push('    </testcase>');
    }
    out.push('  </testsuite>');
    yield `${out.join('\n')}\n`;
  }
  yield '</testsuites>\n';
}

export const renderJunit: Reporter = (report, ctx) => [...streamJunit(report, ctx)].join('');
