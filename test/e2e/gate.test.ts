import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const CLI = resolve(ROOT, 'dist/factlint.js');
const gate = (cwd: string) => spawnSync(process.execPath, [CLI, 'check', 'seeds', '--baseline', 'factlint-baseline.json', '--fail-on', 'error'], { cwd, encoding: 'utf8' });

/** A copy of the repository's seeds and baseline, as the CI gate sees them. */
function copy(): string {
  const d = mkdtempSync(join(tmpdir(), 'factlint-gate-'));
  cpSync(resolve(ROOT, 'seeds'), join(d, 'seeds'), { recursive: true });
  cpSync(resolve(ROOT, 'factlint-baseline.json'), join(d, 'factlint-baseline.json'));
  return d;
}

// dist/ is built by `npm ci` (prepare) and by the CLI end-to-end test.
describe('the CI gate on seeds/', () => {
  it('passes on the seeds as committed: every finding is in the reviewed baseline, each with a note', () => {
    const r = gate(copy());
    expect(r.stderr).toMatch(/findings? accepted in the baseline/);
    expect(r.status, r.stdout + r.stderr).toBe(0);
    const baseline = JSON.parse(readFileSync(resolve(ROOT, 'factlint-baseline.json'), 'utf8')) as { entries: { note: string }[] };
    expect(baseline.entries.length).toBeGreaterThan(0);
    for (const e of baseline.entries) expect(e.note.trim().length).toBeGreaterThan(10);
  });

  it('fails when a new discrepancy is added to a copy of a seed file (a changed amount)', () => {
    const d = copy();
    const f = join(d, 'seeds', '000_72efca07dd40d858.txt');
    writeFileSync(f, readFileSync(f, 'utf8').replace('initial budget of $1 billion', 'initial budget of $3 billion'));
    const r = gate(d);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/number-conflict.*\n.*\$3 billion/);
  });

  it('fails when a name is misspelled in a copy of the Vietnamese version', () => {
    const d = copy();
    const f = join(d, 'seeds', '002_6d85bfe9b2468d9b.txt');
    writeFileSync(f, readFileSync(f, 'utf8').replaceAll('Huawei', 'Huawai'));
    const r = gate(d);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/entity-spelling/);
  });
});
