import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const readme = readFileSync(resolve(ROOT, 'README.md'), 'utf8');

describe('README', () => {
  it('runs the library API example as written', () => {
    const block = /### Library API\n\n```js\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(block).toBeDefined();
    // The example imports the package by name; run it against the built package in this repository.
    const code = block!.replace("from 'factlint'", `from '${resolve(ROOT, 'dist/index.js')}'`) + '\nconsole.log(JSON.stringify({ n: report.findings.length, html: /^<!doctype html>/i.test(html) }));\n';
    const f = join(mkdtempSync(join(tmpdir(), 'factlint-readme-')), 'example.mjs');
    writeFileSync(f, code);
    const r = spawnSync(process.execPath, [f], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    const lines = r.stdout.trim().split('\n');
    const last = JSON.parse(lines[lines.length - 1]!) as { n: number; html: boolean };
    expect(last.html).toBe(true);
    // $1.35 billion against 3,15 tỷ USD is a changed amount.
    expect(r.stdout).toMatch(/number-conflict/);
  });

  it('names only functions the library exports, and checkRows finds a changed amount in segment pairs', async () => {
    const section = /### Library API\n([\s\S]*?)\n## /.exec(readme)?.[1] ?? '';
    const named = [...section.matchAll(/`(check\w*|render)(?:\(\))?`/g)].map((m) => m[1]!);
    expect(named).toEqual(expect.arrayContaining(['check', 'checkPairs', 'checkBitext', 'checkRows']));
    const lib = (await import(resolve(ROOT, 'dist/index.js'))) as Record<string, unknown>;
    for (const n of new Set(named)) expect(typeof lib[n], n).toBe('function');
    const checkRows = lib.checkRows as typeof import('../../src/check.js').checkRows;
    const { report } = checkRows(
      [{ id: 'u1', left: 'The port will cost $2.4 billion to expand.', right: 'Việc mở rộng cảng sẽ tốn 4,2 tỷ USD.', leftLang: 'en', rightLang: 'vi' }],
      { left: 'source', right: 'target' },
    );
    expect(report.findings.map((f) => [f.ruleId, f.locations.map((l) => l.text)])).toContainEqual(['number-conflict', ['$2.4 billion', '4,2 tỷ USD']]);
  });

  it('gives the two commands of the project, and .ci/run runs the test one', () => {
    expect(readme).toContain('npm ci && npx factlint check seeds --format json,html --output-dir reports');
    expect(readme).toContain('npm ci && npm test');
    expect(readFileSync(resolve(ROOT, '.ci/run'), 'utf8')).toContain('npm ci && npm test');
  });
});
