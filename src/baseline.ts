import { errorsOf, type CodeInfo } from './errors.js';
import type { Category, Finding, Severity } from './model/finding.js';
import { summarize, type Report } from './model/report.js';
import { readInputFile } from './pipeline/load.js';
import { baseName } from './model/source.js';
import { describeSchemaErrors, jsonProblem, jsonSyntaxErrorLine, schemaValidator } from './config.js';

/**
 * Baselines: findings a team has looked at and accepted, so that a check reports only what is new. A finding is
 * matched by its fingerprint (rule id plus normalised evidence text and source file names; see `fingerprint` in
 * pipeline/evaluate.ts), never by offsets, so edits elsewhere in an article do not un-baseline it. The other
 * fields of an entry are there for the people who review the file.
 */

export interface BaselineEntry {
  fingerprint: string;
  ruleId: string;
  category: Category;
  /** The texts of the finding's locations, whitespace collapsed, shortened to 200 characters. */
  evidence: string[];
  /** File names (base names) of the locations, in the same order. */
  sources: string[];
  /** Why it is accepted; empty until someone writes one. */
  note: string;
}

export interface BaselineFile {
  $schema?: string;
  /** Format version; this factlint reads and writes 1. */
  version: 1;
  /** Sorted by rule id, evidence, sources, fingerprint. */
  entries: BaselineEntry[];
}

export const BASELINE_VERSION = 1;
export const BASELINE_SCHEMA_REF = './node_modules/factlint/rules/schema/baseline.schema.json';

/** Codes of the baseline reader. docs/workflow.md has one row per code; a test checks it. */
export const BASELINE_CODES = {
  FL610: { kind: 'fatal', meaning: 'the baseline file is not valid JSON; the message gives the line', action: 'fix the JSON syntax at that line, or create the baseline again with `factlint baseline`' },
  FL611: { kind: 'fatal', meaning: 'the baseline file is neither a baseline nor a factlint JSON report; the message names the fields that are wrong', action: 'fix the fields named (rules/schema/baseline.schema.json), or create the baseline again with `factlint baseline`' },
  FL612: { kind: 'fatal', meaning: 'the baseline was written in a format version this factlint does not read', action: 'upgrade factlint, or create the baseline again with this version' },
} as const satisfies Record<string, CodeInfo>;

export type BaselineCode = keyof typeof BASELINE_CODES;

const baselineError = errorsOf(BASELINE_CODES);

const EVIDENCE_MAX = 200;

/** Evidence as an entry shows it: one line, at most 200 characters (never half a surrogate pair). */
function shorten(text: string): string {
  const t = text.replace(/\s+/gu, ' ').trim();
  if (t.length <= EVIDENCE_MAX) return t;
  let cut = EVIDENCE_MAX - 1;
  const c = t.charCodeAt(cut - 1);
  if (c >= 0xd800 && c <= 0xdbff) cut--;
  return `${t.slice(0, cut)}…`;
}

/** Code-unit order, not localeCompare: the same on every machine. */
const byString = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

const compareEntries = (a: BaselineEntry, b: BaselineEntry): number =>
  byString(a.ruleId, b.ruleId) ||
  byString(a.evidence.join('\u0000'), b.evidence.join('\u0000')) ||
  byString(a.sources.join('\u0000'), b.sources.join('\u0000')) ||
  byString(a.fingerprint, b.fingerprint);

/** The fields of a finding a baseline needs (what a JSON report has of it). */
type BaselineFinding = Pick<Finding, 'fingerprint' | 'ruleId' | 'category'> & { locations: { source: string; text: string }[] };

/**
 * A baseline accepting every finding of a report: one entry per fingerprint, sorted. `notes` (fingerprint → note)
 * fills in the notes, e.g. those of the previous baseline (`notesOf`) so that recreating it keeps them.
 */
export function createBaseline(report: { findings: readonly BaselineFinding[] }, notes: Record<string, string> = {}): BaselineFile {
  const entries = new Map<string, BaselineEntry>();
  for (const f of report.findings) {
    if (entries.has(f.fingerprint)) continue;
    entries.set(f.fingerprint, {
      fingerprint: f.fingerprint,
      ruleId: f.ruleId,
      category: f.category,
      evidence: f.locations.map((l) => shorten(l.text)),
      sources: f.locations.map((l) => baseName(l.source)),
      note: Object.hasOwn(notes, f.fingerprint) ? (notes[f.fingerprint] ?? '') : '',
    });
  }
  return { version: BASELINE_VERSION, entries: [...entries.values()].sort(compareEntries) };
}

/** The notes of a baseline by fingerprint (the non-empty ones), to carry over into a new one. */
export const notesOf = (baseline: BaselineFile): Record<string, string> =>
  Object.fromEntries(baseline.entries.filter((e) => e.note !== '').map((e) => [e.fingerprint, e.note]));

