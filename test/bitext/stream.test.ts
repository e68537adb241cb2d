import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readBitext, toArray, type BitextRow } from '../../src/bitext/index.js';

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(join(tmpdir(), 'factlint-bitext-stream-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const write = (name: string, content: string | Uint8Array): string => {
  const p = join(dir, name);
  fs.writeFileSync(p, content);
  return p;
};

describe('TSV and JSONL are read line by line', () => {
  it('yields rows before a bad line further down, then throws with that line', async () => {
    const lines = Array.from({ length: 5000 }, (_, i) => `{"en": "Sentence ${i + 1}.", "vi": "Câu ${i + 1}."}`);
    lines.push('{"en": "Broken'); // line 5001
    const rows = await readBitext(write('long.jsonl', `${lines.join('\n')}\n`));
    const seen: BitextRow[] = [];
    await expect(
      (async () => {
        for await (const r of rows) seen.push(r);
      })(),
    ).rejects.toMatchObject({ code: 'FL705', line: 5001 });
    expect(seen).toHaveLength(5000);
    expect(seen[4999]).toEqual({ id: 'row-5000', left: 'Sentence 5000.', right: 'Câu 5000.', leftLang: 'en', rightLang: 'vi', line: 5000 });
  });

  it('can stop early, and iterating again reads the file again from the start', async () => {
    const rows = await readBitext(write('again.tsv', `en\tvi\n${Array.from({ length: 100 }, (_, i) => `A ${i}.\tB ${i}.`).join('\n')}\n`));
    for await (const r of rows) {
      expect(r.id).toBe('row-2');
      break;
    }
    const all = await toArray(rows);
    expect(all).toHaveLength(100);
    expect(await toArray(rows)).toEqual(all);
  });

  it('a UTF-8 byte order mark does not become part of the first column name', async () => {
    const rows = await readBitext(write('bom.tsv', '\ufeffid\ten\tvi\nx\tOne.\tMột.\n'));
    expect(await toArray(rows)).toEqual([{ id: 'x', left: 'One.', right: 'Một.', leftLang: 'en', rightLang: 'vi', line: 2 }]);
  });

  it('UTF-16 with a byte order mark is decoded', async () => {
    const text = 'en\tvi\r\nThe deal was announced on Tuesday.\tThỏa thuận được công bố vào thứ Ba.\r\n';
    const rows = await readBitext(write('utf16.tsv', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])));
    expect(await toArray(rows)).toEqual([
      { id: 'row-2', left: 'The deal was announced on Tuesday.', right: 'Thỏa thuận được công bố vào thứ Ba.', leftLang: 'en', rightLang: 'vi', line: 2 },
    ]);
  });

  it('a legacy encoding found in the first 64 KiB is used for the whole file, with the loader\'s warning', async () => {
    const line = 'The deal was announced on Tuesday.\tСделка была объявлена во вторник.';
    const n = 3000; // ~250 KB: well past the sample the encoding is judged on
    const text = `en\tru\n${Array.from({ length: n }, () => line).join('\n')}\n`;
    const rows = await readBitext(write('cp1251.tsv', iconv.encode(text, 'windows-1251')));
    expect(rows.warnings.join(' ')).toMatch(/FL112: decoded as windows-1251/);
    const all = await toArray(rows);
    expect(all).toHaveLength(n);
    expect(new Set(all.map((r) => r.right))).toEqual(new Set(['Сделка была объявлена во вторник.']));
    expect(all[n - 1]?.rightLang).toBe('ru');
  });
});
