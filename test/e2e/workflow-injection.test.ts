/**
 * Workflow-command injection: a GitHub runner obeys, on stdout and stderr alike, every line whose first non-blank
 * characters are `::`, and `##[command]` anywhere in a line; lines end at CR, LF or CRLF. File names, unit ids and
 * source texts are hostile input: whatever the format, and whether the report goes to stdout or to files, no line
 * factlint prints may be a command unless it is an annotation factlint wrote.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const CLI = resolve(ROOT, 'dist/factlint.js');
const PUBLISHED = resolve(ROOT, 'test/fixtures/readme-workspace/stories/published');

const ENV = { ...process.env };
delete ENV.GITHUB_STEP_SUMMARY;
const run = (args: string[], cwd: string) => spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: ENV });

/** A file name (legal on Linux) that carries commands after line breaks, a legacy command and a right-to-left override. */
const HOSTILE_NAME = 'x\n::error file=README.md,line=1::INJECTED\n::stop-commands::tok\r::warning::CR-INJECTED\n  ##[error]LEGACY \u202eevil.txt';

/** The lines as the runner reads them (ProcessInvoker's ReadLine: CR, LF and CRLF end a line). */
const runnerLines = (s: string): string[] => s.split(/\r\n|\r|\n/u);

/** An annotation as factlint writes it: command, properties with `:` and `,` encoded, `::`, the data. */
const OWN_ANNOTATION = /^::(?:error|warning|notice) (?:[a-zA-Z]+=[^:,\r\n]*)(?:,[a-zA-Z]+=[^:,\r\n]*)*::/u;

/**
 * The lines of `out` a runner would obey that are not annotations factlint wrote. (An annotation's data may hold
 * `##[`: the runner tries the `::` form first, and a line it reads that way is not read again as a legacy command.)
 */
function injected(out: string): string[] {
  return runnerLines(out).filter((line) => !OWN_ANNOTATION.test(line) && (/^[\s\p{Cf}]*::/u.test(line) || line.includes('##[')));
}

/** The README workspace's two versions of a story, and a third under the hostile name (the Vietnamese text again). */
function workspace(): string {
  const d = mkdtempSync(join(tmpdir(), 'factlint-inject-'));
  mkdirSync(join(d, 'stories'));
  for (const f of ['harbor-ferry-en.txt', 'harbor-ferry-vi.txt']) copyFileSync(join(PUBLISHED, f), join(d, 'stories', f));
  copyFileSync(join(PUBLISHED, 'harbor-ferry-en.txt'), join(d, 'stories', HOSTILE_NAME));
  return d;
}

const FORMATS = ['text', 'json', 'html', 'sarif', 'junit'] as const;

describe('no workflow command but factlint\'s own annotations on stdout or stderr', () => {
  const d = workspace();

  it.each(FORMATS)('--format github,%s --output-dir: annotations, then the text summary and the files written', (format) => {
    const r = run(['check', 'stories', '--format', `github,${format}`, '--output-dir', 'rep'], d);
    expect(r.status, r.stderr).toBe(1);
    expect(r.stdout).toMatch(/^::error file=stories\/harbor-ferry-en\.txt,/mu);
    // The hostile source has findings, so its name is in annotations (encoded) and in the text summary (escaped).
    expect(r.stdout).toContain('file=stories/x%0A%3A%3Aerror file=README.md%2Cline=1%3A%3AINJECTED%0A');
    expect(r.stdout).toContain('"stories/x\\n::error file=README.md,line=1::INJECTED\\n::stop-commands::tok\\r::warning::CR-INJECTED\\n  ##\\x5berror]LEGACY \\u202eevil.txt"');
    expect(injected(r.stdout)).toEqual([]);
    expect(injected(r.stderr)).toEqual([]);
    expect(r.stdout).not.toContain('\u202e');
  });

  it.each(FORMATS)('--format %s on stdout', (format) => {
    const r = run(['check', 'stories', '--format', format], d);
    expect(r.status, r.stderr).toBe(1);
    expect(r.stdout).toMatch(/INJECTED/u);
    expect(injected(r.stdout)).toEqual([]);
    expect(injected(r.stderr)).toEqual([]);
  });

  it('--format github alone', () => {
    const r = run(['check', 'stories', '--format', 'github'], d);
    expect(r.status, r.stderr).toBe(1);
    expect(r.stdout).toMatch(/INJECTED/u);
    expect(injected(r.stdout)).toEqual([]);
  });

  it('the hostile file alone: the stem of the reports and "reports written" escaped, the files named as asked', () => {
    const r = run(['check', join('stories', HOSTILE_NAME), 'stories/harbor-ferry-vi.txt', '--format', 'github,json,html', '--output-dir', 'rep2'], d);
    expect(r.status, r.stderr).toBe(1);
    expect(injected(r.stdout)).toEqual([]);
    expect(r.stdout).toContain('reports written: rep2/report.json, rep2/report.html');
  });

  it('a single hostile input names the report files after it; the line saying so is escaped', () => {
    const one = mkdtempSync(join(tmpdir(), 'factlint-inject-one-'));
    copyFileSync(join(PUBLISHED, 'harbor-ferry-en.txt'), join(one, HOSTILE_NAME));
    const r = run(['check', HOSTILE_NAME, '--format', 'github,json', '--output-dir', 'rep'], one);
    expect(r.status, r.stderr).toBe(0);
    expect(injected(r.stdout)).toEqual([]);
    expect(r.stdout).toMatch(/^reports written: "rep\/x\\n::error file=README\.md,line=1::INJECTED\\n.*evil\.json"$/mu);
    expect(JSON.parse(readFileSync(join(one, 'rep', `${HOSTILE_NAME.replace(/\.txt$/u, '')}.json`), 'utf8')).sources[0].path).toBe(HOSTILE_NAME);
  });

  it('errors name a hostile file escaped (a missing input, a file skipped)', () => {
    const missing = run(['check', `${HOSTILE_NAME}.missing`], d);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/error FL100: "x\\n::error file=README\.md/u);
    expect(injected(missing.stderr)).toEqual([]);
    const empty = mkdtempSync(join(tmpdir(), 'factlint-inject-empty-'));
    writeFileSync(join(empty, HOSTILE_NAME), '');
    const skipped = run(['check', '.'], empty);
    expect(skipped.status).toBe(2);
    expect(injected(skipped.stderr)).toEqual([]);
    expect(skipped.stderr).not.toContain('\u202e');
  });
});

describe('hostile text inside the sources and a bitext file\'s unit ids', () => {
  it('a unit id and texts with line breaks, `::` line starts and `##[`: text, github and junit output stay inert', () => {
    const d = mkdtempSync(join(tmpdir(), 'factlint-inject-units-'));
    const xliff = [
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<xliff version="1.2"><file source-language="en" target-language="vi" original="f.md"><body>',
      '  <trans-unit id="u&#10;::error file=README.md::ID-INJECTED&#13;##[add-mask]Failed">',
      '    <source>The city will spend $84 million. ##[error]TEXT-INJECTED</source>',
      '    <target>Thành phố sẽ chi 48 triệu USD. ##[error]TEXT-INJECTED</target>',
      '  </trans-unit>',
      '</body></file></xliff>',
    ].join('\n');
    writeFileSync(join(d, 'units.xlf'), xliff);
    for (const format of [...FORMATS, 'github']) {
      const r = run(['check', 'units.xlf', '--format', format], d);
      expect(r.status, `${format}: ${r.stderr}`).toBe(1);
      expect(r.stdout, format).toMatch(/ID-INJECTED/u);
      expect(injected(r.stdout), format).toEqual([]);
    }
  });
});