/** What `recreateBaseline` did to the previous baseline. */
export interface RecreatedBaseline {
  baseline: BaselineFile;
  /** Notes carried over from the previous baseline (entries whose fingerprint still matches a finding). */
  keptNotes: number;
  /** Entries of the previous baseline that match no current finding (fixed, or the evidence changed). */
  dropped: BaselineEntry[];
}

/**
 * A baseline of every finding of a report that keeps the reviewers' notes of the previous baseline, where the
 * fingerprint still matches, and says what it kept and dropped. Without a previous baseline it is `createBaseline`.
 */
export function recreateBaseline(report: { findings: readonly BaselineFinding[] }, previous?: BaselineFile): RecreatedBaseline {
  const notes = previous ? notesOf(previous) : {};
  const baseline = createBaseline(report, notes);
  const now = new Set(baseline.entries.map((e) => e.fingerprint));
  return {
    baseline,
    keptNotes: baseline.entries.filter((e) => e.note !== '').length,
    dropped: (previous?.entries ?? []).filter((e) => !now.has(e.fingerprint)),
  };
}

/** The text of a baseline file: two-space JSON with a final newline, so that it diffs well. */
export const formatBaseline = (baseline: BaselineFile): string => `${JSON.stringify(baseline, null, 2)}\n`;

/** Summary counts of a list of findings, as a report has them. */
/** The report summary (kept here for callers of the baseline module). */
export { summarize };

export interface BaselineResult {
  /** The report without the baselined findings, its summary counted again. */
  report: Report;
  /** How many findings the baseline removed. */
  baselined: number;
  /** Entries that matched no finding (fixed, or the evidence changed): candidates for removal. In file order. */
  stale: BaselineEntry[];
}

/** Removes the findings whose fingerprint the baseline lists. The report passed in is not changed. */
export function applyBaseline(report: Report, baseline: BaselineFile): BaselineResult {
  const accepted = new Set(baseline.entries.map((e) => e.fingerprint));
  const present = new Set(report.findings.map((f) => f.fingerprint));
  const findings = report.findings.filter((f) => !accepted.has(f.fingerprint));
  return {
    report: { ...report, findings, summary: summarize(findings) },
    baselined: report.findings.length - findings.length,
    stale: baseline.entries.filter((e) => !present.has(e.fingerprint)),
  };
}

/** What of a factlint JSON report a baseline can be made from (a report may be given where a baseline is expected). */
const REPORT_SCHEMA = {
  type: 'object',
  required: ['schemaVersion', 'findings'],
  properties: {
    findings: {
      type: 'array',
      items: {
        type: 'object',
        required: ['fingerprint', 'ruleId', 'category', 'locations'],
        properties: {
          fingerprint: { type: 'string', minLength: 1 },
          ruleId: { type: 'string', minLength: 1 },
          category: { type: 'string' },
          locations: {
            type: 'array',
            items: { type: 'object', required: ['source', 'text'], properties: { source: { type: 'string' }, text: { type: 'string' } } },
          },
        },
      },
    },
  },
};

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Reads a baseline file (relative to `cwd`). A factlint JSON report (`--format json`) is accepted too: every
 * finding in it is taken as accepted. Reading problems have the loader's codes (FL100 missing, FL116 a folder,
 * FL103 empty…); a bad baseline is FL610–FL612.
 */
export async function readBaseline(path: string, opts: { cwd?: string } = {}): Promise<BaselineFile> {
  const input = await readInputFile(path, 'baseline', opts.cwd !== undefined ? { cwd: opts.cwd } : {});
  const { id: file, text } = input;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw baselineError('FL610', `not valid JSON: ${jsonProblem(e)}`, file, jsonSyntaxErrorLine(text, e));
  }
  if (isObject(data) && 'schemaVersion' in data && 'findings' in data) {
    const validate = schemaValidator('factlint-report-findings', REPORT_SCHEMA);
    if (!validate(data)) {
      const problems = describeSchemaErrors(validate.errors ?? [], text);
      throw baselineError('FL611', `a factlint report, but ${problems.map((p) => p.message).join('; ')}`, file, problems[0]?.line, 'give a report written by `factlint check --format json`, or a baseline');
    }
    return createBaseline(data as unknown as { findings: BaselineFinding[] });
  }
  if (isObject(data) && typeof data.version === 'number' && data.version !== BASELINE_VERSION) {
    throw baselineError('FL612', `baseline format version ${data.version}; this factlint reads version ${BASELINE_VERSION}`, file);
  }
  const validate = schemaValidator('baseline.schema.json');
  if (!validate(data)) {
    const problems = describeSchemaErrors(validate.errors ?? [], text);
    throw baselineError('FL611', problems.map((p) => p.message).join('; '), file, problems[0]?.line);
  }
  return data as unknown as BaselineFile;
}
