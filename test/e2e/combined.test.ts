import { it } from 'vitest';
import { writeFileSync, mkdtempSync, copyFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { check } from '../../src/check.js';
it('explore', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'fl-comb-'));
  const dev = '../shared/eval/dev';
  for (const c of readdirSync(dev).filter((d) => d.startsWith('dev'))) {
    for (const f of readdirSync(path.join(dev, c)).filter((f) => f.endsWith('.txt'))) copyFileSync(path.join(dev, c, f), path.join(dir, f));
    const t = Date.now();
    const r = await check([path.join(dev, c)]);
    console.log(c, 'ms', Date.now() - t);
    writeFileSync(`/tmp/fl-explore/${c}.json`, JSON.stringify(r.report, null, 1));
  }
  for (const f of readdirSync('seeds')) copyFileSync(path.join('seeds', f), path.join(dir, f));
  const t = Date.now();
  const r = await check([dir]);
  console.log('combined ms', Date.now() - t);
  writeFileSync('/tmp/fl-explore/combined.json', JSON.stringify(r.report, null, 1));
}, 120000);
