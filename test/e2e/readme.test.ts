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

  it('gives the two commands of the project, and .ci/run runs the test one', () => {
    expect(readme).toContain('npm ci && npx factlint check seeds --format json,html --output-dir reports');
    expect(readme).toContain('npm ci && npm test');
    expect(readFileSync(resolve(ROOT, '.ci/run'), 'utf8')).toContain('npm ci && npm test');
  });
});
