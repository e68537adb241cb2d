import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');

// Packs the project as npm would publish it, installs the tarball into an empty folder (its dependencies come
// from the registry, as for a user) and runs it there with npx, and through the library API.
describe('the installable package', () => {
  it('installs from `npm pack` into an empty folder and runs as `npx factlint check`', () => {
    const work = mkdtempSync(join(tmpdir(), 'factlint-pack-'));
    execFileSync('npm', ['pack', '--pack-destination', work, '--silent'], { cwd: ROOT, stdio: 'pipe' });
    const tgz = readdirSync(work).find((f) => f.endsWith('.tgz'))!;
    const app = join(work, 'app');
    mkdirSync(app);
    writeFileSync(join(app, 'package.json'), '{ "name": "app", "version": "1.0.0", "private": true, "type": "module" }\n');
    execFileSync('npm', ['install', '--no-audit', '--no-fund', '--silent', join(work, tgz)], { cwd: app, stdio: 'pipe', timeout: 240_000 });
    cpSync(resolve(ROOT, 'seeds'), join(app, 'stories'), { recursive: true });

    const r = spawnSync('npx', ['--no-install', 'factlint', 'check', 'stories', '--format', 'json', '--output', 'r.json'], { cwd: app, encoding: 'utf8' });
    expect(r.stderr).not.toMatch(/internal error/);
    expect([0, 1]).toContain(r.status);
    const v = spawnSync('npx', ['--no-install', 'factlint', '--version'], { cwd: app, encoding: 'utf8' });
    expect(v.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);

    // The library API with its shipped declarations' runtime counterpart.
    writeFileSync(join(app, 'use.mjs'), `import { check } from 'factlint';
const { report } = await check([{ id: 'a.txt', text: 'Meridian will invest $1.35 billion in the terminal, the company said.', story: 's' },
                                { id: 'b.txt', text: 'Meridian will invest $3.15 billion in the terminal, the company said.', story: 's' }]);
console.log(JSON.stringify(report.findings.map((f) => f.category)));
`);
    const u = spawnSync(process.execPath, ['use.mjs'], { cwd: app, encoding: 'utf8' });
    expect(u.stderr).toBe('');
    expect(JSON.parse(u.stdout)).toContain('number-mismatch');
  }, 300_000);
});
