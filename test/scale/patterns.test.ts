/**
 * User patterns cannot hang a run: the config's `furniture` patterns and `languages` globs run with RE2, in time
 * linear in the line. Each case has its own generous time limit; speed is measured by `npm run bench`.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const CLI = resolve(import.meta.dirname, '../../dist/factlint.js');
const run = (args: string[], cwd: string) => spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout: 60_000 });

describe('catastrophic user patterns finish', () => {
  it('{"furniture": ["^(a+)+$"]} and a line of 44 "a"s and "!"', () => {
    const d = mkdtempSync(join(tmpdir(), 'factlint-redos-'));
    writeFileSync(join(d, 'factlint.config.json'), JSON.stringify({ furniture: ['^(a+)+$'] }));
    writeFileSync(join(d, 'a.txt'), `The council approved the budget on Monday, the mayor said.\n${'a'.repeat(44)}!\n`);
    const r = run(['check', 'a.txt', '--format', 'json'], d);
    expect(r.error, 'the run did not finish').toBeUndefined();
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).sources[0].sentences).toBe(2);
  }, 60_000);

  it('a polynomial pattern against a line of 900,000 characters', () => {
    const d = mkdtempSync(join(tmpdir(), 'factlint-redos-'));
    writeFileSync(join(d, 'factlint.config.json'), JSON.stringify({ furniture: ['^.*a.*a.*a.*b$'] }));
    writeFileSync(join(d, 'a.txt'), `${'a '.repeat(450_000)}\n`);
    const r = run(['check', 'a.txt', '--format', 'json'], d);
    expect(r.error, 'the run did not finish').toBeUndefined();
    expect(r.status, r.stderr).toBe(0);
  }, 60_000);

  it('a languages glob with many stars against long file names', () => {
    const d = mkdtempSync(join(tmpdir(), 'factlint-redos-'));
    writeFileSync(join(d, 'factlint.config.json'), JSON.stringify({ languages: { '*a*a*a*a*a*a*a*a*a*a*a*a*b.txt': 'vi' } }));
    const name = `${'a'.repeat(240)}.txt`;
    writeFileSync(join(d, name), 'The council approved the budget on Monday, the mayor said.\n');
    const r = run(['check', name, '--format', 'json'], d);
    expect(r.error, 'the run did not finish').toBeUndefined();
    expect(r.status, r.stderr).toBe(0);
  }, 60_000);

  it('a pattern that needs backtracking is refused at load, naming the file and key (FL606)', () => {
    const d = mkdtempSync(join(tmpdir(), 'factlint-redos-'));
    writeFileSync(join(d, 'factlint.config.json'), '{\n  "furniture": [\n    "^(?!Advert).*$"\n  ]\n}\n');
    writeFileSync(join(d, 'a.txt'), 'The council approved the budget on Monday, the mayor said.\n');
    const r = run(['check', 'a.txt'], d);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^factlint: error FL606: factlint\.config\.json:3: furniture\[0\]: refused, it uses a lookahead or lookbehind/mu);
  }, 60_000);
});
