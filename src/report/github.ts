import type { Finding, Severity } from '../model/finding.js';
import { severityRank } from '../model/finding.js';
import type { Report } from '../model/report.js';
import type { RenderContext, Reporter } from './context.js';
import { escapeBidi, escapeMarkdownCell, escapeWorkflowData, escapeWorkflowProperty, stripTerminalControls } from './escape.js';
import { placeLabel, placeLine, spanPlaces } from './sarif.js';
import { plural } from './plural.js';

type Command = 'error' | 'warning' | 'notice';
const COMMAND: Record<Severity, Command> = { error: 'error', warning: 'warning', info: 'notice' };

/** GitHub keeps at most 10 annotations of each level per step; more are dropped silently. */
export const GITHUB_ANNOTATION_LIMIT = 10;
/** A step's job summary may hold at most 1 MiB; stay under it with room for the footer. */
export const GITHUB_SUMMARY_BYTES = 1_000_000;

export interface AnnotationOptions {
  /** Annotations per level (error, warning, notice). */
  limit?: number;
}

/** Findings most severe first; the report's own (stable) order within a severity. */
const bySeverity = (findings: Finding[]): Finding[] =>
  findings.map((f, i) => ({ f, i })).sort((a, b) => severityRank(b.f.severity) - severityRank(a.f.severity) || a.i - b.i).map((x) => x.f);

const property = (name: string, value: string | number): string =>
  `${name}=${escapeWorkflowProperty(escapeBidi(stripTerminalControls(String(value))))}`;

/**
 * Workflow commands (`::error file=…::message`), at most `limit` per level. When findings are left out, a last
 * notice (for which a notice slot is kept free) says how many and that the job summary lists them all.
 */
export function githubAnnotations(
  report: Report,
  ctx: RenderContext,
  { limit = GITHUB_ANNOTATION_LIMIT }: AnnotationOptions = {},
): { commands: string; overflow: number } {
  const placeOf = spanPlaces(report, ctx);
  const count = (cmd: Command): number => report.findings.filter((f) => COMMAND[f.severity] === cmd).length;
  const overflowing = (['error', 'warning', 'notice'] as const).some((c) => count(c) > limit);
  const cap: Record<Command, number> = {
    error: limit,
    warning: limit,
    notice: overflowing ? Math.max(0, limit - 1) : limit,
  };
  const used: Record<Command, number> = { error: 0, warning: 0, notice: 0 };

  const lines: string[] = [];
  let overflow = 0;
  for (const f of bySeverity(report.findings)) {
    const cmd = COMMAND[f.severity];
    if (used[cmd] >= cap[cmd]) {
      overflow++;
      continue;
    }
    used[cmd]++;
    const props: string[] = [];
    const [primary, ...others] = f.locations;
    if (primary) {
      const p = placeOf(primary);
      props.push(property('file', p.file));
      if (p.unit === undefined) {
        props.push(property('line', p.start.line), property('endLine', p.last.line));
        if (p.start.line === p.last.line) props.push(property('col', p.start.column), property('endColumn', p.end.column));
      } else if (p.line !== undefined) props.push(property('line', p.line));
    }
    props.push(property('title', `factlint ${f.ruleId} (${f.category})`));
    const related = others.map((loc) => `${placeLabel(placeOf(loc))}: "${loc.text}"`);
    // A paragraph of a document has no line (a Word file) or one line for a whole paragraph (a web page): say which.
    const at = primary && ctx.documents?.[primary.source] ? [`at ${placeLabel(placeOf(primary))}: "${primary.text}"`] : [];
    // U+2028/U+2029 do not end a log line for the runner, but they do for many viewers: make them real (escaped) breaks.
    const message = escapeBidi(stripTerminalControls([f.message, ...at, ...related].join('\n')).replace(/[\u2028\u2029]/gu, '\n'));
    lines.push(`::${cmd} ${props.join(',')}::${escapeWorkflowData(message)}`);
  }
  if (overflow > 0) {
    const where = ctx.jobSummary ? `the job summary lists all ${report.findings.length}` : `the SARIF, HTML or JSON report lists all ${report.findings.length} (and the job summary, when GITHUB_STEP_SUMMARY is set)`;
    const note = `${plural(overflow, 'more finding', 'more findings')} not annotated (GitHub shows at most ${limit} per level); ${where}.`;
    lines.push(`::notice ${property('title', 'factlint')}::${escapeWorkflowData(note)}`);
  }
  return { commands: lines.length > 0 ? `${lines.join('\n')}\n` : '', overflow };
}

export const renderGithub: Reporter = (report, ctx) => githubAnnotations(report, ctx).commands;

/** Markdown for $GITHUB_STEP_SUMMARY: counts and a table of every finding (as many rows as fit in 1 MiB). */
export function renderGithubSummary(report: Report, ctx: RenderContext): string {
  const placeOf = spanPlaces(report, ctx);
  const { bySeverity: sev } = report.summary;
  const head: string[] = [
    `### factlint ${escapeMarkdownCell(report.tool.version)}: ${plural(report.findings.length, 'finding')}`,
    '',
    `${sev.error} error · ${sev.warning} warning · ${sev.info} info · ${plural(report.sources.length, 'source')} · ${plural(report.stories.length, 'story')}`,
    '',
  ];
  const categories = Object.entries(report.summary.byCategory)
    .filter(([, n]) => (n ?? 0) > 0)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  if (categories.length > 0) {
    head.push('| Category | Findings |', '| --- | ---: |', ...categories.map(([c, n]) => `| ${escapeMarkdownCell(c)} | ${n ?? 0} |`), '');
  }
  if (report.findings.length === 0) return `${head.join('\n')}No findings.\n`;

  head.push('| Severity | Rule | Category | Where | Message | Evidence |', '| --- | --- | --- | --- | --- | --- |');
  const rows: string[] = [];
  let bytes = Buffer.byteLength(head.join('\n'), 'utf8');
  let omitted = 0;
  for (const f of bySeverity(report.findings)) {
    const primary = f.locations[0];
    const where = primary ? placeLine(placeOf(primary)) : '';
    const evidence = f.locations
      .map((loc) => `${escapeMarkdownCell(placeLine(placeOf(loc)))} “${escapeMarkdownCell(loc.text)}”`)
      .join('<br>');
    const row = `| ${f.severity} | ${escapeMarkdownCell(f.ruleId)} | ${escapeMarkdownCell(f.category)} | ${escapeMarkdownCell(where)} | ${escapeMarkdownCell(f.message)} | ${evidence} |`;
    const size = Buffer.byteLength(row, 'utf8') + 1;
    if (omitted > 0 || bytes + size > GITHUB_SUMMARY_BYTES - 1000) {
      omitted++;
      continue;
    }
    bytes += size;
    rows.push(row);
  }
  const foot = omitted > 0 ? ['', `${plural(omitted, 'more finding', 'more findings')} ${omitted === 1 ? 'does' : 'do'} not fit in the job summary; see the SARIF or HTML report.`] : [];
  return `${[...head, ...rows, ...foot].join('\n')}\n`;
}
