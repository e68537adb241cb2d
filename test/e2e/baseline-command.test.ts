/**
 * `factlint baseline`: it writes every current finding whatever baseline the config names, to the config's
 * "baseline" (relative to the config file) when -o is not given, and keeps the reviewers' notes of a file it
 * replaces. A missing baseline's hint says what its path is relative to.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const CLI = resolve(ROOT, 'dist/factlint.js');
const FIXTURE = resolve(ROOT, 'test/fixtures/readme-workspace');
const run = (args: string[], cwd: string) => spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });

interface Baseline { entries: { fingerprint: string; ruleId: string; note: string }[] }
const readJson = <T>(file: string): T => JSON.parse(readFileSync(file, 'utf8')) as T;

/** The workspace of the README examples (a published story in two languages, a draft), with a config in config/. */
function workspace(config: object = { baseline: 'reviewed/factlint-baseline.json' }): string {
  const d = mkdtempSync(join(tmpdir(), 'factlint-baseline-cmd-'));
  cpSync(FIXTURE, d, { recursive: true });
  mkdirSync(join(d, 'config'));
  writeFileSync(join(d, 'config', 'factlint.config.json'), JSON.stringify(config));
  return d;
}
const CONFIG = ['--config', 'config/factlint.config.json'];

/** The fingerprints `check` reports for the inputs, without any baseline. */
function fingerprints(cwd: string, inputs: string[]): string[] {
  const r = run(['check', ...inputs, '--format', 'json', '--fail-on', 'none'], cwd);
  expect(r.status, r.stderr).toBe(0);
  return [...new Set((JSON.parse(r.stdout) as { findings: { fingerprint: string }[] }).findings.map((f) => f.fingerprint))].sort();
}

// dist/ is built by `npm ci` (prepare) and by the CLI end-to-end test.
describe('factlint baseline with a config that names a baseline', () => {
  it('the named file does not exist yet: writes every finding to it, relative to the config file', () => {
    const d = workspace();
    const r = run(['baseline', 'stories/published', ...CONFIG], d);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const file = join(d, 'config', 'reviewed', 'factlint-baseline.json');
    expect(r.stdout).toContain('baseline written: config/reviewed/factlint-baseline.json (1 finding)');
    expect(readJson<Baseline>(file).entries.map((e) => e.fingerprint).sort()).toEqual(fingerprints(d, ['stories/published']));
    expect(existsSync(join(d, 'factlint-baseline.json'))).toBe(false);
  });

  it('the named file exists: writes every current finding (none left out by it) and keeps the notes that still match', () => {
    const d = workspace();
    expect(run(['baseline', 'stories/published', ...CONFIG], d).status).toBe(0);
    const file = join(d, 'config', 'reviewed', 'factlint-baseline.json');
    const reviewed = readJson<Baseline>(file);
    expect(reviewed.entries).toHaveLength(1);
    reviewed.entries[0]!.note = 'The Vietnamese desk is correcting the charging time.';
    writeFileSync(file, JSON.stringify(reviewed, null, 2));

    // The draft adds findings; the reviewed one is still there.
    const r = run(['baseline', 'stories', ...CONFIG], d);
    expect(r.status, r.stderr).toBe(0);
    const again = readJson<Baseline>(file);
    expect(again.entries.map((e) => e.fingerprint).sort()).toEqual(fingerprints(d, ['stories']));
    expect(again.entries.length).toBeGreaterThan(1);
    expect(again.entries.find((e) => e.fingerprint === reviewed.entries[0]!.fingerprint)?.note).toBe('The Vietnamese desk is correcting the charging time.');
    expect(again.entries.filter((e) => e.note !== '')).toHaveLength(1);
    expect(r.stdout).toMatch(/kept 1 note of the previous file, dropped 0 entries that no longer match a finding/);

    // And back: the draft's entries are dropped (and counted), the reviewed note stays.
    const back = run(['baseline', 'stories/published', ...CONFIG], d);
    expect(back.status, back.stderr).toBe(0);
    const gone = again.entries.length - 1;
    expect(back.stdout).toContain(`kept 1 note of the previous file, dropped ${gone} ${gone === 1 ? 'entry that no longer matches' : 'entries that no longer match'} a finding`);
    expect(readJson<Baseline>(file).entries.map((e) => e.note)).toEqual(['The Vietnamese desk is correcting the charging time.']);
  });

  it('-o wins over the config', () => {
    const d = workspace();
    const r = run(['baseline', 'stories/published', ...CONFIG, '-o', 'mine.json'], d);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('baseline written: mine.json');
    expect(existsSync(join(d, 'config', 'reviewed', 'factlint-baseline.json'))).toBe(false);
  });

  it('without a config or -o: factlint-baseline.json in the working directory', () => {
    const d = workspace();
    const r = run(['baseline', 'stories/published'], d);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('baseline written: factlint-baseline.json (1 finding)');
    expect(readJson<Baseline>(join(d, 'factlint-baseline.json')).entries).toHaveLength(1);
  });
});

describe('a baseline that does not exist (FL100)', () => {
  it('named by --baseline: the hint says the path is relative to the working directory', () => {
    const d = workspace({});
    const r = run(['check', 'stories', '--baseline', 'nope.json'], d);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/error FL100: nope\.json: baseline not found/);
    expect(r.stderr).toMatch(/hint: .*relative to the working directory.*factlint baseline <inputs> -o nope\.json/);
  });

  it('named by the config: the hint says the path is relative to the config file, and names the file as resolved', () => {
    const d = workspace();
    const r = run(['check', 'stories', ...CONFIG], d);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/error FL100: config\/reviewed\/factlint-baseline\.json: baseline not found/);
    expect(r.stderr).toMatch(/hint: the "baseline" of config\/factlint\.config\.json is relative to the config file's folder, not to the working directory/);
    expect(r.stderr).not.toMatch(/it is relative to the working directory/);
  });
});

describe('factlint baseline options', () => {
  it('--help lists no report options, which the command does not use', () => {
    const help = run(['baseline', '--help'], ROOT).stdout;
    const options = help.split('\n').map((l) => /^\s+(?:-\w, )?(--[\w-]+)/.exec(l)?.[1]).filter((o) => o !== undefined);
    expect(options).toContain('--output');
    for (const o of ['--baseline', '--format', '--fail-on', '--output-dir']) expect(options).not.toContain(o);
  });

  it.each([['--format', 'json'], ['--fail-on', 'none'], ['--baseline', 'x.json']])('%s is refused (FL001)', (option, value) => {
    const r = run(['baseline', 'stories', option, value], workspace({}));
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/FL001: Unknown argument/);
  });
});

describe('factlint baseline: what it says', () => {
  it('counts in English: "1 entry that no longer matches"', () => {
    const d = workspace({});
    expect(run(['baseline', 'stories/published'], d).status).toBe(0);
    const file = join(d, 'factlint-baseline.json');
    const b = readJson<Baseline>(file);
    b.entries.push({ ...b.entries[0]!, fingerprint: '0000000000000000000f', note: 'an entry whose finding was fixed' });
    writeFileSync(file, JSON.stringify(b, null, 2));
    const r = run(['baseline', 'stories/published'], d);
    expect(r.stdout).toBe('baseline written: factlint-baseline.json (1 finding); kept 0 notes of the previous file, dropped 1 entry that no longer matches a finding; add a one-line "note" to each saying why it is accepted\n');
  });
});
