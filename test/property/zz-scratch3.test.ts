import { it } from 'vitest';
import { check } from '../../src/check.js';
import { SEEDS, DEV_CASES } from './arbitraries.js';
import { expectValidJson } from './sound.js';
const pairF = (r: any) => r.findings.filter((f: any) => !['unsourced-claim', 'internal-contradiction'].includes(f.category)).map((f: any) => `${f.ruleId}: ${f.message.slice(0, 160)}`);
it('edge', async () => {
  for (const extra of [{ published: '14 March 2024' }, { published: '2024-02-30' }, { lang: 'xx' }, { lang: 'EN' }, { lang: '' }, { byline: '' }, { story: '' }, { published: '' }]) {
    try { const r = await check([{ id: 'a', text: 'Ivan Petrov said on Monday the deal was worth $5 million.', ...extra }]); 
      try { expectValidJson(r); console.log(JSON.stringify(extra), 'ok', JSON.stringify(r.report.sources[0])); } catch (e) { console.log(JSON.stringify(extra), 'SCHEMA', String(e).slice(0, 300)); }
    } catch (e: any) { console.log(JSON.stringify(extra), 'THROWS', e.code, e.message); }
  }
  for (const id of ['', 'a#1', 'dir/x.txt', '../x', 'C:\\x.txt']) {
    try { const r = await check([{ id, text: 'Ivan Petrov said on Monday the deal was worth $5 million.' }, { id: id + 'b', text: 'Ivan Petrov said on Monday the deal was worth $6 million.' }]); console.log(JSON.stringify(id), 'ok', r.report.findings.length); }
    catch (e: any) { console.log(JSON.stringify(id), 'THROWS', e.code, e.message); }
  }
  const docs = [...SEEDS, ...DEV_CASES.flat()];
  for (const d of docs) {
    const variants: [string, string][] = [['CRLF', d.text.replace(/\n/g, '\r\n')], ['NFD', d.text.normalize('NFD')], ['BOM', '\ufeff' + d.text], ['trailing-nl', d.text + '\n\n'], ['NBSP', d.text.replace(/ /g, '\u00a0')], ['CR', d.text.replace(/\n/g, '\r')]];
    for (const [name, v] of variants) {
      const r = (await check([{ id: 'orig.txt', text: d.text }, { id: 'var.txt', text: v }])).report;
      const f = pairF(r);
      if (f.length) console.log(d.name, name, f.length, f.slice(0, 3));
    }
  }
}, 600_000);
