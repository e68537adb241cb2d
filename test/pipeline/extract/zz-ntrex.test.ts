import { it } from 'vitest';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { extractAll } from './helpers.js';
import { quantitiesAgree, datesAgree } from '../../../src/pipeline/extract/agree.js';
it('ntrex', () => {
  const dir = '../shared/eval/external/ntrex-dev';
  const out: string[] = [];
  const stats: Record<string, number> = {};
  for (const doc of readdirSync(dir)) {
    const en = readFileSync(`${dir}/${doc}/en.txt`, 'utf8').split('\n\n');
    for (const lang of ['vi', 'ru', 'de']) {
      const xs = readFileSync(`${dir}/${doc}/${lang}.txt`, 'utf8').split('\n\n');
      en.forEach((seg, i) => {
        const a = extractAll('en', seg);
        const b = extractAll(lang, xs[i] ?? '');
        for (const [kind, agree] of [['quantities', quantitiesAgree], ['dates', datesAgree]] as const) {
          const A = a[kind] as any[]; const B = b[kind] as any[];
          const ok = (x: any, y: any) => { const r = (agree as any)(x, y); return r === 'same' || r === 'compatible'; };
          for (const x of A) { stats[`${lang} ${kind} en`] = (stats[`${lang} ${kind} en`] ?? 0) + 1; if (!B.some((y) => ok(x, y))) { stats[`${lang} ${kind} miss-en`] = (stats[`${lang} ${kind} miss-en`] ?? 0) + 1; out.push(`[${lang} ${kind}] EN-ONLY «${x.text}» (${x.value ?? ''}${x.unit ?? ''}${x.year ?? ''}-${x.month ?? ''}) | ${lang}: ${B.map((y) => '«' + y.text + '»').join(' ')} || ${xs[i]?.slice(0, 200)}`); } }
          for (const y of B) { stats[`${lang} ${kind} x`] = (stats[`${lang} ${kind} x`] ?? 0) + 1; if (!A.some((x) => ok(x, y))) { stats[`${lang} ${kind} miss-x`] = (stats[`${lang} ${kind} miss-x`] ?? 0) + 1; out.push(`[${lang} ${kind}] X-ONLY «${y.text}» (${y.value ?? ''}${y.unit ?? ''}${y.year ?? ''}-${y.month ?? ''}) | en: ${A.map((x) => '«' + x.text + '»').join(' ')} || ${seg.slice(0, 200)}`); } }
        }
      });
    }
  }
  writeFileSync('/tmp/ntrex.txt', out.join('\n'));
  console.log(JSON.stringify(stats, null, 1));
});
