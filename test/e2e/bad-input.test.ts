import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const CLI = resolve(import.meta.dirname, '../../dist/factlint.js');

// Each bad input alone on the command line: nothing readable is left, so the run stops with exit 2, the reason's
// code and the file named, and no stack trace. (test/pipeline/load.test.ts covers each case in depth.)
describe('bad input through the CLI', () => {
  const cases: [string, (d: string) => string[], RegExp][] = [
    ['empty file', (d) => { writeFileSync(join(d, 'empty.txt'), ''); return ['check', 'empty.txt']; }, /FL103[\s\S]*empty\.txt|empty\.txt[\s\S]*FL103/],
    ['whitespace only', (d) => { writeFileSync(join(d, 'ws.txt'), ' \n\t\u00a0\n'); return ['check', 'ws.txt']; }, /FL104[\s\S]*ws\.txt|ws\.txt[\s\S]*FL104/],
    ['binary file', (d) => { writeFileSync(join(d, 'bin.txt'), Buffer.from([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0, 0, 1, 2])); return ['check', 'bin.txt']; }, /FL105[\s\S]*bin\.txt|bin\.txt[\s\S]*FL105/],
    ['file over --max-file-size', (d) => { writeFileSync(join(d, 'big.txt'), 'The council met on Monday. '.repeat(100)); return ['check', 'big.txt', '--max-file-size', '100']; }, /FL106[\s\S]*big\.txt|big\.txt[\s\S]*FL106/],
    ['missing input', () => ['check', 'nope.txt'], /FL100[\s\S]*nope\.txt/],
    ['folder given as --baseline', (d) => { writeFileSync(join(d, 'a.txt'), 'The council met on Monday and approved the budget, the mayor said.'); mkdirSync(join(d, 'base')); return ['check', 'a.txt', '--baseline', 'base']; }, /FL116[\s\S]*base/],
    ['unknown option', () => ['check', '.', '--frobnicate'], /FL001/],
    ['unknown format', () => ['check', '.', '--format', 'docx'], /FL002[\s\S]*docx/],
  ];
  it.each(cases)('%s: exit 2 with its code and the file', (_name, setup, expected) => {
    const d = mkdtempSync(join(tmpdir(), 'factlint-bad-'));
    const r = spawnSync(process.execPath, [CLI, ...setup(d)], { cwd: d, encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(expected);
    expect(r.stderr).not.toMatch(/\n\s+at \S+ \(/);
  });
});
