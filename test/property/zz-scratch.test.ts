import { it } from 'vitest';
import { check } from '../../src/check.js';
import { SEEDS, DEV_CASES } from './arbitraries.js';
import type { Report } from '../../src/model/index.js';

const symKeys = (r: Report, back: Record<string, string>) => r.findings.map((f) => `${f.ruleId} ${f.locations.map((l) => `${back[l.source] ?? l.source}:${l.start}-${l.end}`).sort().join(' ')}`).sort();
async function asym(a: string, b: string): Promise<string[] | null> {
  const r1 = (await check([{ id: 'x.txt', text: a }, { id: 'y.txt', text: b }])).report;
  const r2 = (await check([{ id: 'y.txt', text: a }, { id: 'x.txt', text: b }])).report;
  const k1 = symKeys(r1, { 'x.txt': 'A', 'y.txt': 'B' }), k2 = symKeys(r2, { 'y.txt': 'A', 'x.txt': 'B' });
  const only1 = k1.filter((k) => !k2.includes(k)), only2 = k2.filter((k) => !k1.includes(k));
  return only1.length || only2.length ? [...only1.map((k) => `A-first only: ${k}`), ...only2.map((k) => `B-first only: ${k}`)] : null;
}
const split = (t: string) => t.split(/(?<=\n)|(?<=[.!?»”"])(?= )/);
async function reduce(a: string, b: string, pred: (a: string, b: string) => Promise<boolean>) {
  let A = split(a), B = split(b);
  let changed = true;
  while (changed) {
    changed = false;
    for (const side of [0, 1]) {
      for (let i = (side ? B : A).length - 1; i >= 0; i--) {
        const arr = side ? B : A;
        const cand = [...arr.slice(0, i), ...arr.slice(i + 1)];
        const [ta, tb] = side ? [A.join(''), cand.join('')] : [cand.join(''), B.join('')];
        if (await pred(ta, tb)) { if (side) B = cand; else A = cand; changed = true; }
      }
    }
  }
  return [A.join(''), B.join('')] as const;
}
it('reduce', async () => {
  const pairs: [string, string, string][] = [
    ['dev2', DEV_CASES[1]![0]!.text, DEV_CASES[1]![1]!.text],
    ['dev4 trade/wire', DEV_CASES[3]![1]!.text, DEV_CASES[3]![2]!.text],
    ['seeds 000/002', SEEDS[0]!.text, SEEDS[2]!.text],
  ];
  for (const [name, a, b] of pairs) {
    const d = await asym(a, b);
    console.log(name, 'asymmetries', d);
    if (!d) continue;
    for (const target of d) {
      const rule = target.split(' ')[2];
      const [ra, rb] = await reduce(a, b, async (x, y) => !!(await asym(x, y))?.some((k) => k.split(' ')[2] === rule));
      console.log('REDUCED', name, rule, JSON.stringify(ra), JSON.stringify(rb), await asym(ra, rb));
    }
  }
}, 600_000);
