/**
 * The README's copy-paste examples, run as written (issue #7): every line of the README's `sh` blocks, the factlint
 * step of its GitHub Actions workflow and the JSON examples of docs/workflow.md. The documents are parsed when the
 * test runs, so an edited example is what gets tested, and a line that no case below knows fails.
 *
 * The commands run with `sh -c` (pipes work) in one temporary workspace, in README order (the baseline is written
 * before the gate reads it), with `npx factlint` replaced by this repository's build. The workspace holds seeds/
 * from the repository and the made-up files the examples name, from test/fixtures/readme-workspace/: a ferry story
 * published in English and Vietnamese (the Vietnamese one with a wrong charging time: a discrepancy between
 * published versions that draft mode must not report), two drafts and a PO and a JSONL file, each with one planted
 * changed amount.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const CLI = resolve(ROOT, 'dist/factlint.js');
const FIXTURE = resolve(ROOT, 'test/fixtures/readme-workspace');
const README = readFileSync(resolve(ROOT, 'README.md'), 'utf8');
const WORKFLOW_DOC = readFileSync(resolve(ROOT, 'docs/workflow.md'), 'utf8');

interface Location { source: string; text: string }
interface Finding { ruleId: string; severity: 'error' | 'warning' | 'info'; fingerprint: string; locations: Location[] }
interface Report { sources: { id: string; path: string; lang: string }[]; stories: { sources: string[] }[]; findings: Finding[]; summary: { findings: number }; units?: { checked: number; withFindings: number; withoutFindings: number } }
interface Baseline { version: number; entries: { fingerprint: string; ruleId: string; note: string }[] }
interface Run { status: number | null; stdout: string; stderr: string }

/** The fenced blocks of one language in a markdown text, each with the heading it is under. */
function fenced(md: string, lang: string): { heading: string; body: string }[] {
  const out: { heading: string; body: string }[] = [];
  let heading = '';
  for (const m of md.matchAll(/^(#{1,6} .*)$|^```(\w*)\n([\s\S]*?)^```$/gm)) {
    if (m[1]) heading = m[1];
    else if (m[2] === lang) out.push({ heading, body: m[3]! });
  }
  return out;
}

/** A README command line: as written, without its trailing comment, and as run here. */
interface Example { heading: string; line: string; cmd: string }
const examples: Example[] = fenced(README, 'sh').flatMap(({ heading, body }) => body.split('\n')
  .map((line) => ({ heading, line, cmd: line.replace(/\s+#\s.*$/, '').trim() }))
  .filter((e) => e.cmd !== '' && !e.cmd.startsWith('#')));

/** Lines of the README's sh blocks that are deliberately not run here, and why. */
const NOT_RUN: Record<string, string> = {
  'npm ci && npm test': 'the test suite itself, this file included; readme.test.ts checks that .ci/run runs it',
};

/** `npx factlint` is this repository's build; `npm ci &&` (install and build) is what made that build. */
const runnable = (cmd: string): string => cmd.replace(/^npm ci && /, '').replaceAll('npx factlint', `node '${CLI}'`);

const ENV = { ...process.env };
delete ENV.GITHUB_STEP_SUMMARY; // a CI runner's summary file must not receive the examples' output
function sh(cmd: string, cwd: string, env: NodeJS.ProcessEnv = ENV): Run {
  const r = spawnSync('sh', ['-c', runnable(cmd)], { cwd, encoding: 'utf8', env });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The value after an option in a command line (the examples quote nothing). */
function option(cmd: string, ...names: string[]): string | undefined {
  const t = cmd.split(/\s+/);
  const i = t.findIndex((w) => names.includes(w));
  return i >= 0 ? t[i + 1] : undefined;
}

/** The same command with its report as JSON on stdout instead of the formats and files it asks for. */
function asJson(cmd: string, cwd: string): Report {
  const r = sh(`${cmd.replace(/\s(--format|-o|--output|--output-dir)\s+\S+/g, '')} --format json`, cwd);
  expect(r.stderr, cmd).not.toMatch(/internal error|\n\s+at /);
  return JSON.parse(r.stdout) as Report;
}

/** "1 finding", "2 findings": how the CLI counts in what it prints. */
const count = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** The exit code the README's rule gives: 1 when a finding is at or above --fail-on (default error), else 0. */
const RANK = { info: 1, warning: 2, error: 3 } as const;
function exitByRule(cmd: string, report: Report): number {
  const failOn = option(cmd, '--fail-on') ?? 'error';
  if (failOn === 'none') return 0;
  return report.findings.some((f) => RANK[f.severity] >= RANK[failOn as keyof typeof RANK]) ? 1 : 0;
}

/** Each report file is what its format says: JSON parses, HTML is a page, SARIF has runs, JUnit is XML with test suites. */
function expectReport(format: string, text: string, file: string): void {
  switch (format) {
    case 'json': expect((JSON.parse(text) as Report).findings, file).toBeInstanceOf(Array); break;
    case 'html': expect(text, file).toMatch(/^<!doctype html>/i); break;
    case 'sarif': {
      const sarif = JSON.parse(text) as { version: string; runs: { results: unknown[] }[] };
      expect(sarif.version, file).toBe('2.1.0');
      expect(sarif.runs.length, file).toBeGreaterThan(0);
      expect(sarif.runs[0]!.results, file).toBeInstanceOf(Array);
      break;
    }
    case 'junit': {
      expect(XMLValidator.validate(text), file).toBe(true);
      expect(JSON.stringify(new XMLParser().parse(text)), file).toMatch(/"testsuite"/);
      break;
    }
    default: expect(text.length, file).toBeGreaterThan(0);
  }
}

const EXT: Record<string, string> = { text: 'txt', json: 'json', html: 'html', sarif: 'sarif', junit: 'junit.xml', github: 'github.txt' };
/**
 * The report files a check or pairs command says it writes (-o FILE, or one per format in --output-dir): each exists
 * and parses. GitHub annotations go to stdout, never to a file.
 */
function expectWritten(cmd: string, cwd: string): Map<string, string> {
  const out = option(cmd, '-o', '--output');
  const dir = option(cmd, '--output-dir');
  const formats = (option(cmd, '--format') ?? (out ? 'json' : 'text')).split(',').filter((f) => f !== 'github');
  const inputs = cmd.replace(/^.*npx factlint (check|pairs) /, '').split(/\s+/).filter((w, i, all) => !w.startsWith('-') && (i === 0 || !all[i - 1]!.startsWith('-')));
  const stem = inputs.length === 1 ? basename(inputs[0]!).replace(/\.[^.]+$/, '') : 'report';
  const files = new Map<string, string>();
  if (out) files.set(formats[0]!, out);
  else if (dir) for (const f of formats) files.set(f, join(dir, `${stem}.${EXT[f]}`));
  const texts = new Map<string, string>();
  for (const [format, file] of files) {
    expect(existsSync(join(cwd, file)), `${cmd} writes ${file}`).toBe(true);
    const text = readFileSync(join(cwd, file), 'utf8');
    expectReport(format, text, file);
    texts.set(format, text);
  }
  return texts;
}

/** Every finding has a location in one of the draft's sources; none is only between published versions. */
function expectOnlyDraft(report: Report, draftIds: string[], published: Report): void {
  expect(report.findings.length).toBeGreaterThan(0);
  for (const f of report.findings) expect(f.locations.some((l) => draftIds.includes(l.source)), JSON.stringify(f)).toBe(true);
  // The published versions disagree with each other (the fixture's charging time); draft mode leaves that out.
  expect(published.findings.length).toBeGreaterThan(0);
  const fingerprints = new Set(report.findings.map((f) => f.fingerprint));
  for (const f of published.findings) expect(fingerprints.has(f.fingerprint), JSON.stringify(f)).toBe(false);
}

/** A finding of the rule whose locations quote exactly these texts (in any order). */
const quoting = (report: Report, ruleId: string, texts: string[]) =>
  report.findings.filter((f) => f.ruleId === ruleId && f.locations.length === texts.length && texts.every((t) => f.locations.some((l) => l.text === t)));

interface Case {
  name: string;
  match: RegExp;
  /** The exit code the README's rule gives for the workspace's files. */
  exit: 0 | 1;
  check: (r: Run, ex: Example, cwd: string) => void;
}

const CASES: Case[] = [
  {
    name: 'check a folder, findings on the terminal',
    match: /^npx factlint check seeds$/,
    exit: 1,
    check: (r, ex, cwd) => {
      const report = asJson(ex.cmd, cwd);
      expect(r.status).toBe(exitByRule(ex.cmd, report));
      // The terminal summary counts what the report holds; the seeds have known errors.
      const errors = report.findings.filter((f) => f.severity === 'error').length;
      expect(errors).toBeGreaterThan(0);
      expect(r.stdout).toContain(`${count(report.sources.length, 'source')}, ${count(report.stories.length, 'story', 'stories')}, ${count(report.findings.length, 'finding')} (${count(errors, 'error')}`);
      for (const f of report.findings) expect(r.stdout).toContain(f.ruleId);
    },
  },
  {
    name: 'check a folder, one report per format in a folder',
    match: /^(npm ci && )?npx factlint check seeds --format \S+ --output-dir \S+$/,
    exit: 1,
    check: (r, ex, cwd) => {
      const report = asJson(ex.cmd, cwd);
      expect(r.status).toBe(exitByRule(ex.cmd, report));
      const written = expectWritten(ex.cmd, cwd);
      expect([...written.keys()].sort()).toEqual(option(ex.cmd, '--format')!.split(',').sort());
      // The files hold the same findings as the run.
      if (written.has('json')) expect((JSON.parse(written.get('json')!) as Report).findings.length).toBe(report.findings.length);
      if (written.has('sarif')) expect((JSON.parse(written.get('sarif')!) as { runs: { results: unknown[] }[] }).runs[0]!.results.length).toBe(report.findings.length);
      expect(r.stdout).toMatch(/reports written: /);
    },
  },
  {
    name: 'draft mode: a draft file against the published versions',
    match: /^npx factlint check [^-\s]\S* --against \S+$/,
    exit: 1,
    check: (r, ex, cwd) => {
      const report = asJson(ex.cmd, cwd);
      expect(r.status).toBe(exitByRule(ex.cmd, report));
      const draft = ex.cmd.split(/\s+/)[3]!;
      const draftIds = report.sources.filter((s) => resolve(cwd, s.path) === resolve(cwd, draft)).map((s) => s.id);
      expect(draftIds).toHaveLength(1);
      expectOnlyDraft(report, draftIds, asJson(`npx factlint check ${option(ex.cmd, '--against')!}`, cwd));
      // The planted change: the draft says 48 million dollars where both published versions say 84.
      expect(quoting(report, 'number-conflict', ['$84 million', '48 triệu USD'])).toHaveLength(1);
      // Against the published version in its own language the change is one edit (one change, one finding).
      expect(quoting(report, 'edited-number', ['84', '48'])).toHaveLength(1);
      expect(quoting(report, 'number-conflict', ['84 triệu USD', '48 triệu USD'])).toHaveLength(0);
      expect(r.stdout).toContain(`${draft}:6:30  «48 triệu USD»`);
    },
  },
  {
    name: 'draft mode: the draft from standard input',
    match: /^cat \S+ \| npx factlint check - --against \S+$/,
    exit: 1,
    check: (r, ex, cwd) => {
      const report = asJson(ex.cmd, cwd);
      expect(r.status).toBe(exitByRule(ex.cmd, report));
      expect(report.sources.map((s) => s.id)).toContain('stdin');
      expectOnlyDraft(report, ['stdin'], asJson(`npx factlint check ${option(ex.cmd, '--against')!}`, cwd));
      // The planted change: the English draft says $64 million where the published versions say 84.
      expect(quoting(report, 'edited-number', ['84', '64'])).toHaveLength(1);
      expect(quoting(report, 'number-conflict', ['$64 million', '$84 million'])).toHaveLength(0);
      expect(quoting(report, 'number-conflict', ['$64 million', '84 triệu USD'])).toHaveLength(1);
      expect(r.stdout).toContain('stdin:6:50  «$64 million»');
    },
  },
  {
    name: 'a bitext file, unit by unit',
    match: /^npx factlint check \S+\.(po|xlf|xliff|tmx|tsv|jsonl)(\s|$)/,
    exit: 1,
    check: (r, ex, cwd) => {
      const report = asJson(ex.cmd, cwd);
      expect(r.status).toBe(exitByRule(ex.cmd, report));
      // Three translated units checked; those with findings listed, each a story of its two sides.
      expect(report.units).toMatchObject({ checked: 3 });
      expect(report.stories).toHaveLength(report.units!.withFindings);
      expect(report.stories.length).toBeGreaterThan(0);
      for (const s of report.stories) expect(s.sources).toHaveLength(2);
      // The planted change is the only error: "$84 million" translated as 8,4 (a decimal comma) million.
      const errors = report.findings.filter((f) => f.severity === 'error');
      expect(errors).toHaveLength(1);
      expect(quoting(report, 'number-conflict', ['$84 million', '8,4 triệu USD'])).toEqual(errors);
      const written = expectWritten(ex.cmd, cwd);
      if (written.has('junit')) expect(written.get('junit')).toMatch(/<testcase [^>]*name="number-conflict[^"]*">\s*<failure [^>]*>[^<]*8,4 triệu USD/);
    },
  },
  {
    name: 'pairs: a JSONL file of two versions per row',
    match: /^npx factlint pairs /,
    exit: 1,
    check: (r, ex, cwd) => {
      const report = asJson(ex.cmd, cwd);
      expect(r.status).toBe(exitByRule(ex.cmd, report));
      expect(report.units).toMatchObject({ checked: 3 });
      expect(report.stories).toHaveLength(report.units!.withFindings);
      // --left-lang and --right-lang name the languages of the two fields.
      const langs = new Set(report.sources.map((s) => `${s.id.split(':')[1]}=${s.lang}`));
      expect([...langs].sort()).toEqual([`${option(ex.cmd, '--left')}=${option(ex.cmd, '--left-lang')}`, `${option(ex.cmd, '--right')}=${option(ex.cmd, '--right-lang')}`].sort());
      // The planted change is the only error: "$84 million" translated as 84 billion.
      const errors = report.findings.filter((f) => f.severity === 'error');
      expect(errors).toHaveLength(1);
      expect(quoting(report, 'number-conflict', ['$84 million', '84 tỷ USD'])).toEqual(errors);
      expect(r.stdout).toMatch(/number-conflict/);
    },
  },
  {
    name: 'baseline: accept the current findings',
    match: /^npx factlint baseline /,
    exit: 0,
    check: (r, ex, cwd) => {
      const file = option(ex.cmd, '-o', '--output') ?? 'factlint-baseline.json';
      expect(r.stdout).toContain(`baseline written: ${file}`);
      const baseline = JSON.parse(readFileSync(join(cwd, file), 'utf8')) as Baseline;
      expect(baseline.version).toBe(1);
      // One entry per finding of the same inputs, each with an empty note for the reviewer to fill in.
      const report = asJson(ex.cmd.replace('npx factlint baseline', 'npx factlint check'), cwd);
      expect(baseline.entries.length).toBeGreaterThan(0);
      expect(baseline.entries.map((e) => e.fingerprint).sort()).toEqual([...new Set(report.findings.map((f) => f.fingerprint))].sort());
      for (const e of baseline.entries) expect(e.note).toBe('');
    },
  },
  {
    name: 'the CI gate: check with the baseline',
    match: /^npx factlint check seeds --baseline \S+/,
    exit: 0,
    check: (r, ex, cwd) => {
      const report = asJson(ex.cmd, cwd);
      expect(r.status).toBe(exitByRule(ex.cmd, report));
      const file = option(ex.cmd, '--baseline')!;
      const entries = (JSON.parse(readFileSync(join(cwd, file), 'utf8')) as Baseline).entries.length;
      expect(r.stderr).toContain(`${count(entries, 'finding')} accepted in the baseline ${file}`);
      expect(report.findings).toHaveLength(0);
      // And it gates: a copy of the seeds with a changed amount fails it.
      const copy = mkdtempSync(join(tmpdir(), 'factlint-readme-gate-'));
      cpSync(join(cwd, 'seeds'), join(copy, 'seeds'), { recursive: true });
      cpSync(join(cwd, file), join(copy, file));
      const seed = join(copy, 'seeds', '000_72efca07dd40d858.txt');
      writeFileSync(seed, readFileSync(seed, 'utf8').replace('$1 billion', '$3 billion'));
      const changed = sh(ex.cmd, copy);
      expect(changed.status).toBe(1);
      expect(changed.stdout).toMatch(/number-conflict/);
    },
  },
];

describe('README examples (the sh blocks), run as written', () => {
  let ws: string;
  beforeAll(() => {
    expect(existsSync(CLI), 'dist/ is built by `npm ci` (prepare) and by test/e2e/cli.test.ts').toBe(true);
    ws = mkdtempSync(join(tmpdir(), 'factlint-readme-examples-'));
    cpSync(resolve(ROOT, 'seeds'), join(ws, 'seeds'), { recursive: true });
    cpSync(FIXTURE, ws, { recursive: true });
  });

  it('finds the example blocks, and a case for every line (or a reason not to run it)', () => {
    expect(examples.filter((e) => e.heading === '### Examples').length).toBeGreaterThanOrEqual(8);
    for (const e of examples) {
      const cases = CASES.filter((c) => c.match.test(e.cmd));
      if (e.cmd in NOT_RUN) expect(cases, e.line).toHaveLength(0);
      else expect(cases.map((c) => c.name), `no case (or more than one) for the README line: ${e.line}`).toHaveLength(1);
    }
    // A case no line uses any more is a sign that the README changed under this test.
    for (const c of CASES) expect(examples.some((e) => c.match.test(e.cmd)), c.name).toBe(true);
  });

  it.each(examples.filter((e) => !(e.cmd in NOT_RUN)).map((e) => [e.line, e] as const))('%s', (_line, ex) => {
    const c = CASES.find((k) => k.match.test(ex.cmd));
    expect(c, `no case for the README line: ${ex.line}`).toBeDefined();
    const r = sh(ex.cmd, ws);
    expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
    expect(r.status, r.stdout + r.stderr).toBe(c!.exit);
    c!.check(r, ex, ws);
  });
});

describe('README: the GitHub Actions workflow', () => {
  const yaml = fenced(README, 'yaml').find((b) => b.heading === '### In CI (GitHub Actions)')?.body ?? '';
  const steps = [...yaml.matchAll(/- run: (.*)$/gm)].map((m) => m[1]!.trim());
  const factlintStep = steps.find((s) => s.startsWith('npx factlint'));
  let ws: string;
  let r: Run;
  beforeAll(() => {
    ws = mkdtempSync(join(tmpdir(), 'factlint-readme-ci-'));
    cpSync(FIXTURE, ws, { recursive: true });
    expect(factlintStep).toBeDefined();
    // The committed baseline of a newsroom: the published versions, reviewed. The draft's findings are new.
    expect(sh(`npx factlint baseline stories/published -o ${option(factlintStep!, '--baseline')!}`, ws).status).toBe(0);
    r = sh(factlintStep!, ws, { ...ENV, GITHUB_STEP_SUMMARY: join(ws, 'summary.md') });
  });

  it('runs npm ci and one factlint step (npm ci is what built dist/ here)', () => {
    expect(steps).toEqual(['npm ci', factlintStep]);
  });

  it('fails the job on the new findings only, and writes the files the later steps upload', () => {
    expect(r.stderr).toMatch(/findings? accepted in the baseline/);
    expect(r.status, r.stdout + r.stderr).toBe(1);
    const written = expectWritten(factlintStep!, ws);
    expect([...written.keys()].sort()).toEqual(option(factlintStep!, '--format')!.split(',').filter((f) => f !== 'github').sort());
    expect(existsSync(join(ws, option(factlintStep!, '--output-dir')!, 'stories.github.txt'))).toBe(false);
    const sarifFile = /sarif_file: ([^\s}]+)/.exec(yaml)?.[1];
    const artifact = /path: ([^\s}]+)/.exec(yaml)?.[1];
    expect(existsSync(join(ws, sarifFile!)), sarifFile).toBe(true);
    expect(existsSync(join(ws, artifact!)), artifact).toBe(true);
    const results = (JSON.parse(readFileSync(join(ws, sarifFile!), 'utf8')) as { runs: { results: unknown[] }[] }).runs[0]!.results;
    expect(results.length).toBeGreaterThan(0);
    for (const x of results) expect(JSON.stringify(x)).toContain('draft-vi.txt');
    expect(readFileSync(join(ws, 'summary.md'), 'utf8')).toMatch(/number-conflict/);
  });

  it('prints the annotations on stdout, where the runner reads them (--output-dir takes the other formats)', () => {
    expect(r.stdout).toMatch(/^::error file=stories\/draft-vi\.txt,line=6/m);
  });
});

describe('docs/workflow.md: the config and baseline examples', () => {
  const json = fenced(WORKFLOW_DOC, 'json').map((b) => b.body);
  const configText = json.find((b) => b.includes('config.schema.json'));
  const baselineText = json.find((b) => b.includes('"entries"'));
  const setup = (): string => {
    const d = mkdtempSync(join(tmpdir(), 'factlint-workflow-doc-'));
    cpSync(FIXTURE, d, { recursive: true });
    return d;
  };

  it('the config example is accepted and takes effect (formats, outputDir, baseline)', () => {
    const config = JSON.parse(configText!) as { formats: string[]; outputDir: string; baseline: string; rules: Record<string, string> };
    const d = setup();
    writeFileSync(join(d, 'factlint.config.json'), configText!);
    // The baseline the config names: `factlint baseline` writes it there.
    expect(sh('npx factlint baseline stories/published', d).status).toBe(0);
    const r = sh('npx factlint check stories', d);
    expect(r.stderr).toMatch(/\b1 finding accepted in the baseline/);
    expect(r.status, r.stdout + r.stderr).toBe(1);
    for (const f of config.formats) expectReport(f, readFileSync(join(d, config.outputDir, `stories.${EXT[f]}`), 'utf8'), f);
    const off = Object.keys(config.rules).filter((k) => config.rules[k] === 'off');
    for (const id of off) expect(readFileSync(join(d, config.outputDir, 'stories.txt'), 'utf8')).not.toContain(id);
  });

  it('with the config example in place, creating the baseline again (step 4) keeps the reviewed entries', () => {
    const config = JSON.parse(configText!) as { baseline: string };
    const d = setup();
    writeFileSync(join(d, 'factlint.config.json'), configText!);
    // Step 1 with the config in place: the baseline it names does not exist yet, and is where the entries go.
    const first = sh('npx factlint baseline stories/published', d);
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toContain(`baseline written: ${config.baseline}`);
    const file = join(d, config.baseline);
    const reviewed = JSON.parse(readFileSync(file, 'utf8')) as Baseline;
    expect(reviewed.entries.length).toBeGreaterThan(0);
    for (const e of reviewed.entries) e.note = 'The Vietnamese desk is correcting the charging time.';
    writeFileSync(file, JSON.stringify(reviewed, null, 2));
    // Step 4: the existing baseline leaves nothing out of the new one, and its notes are kept.
    const again = sh('npx factlint baseline stories/published', d);
    expect(again.status, again.stderr).toBe(0);
    expect(again.stdout).toContain(`kept ${count(reviewed.entries.length, 'note')} of the previous file, dropped 0 entries`);
    const rewritten = JSON.parse(readFileSync(file, 'utf8')) as Baseline;
    expect(rewritten.entries).toEqual(reviewed.entries);
  });

  it('the baseline example is a baseline file: accepted, its entry reported as matching nothing', () => {
    const d = setup();
    writeFileSync(join(d, 'example-baseline.json'), baselineText!);
    const r = sh('npx factlint check stories/published --baseline example-baseline.json', d);
    expect(r.status, r.stderr).toBe(1);
    expect(r.stderr).toMatch(/\b0 findings accepted in the baseline example-baseline\.json/);
    expect(r.stderr).toMatch(/baseline entry no longer matches anything .*number-conflict/);
  });
});
