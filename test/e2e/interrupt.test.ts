import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const CLI = resolve(ROOT, 'dist/factlint.js');

describe('an interrupted run', () => {
  it('leaves the old report whole (or the new one), and no temporary file, when stopped with SIGINT', async () => {
    const d = mkdtempSync(join(tmpdir(), 'factlint-sigint-'));
    spawnSync(process.execPath, [resolve(ROOT, 'scripts/gen-corpus.mjs'), '--docs', '60', '--out', join(d, 'corpus')], { encoding: 'utf8' });
    const report = join(d, 'report.json');
    writeFileSync(report, '{"old": true}\n');
    for (const delay of [300, 1500]) {
      const child = spawn(process.execPath, [CLI, 'check', 'corpus', '--format', 'json', '--output', report, '--fail-on', 'none', '--jobs', '1'], { cwd: d, stdio: 'ignore' });
      await new Promise((r) => setTimeout(r, delay));
      child.kill('SIGINT');
      await new Promise((r) => child.on('exit', r));
      const text = readFileSync(report, 'utf8');
      // Either the old report or a complete new one: it always parses.
      expect(() => JSON.parse(text)).not.toThrow();
      expect(readdirSync(d).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    }
  }, 60_000);
});
