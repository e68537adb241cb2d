import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FactlintError } from '../../src/errors.js';
import { BITEXT_CODES, readBitext, toArray } from '../../src/bitext/index.js';

const MALFORMED = 'test/fixtures/bitext/malformed';

/** Reads a file to the end (errors in later TSV/JSONL lines surface while iterating) and returns the error. */
async function failure(path: string): Promise<FactlintError> {
  try {
    await toArray(await readBitext(path));
  } catch (e) {
    expect(e).toBeInstanceOf(FactlintError);
    return e as FactlintError;
  }
  throw new Error(`expected ${path} to fail`);
}

describe('malformed bitext files are FL7xx errors naming the file and the line', () => {
  it.each<{ file: string; code: string; line: number | undefined; message: RegExp }>([
    { file: 'broken.xlf', code: 'FL701', line: 5, message: /not well-formed XML: Expected closing tag 'target'/ },
    { file: 'broken.tmx', code: 'FL701', line: 4, message: /not well-formed XML: char '&'/ },
    { file: 'not-xliff.xlf', code: 'FL702', line: 2, message: /root element is <html>, not <xliff>/ },
    { file: 'xliff-3.xliff', code: 'FL702', line: 1, message: /unsupported XLIFF version "3.0"/ },
    { file: 'tuv-nolang.tmx', code: 'FL702', line: 6, message: /a <tuv> of unit "7" has no xml:lang/ },
    { file: 'broken.po', code: 'FL703', line: 5, message: /not a valid PO file: Invalid key name "yes"/ },
    { file: 'bad-columns.tsv', code: 'FL704', line: 3, message: /^3 columns, but the header \(line 1\) has 2$/ },
    { file: 'header-only-one.tsv', code: 'FL704', line: 1, message: /needs two text columns; the header has: "text"/ },
    { file: 'broken.jsonl', code: 'FL705', line: 2, message: /^not valid JSON/ },
    { file: 'array.jsonl', code: 'FL705', line: 1, message: /^a JSON array, not an object$/ },
    { file: 'missing-field.jsonl', code: 'FL706', line: 2, message: /^field "vi" is missing$/ },
    { file: 'dup-ids.tsv', code: 'FL707', line: 3, message: /^id "a" is used twice \(first on line 2, again on line 3\)$/ },
    { file: 'dup-ids.xlf', code: 'FL707', line: 4, message: /^id "1" is used twice/ },
  ])('$file → $code', async ({ file, code, line, message }) => {
    const e = await failure(`${MALFORMED}/${file}`);
    expect(e.code).toBe(code);
    expect(e.file).toBe(`${MALFORMED}/${file}`);
    expect(e.line).toBe(line);
    expect(e.message).toMatch(message);
    expect(e.hint).toBeTruthy();
    expect(Object.keys(BITEXT_CODES)).toContain(code);
  });

  it('an unknown extension is FL700', async () => {
    const e = await failure('story.csv');
    expect(e.code).toBe('FL700');
    expect(e.hint).toContain('.xliff');
  });

  it('the hint for a missing field lists the fields the row has', async () => {
    expect((await failure(`${MALFORMED}/missing-field.jsonl`)).hint).toBe('this row has: "en", "fr"');
  });
});

describe('file problems have the loader\'s codes', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(join(tmpdir(), 'factlint-bitext-'));
    fs.mkdirSync(join(dir, 'folder.tsv'));
    fs.writeFileSync(join(dir, 'empty.jsonl'), '');
    fs.writeFileSync(join(dir, 'blank.po'), '  \n\n');
    fs.writeFileSync(join(dir, 'binary.tmx'), Buffer.from('%PDF-1.4\n%\u00e2\u00e3\n1 0 obj\n', 'latin1'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it.each([
    ['missing.tsv', 'FL100'],
    ['folder.tsv', 'FL116'],
    ['empty.jsonl', 'FL103'],
    ['blank.po', 'FL104'],
    ['binary.tmx', 'FL105'],
  ])('%s → %s', async (name, code) => {
    expect((await failure(join(dir, name))).code).toBe(code);
  });

  it('a bitext file of any format over maxFileSize is FL106 (TSV and JSONL too, though they are streamed)', async () => {
    const xlf = join(dir, 'big.xlf');
    fs.writeFileSync(xlf, `<xliff version="1.2"><file><body>${'<trans-unit id="x"/>'.repeat(10)}</body></file></xliff>`);
    await expect(readBitext(xlf, { maxFileSize: 100 })).rejects.toMatchObject({ code: 'FL106' });
    const tsv = join(dir, 'big.tsv');
    fs.writeFileSync(tsv, `en\tvi\n${'One.\tMột.\n'.repeat(20)}`);
    await expect(readBitext(tsv, { maxFileSize: 100 })).rejects.toMatchObject({ code: 'FL106' });
    expect(await toArray(await readBitext(tsv, { maxFileSize: 1000 }))).toHaveLength(20);
  });
});

describe('docs', () => {
  it('docs/workflow.md has a row for every bitext code, and no row for an unknown one', () => {
    const doc = fs.readFileSync(new URL('../../docs/workflow.md', import.meta.url), 'utf8');
    for (const [code, info] of Object.entries(BITEXT_CODES)) expect(doc, code).toMatch(new RegExp(`^\\| ${code} \\| ${info.kind} \\|`, 'm'));
    const rows = [...doc.matchAll(/^\| (FL7\d\d) \|/gm)].map((m) => m[1]);
    expect(rows.sort()).toEqual(Object.keys(BITEXT_CODES).sort());
  });
});
