import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FactlintError, LOAD_CODES } from '../../src/errors.js';
import { load, readInputFile, requireFolder, type LoadFs } from '../../src/pipeline/load.js';

const isRoot = process.getuid?.() === 0;
const TEXT = 'Prime Minister Pham Minh Chinh spoke in Hanoi on March 5.\n';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(join(tmpdir(), 'factlint-load-'));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Writes files relative to the temp dir; returns the absolute path of the first. */
const write = (files: Record<string, string | Uint8Array>): string => {
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(join(dir, name, '..'), { recursive: true });
    fs.writeFileSync(join(dir, name), content);
  }
  return join(dir, Object.keys(files)[0] ?? '');
};
/** The id `load` gives a file in the temp dir (outside the working directory: the absolute path, forward slashes). */
const id = (name: string): string => join(dir, name).split('\\').join('/');

const catchError = async (p: Promise<unknown>): Promise<FactlintError> => {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(FactlintError);
    return e as FactlintError;
  }
  throw new Error('expected a FactlintError');
};

describe('load: skipped inputs (the run continues)', () => {
  const cases: [string, string, Record<string, string | Uint8Array>, RegExp][] = [
    ['FL101', 'a non-text extension in a folder', { 'photo.csv': 'a,b\n1,2\n' }, /not a text file/],
    ['FL101', 'a hidden file in a folder', { '.DS_Store.txt': TEXT }, /hidden/],
    ['FL103', 'an empty file', { 'empty.txt': '' }, /empty file \(0 bytes\)/],
    ['FL103', 'a file with only a BOM', { 'bom.txt': Buffer.from([0xef, 0xbb, 0xbf]) }, /only a byte order mark/],
    ['FL104', 'a whitespace-only file', { 'blank.md': ' \n\t\r\n\u00a0\u200b\n' }, /only whitespace/],
    ['FL105', 'a PDF', { 'story.txt': Buffer.from('%PDF-1.4\n%\xe2\xe3\n', 'latin1') }, /binary file \(PDF document\)/],
    ['FL105', 'a PNG', { 'image.md': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]) }, /PNG image/],
    ['FL105', 'NUL bytes', { 'nul.txt': Buffer.from('text\0more', 'latin1') }, /NUL byte on line 1/],
  ];

  it.each(cases)('%s: %s', async (code, _what, files, reason) => {
    write({ 'good.txt': TEXT, ...files });
    const name = Object.keys(files)[0] ?? '';
    const r = await load([dir]);
    expect(r.sources.map((s) => s.id)).toEqual([id('good.txt')]);
    expect(r.skipped).toEqual([{ path: id(name), code, reason: expect.stringMatching(reason) }]);
  });

  it.each(cases.filter(([code]) => code !== 'FL101'))('%s is a skip, not an error, when the file is named explicitly: %s', async (code, _what, files) => {
    write({ 'good.txt': TEXT, ...files });
    const name = Object.keys(files)[0] ?? '';
    const r = await load([join(dir, name), join(dir, 'good.txt')]);
    expect(r.sources).toHaveLength(1);
    expect(r.skipped).toEqual([expect.objectContaining({ path: id(name), code })]);
  });

  it('FL101 does not apply to a file named explicitly: it is read whatever its extension', async () => {
    write({ 'notes.csv': TEXT });
    const r = await load([join(dir, 'notes.csv')]);
    expect(r.sources.map((s) => s.id)).toEqual([id('notes.csv')]);
  });

  it('FL101: a hidden folder is not walked', async () => {
    write({ 'good.txt': TEXT, '.git/objects/a.txt': TEXT });
    const r = await load([dir]);
    expect(r.sources).toHaveLength(1);
    expect(r.skipped).toEqual([{ path: id('.git'), code: 'FL101', reason: expect.stringMatching(/hidden folder/) }]);
  });

  it('FL106: a 100 MB sparse file is rejected from its size, without being read', async () => {
    write({ 'good.txt': TEXT });
    const big = join(dir, 'huge.txt');
    fs.writeFileSync(big, '');
    fs.truncateSync(big, 100 * 1024 * 1024);
    const reads: string[] = [];
    const spy: Partial<LoadFs> = {
      readBytes: async (p, size) => {
        reads.push(p);
        return Buffer.from(await readFile(p)).subarray(0, size);
      },
    };
    const t0 = performance.now();
    const r = await load([dir], { fs: spy });
    const ms = performance.now() - t0;
    expect(r.skipped).toEqual([{ path: id('huge.txt'), code: 'FL106', reason: expect.stringMatching(/104,857,600 bytes, the limit is 10,485,760 bytes/) }]);
    expect(reads).toEqual([join(dir, 'good.txt')]);
    expect(ms).toBeLessThan(5000); // generous; reading 100 MB would not be caught by this, the spy above is the real check
    const e = await catchError(readInputFile(big, 'baseline report', { fs: spy }));
    expect(e.code).toBe('FL106');
    expect(reads).toHaveLength(1);
  });

  it('FL106: the limit is an option', async () => {
    write({ 'a.txt': TEXT, 'b.txt': 'x'.repeat(200) });
    const r = await load([dir], { maxFileSize: 100 });
    expect(r.skipped).toEqual([expect.objectContaining({ path: id('b.txt'), code: 'FL106' })]);
  });

  it.skipIf(isRoot)('FL107: an unreadable file (chmod 000)', async () => {
    write({ 'good.txt': TEXT, 'secret.txt': TEXT });
    fs.chmodSync(join(dir, 'secret.txt'), 0o000);
    const r = await load([dir]);
    expect(r.skipped).toEqual([{ path: id('secret.txt'), code: 'FL107', reason: expect.stringMatching(/permission denied/) }]);
  });

  it('FL107: an unreadable file (EACCES injected: tests may run as root, where chmod 000 does not stop reads)', async () => {
    write({ 'good.txt': TEXT, 'secret.txt': TEXT });
    const eacces = Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
    const r = await load([dir], {
      fs: { readBytes: async (p, size) => (p.endsWith('secret.txt') ? Promise.reject(eacces) : Buffer.from(await readFile(p)).subarray(0, size)) },
    });
    expect(r.sources.map((s) => s.id)).toEqual([id('good.txt')]);
    expect(r.skipped).toEqual([{ path: id('secret.txt'), code: 'FL107', reason: 'cannot be read: permission denied (EACCES)' }]);
  });

  it('FL107: an unreadable folder (EACCES injected on readdir)', async () => {
    write({ 'good.txt': TEXT, 'locked/a.txt': TEXT });
    const eacces = Object.assign(new Error('EACCES'), { code: 'EACCES' });
    const r = await load([dir], {
      fs: { readdir: async (p) => (p.endsWith('locked') ? Promise.reject(eacces) : fs.readdirSync(p, { withFileTypes: true })) },
    });
    expect(r.skipped).toEqual([{ path: id('locked'), code: 'FL107', reason: expect.stringMatching(/permission denied/) }]);
  });

  it('FL108: a symlink loop terminates and is reported', async () => {
    write({ 'story/a.txt': TEXT, 'story/sub/b.txt': TEXT });
    fs.symlinkSync(join(dir, 'story'), join(dir, 'story/sub/back'));
    fs.symlinkSync('self', join(dir, 'story/self')); // a link to itself: ELOOP
    const r = await load([join(dir, 'story')]);
    expect(r.sources.map((s) => s.id)).toEqual([id('story/a.txt'), id('story/sub/b.txt')]);
    expect(r.skipped).toEqual([
      { path: id('story/self'), code: 'FL108', reason: expect.stringMatching(/symbolic link loop/) },
      { path: id('story/sub/back'), code: 'FL108', reason: expect.stringMatching(/symbolic link loop .*points to .*story, a folder that contains it/) },
    ]);
  });

  it('FL108: a broken symlink, in a folder and named explicitly', async () => {
    write({ 'good.txt': TEXT });
    fs.symlinkSync(join(dir, 'gone.txt'), join(dir, 'dangling.txt'));
    for (const inputs of [[dir], [join(dir, 'dangling.txt'), join(dir, 'good.txt')]]) {
      const r = await load(inputs);
      expect(r.sources).toHaveLength(1);
      expect(r.skipped).toEqual([{ path: id('dangling.txt'), code: 'FL108', reason: expect.stringMatching(/broken symbolic link .*gone\.txt/) }]);
    }
  });

  it('a symlink to a file or to a folder outside is followed', async () => {
    write({ 'elsewhere/x.txt': TEXT, 'story/a.txt': TEXT });
    fs.symlinkSync(join(dir, 'elsewhere'), join(dir, 'story/linked'));
    const r = await load([join(dir, 'story')]);
    expect(r.sources.map((s) => s.id)).toEqual([id('story/a.txt'), id('story/linked/x.txt')]);
  });

  it.skipIf(process.platform === 'win32')('FL115: a named pipe is never opened', async () => {
    write({ 'good.txt': TEXT });
    try {
      execFileSync('mkfifo', [join(dir, 'pipe.txt')]);
    } catch {
      return; // no mkfifo on this system
    }
    const r = await load([dir]);
    expect(r.skipped).toEqual([{ path: id('pipe.txt'), code: 'FL115', reason: expect.stringMatching(/not a regular file/) }]);
    const named = await load([join(dir, 'pipe.txt'), join(dir, 'good.txt')]);
    expect(named.skipped).toEqual([expect.objectContaining({ path: id('pipe.txt'), code: 'FL115' })]);
  });
});

describe('load: fatal errors', () => {
  it('FL100: a named input that does not exist', async () => {
    write({ 'good.txt': TEXT });
    const e = await catchError(load([join(dir, 'good.txt'), join(dir, 'missing.txt')]));
    expect(e.code).toBe('FL100');
    expect(e.file).toBe(join(dir, 'missing.txt'));
    expect(e.format()).toContain('missing.txt');
  });

  it('FL102: nothing readable; the message says why each input was skipped', async () => {
    write({ 'empty.txt': '', 'scan.pdf': Buffer.from('%PDF-1.4\n', 'latin1'), 'photo.jpg': Buffer.from([0xff, 0xd8, 0xff]), 'blank.md': '   \n' });
    const e = await catchError(load([dir]));
    expect(e.code).toBe('FL102');
    expect(e.message).toContain(`${id('empty.txt')} (FL103: empty file (0 bytes))`);
    expect(e.message).toContain(`${id('photo.jpg')} (FL101: not a text file`);
    expect(e.message).toContain(`${id('scan.pdf')} (FL150: damaged PDF`);
    expect(e.message).toContain(`${id('blank.md')} (FL104: only whitespace)`);
  });

  it('FL102: an empty folder, and no inputs at all', async () => {
    expect((await catchError(load([dir]))).message).toMatch(/no readable sources; the named folders contain no files/);
    expect((await catchError(load([]))).code).toBe('FL102');
  });

  it('FL109: more files than maxFiles', async () => {
    write(Object.fromEntries(Array.from({ length: 6 }, (_, i) => [`f${i}.txt`, TEXT])));
    const e = await catchError(load([dir], { maxFiles: 5 }));
    expect(e.code).toBe('FL109');
    expect(e.file).toBe(id(''));
    expect(e.message).toMatch(/more than 5 files/);
    expect((await load([dir], { maxFiles: 6 })).sources).toHaveLength(6);
  });

  it('FL116: readInputFile given a folder where a file is expected', async () => {
    write({ 'reports/a.json': '{}' });
    const e = await catchError(readInputFile(join(dir, 'reports'), 'baseline report'));
    expect(e.code).toBe('FL116');
    expect(e.file).toBe(id('reports'));
    expect(e.message).toBe('baseline report must be a file, but this is a folder');
  });

  it('readInputFile: reads a file, and fails with the code load would skip it with', async () => {
    write({ 'base.json': '{"ok":true}', 'empty.json': '', 'bin.json': Buffer.from([0x50, 0x4b, 0x03, 0x04]), 'cp.txt': iconv.encode('Москва, 5 марта. Президент России заявил в понедельник.', 'windows1251') });
    expect(await readInputFile(join(dir, 'base.json'), 'baseline')).toEqual({ id: id('base.json'), text: '{"ok":true}', warnings: [] });
    expect((await readInputFile(join(dir, 'cp.txt'), 'manifest')).warnings[0]).toMatch(/^FL112: decoded as windows-1251/);
    expect((await catchError(readInputFile(join(dir, 'nope.json'), 'baseline'))).code).toBe('FL100');
    expect((await catchError(readInputFile(join(dir, 'empty.json'), 'baseline'))).code).toBe('FL103');
    expect((await catchError(readInputFile(join(dir, 'bin.json'), 'baseline'))).code).toBe('FL105');
  });

  it('FL117: requireFolder given a file where a folder is expected', async () => {
    write({ 'a.txt': TEXT });
    const e = await catchError(requireFolder(join(dir, 'a.txt'), 'rules folder'));
    expect(e.code).toBe('FL117');
    expect(e.file).toBe(id('a.txt'));
    expect(await requireFolder(dir, 'rules folder')).toBe(dir);
  });
});

describe('load: decoding', () => {
  it('loads UTF-16 with a BOM and legacy encodings, with a FL112 warning naming the encoding', async () => {
    const ru = 'Президент России заявил в понедельник, что правительство выделит 12 миллиардов рублей на ремонт дорог.';
    write({
      'utf16.txt': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(TEXT, 'utf16le')]),
      'ru.txt': iconv.encode(ru, 'windows1251'),
      'bad.md': Buffer.concat([Buffer.from('Hà Nội\nline two ', 'utf8'), Buffer.from([0xc3]), Buffer.from(' ngày\n', 'utf8')]),
    });
    const r = await load([dir]);
    const byName = Object.fromEntries(r.sources.map((s) => [s.id.slice(dir.length + 1), s]));
    expect(byName['utf16.txt']).toMatchObject({ text: TEXT, warnings: [] });
    expect(byName['ru.txt']).toMatchObject({ text: ru, warnings: [expect.stringMatching(/^FL112: decoded as windows-1251 .*convert the file to UTF-8$/)] });
    expect(byName['bad.md']?.warnings).toEqual([expect.stringMatching(/^FL110: 1 invalid UTF-8 sequence .* line 2/)]);
    expect(byName['bad.md']?.text).toBe('Hà Nội\nline two \uFFFD ngày\n');
  });
});

describe('load: order, duplicates, read-only', () => {
  it('sorts sources by id whatever order the inputs are named in, and loads a file named twice once', async () => {
    write({ 'b/2.txt': TEXT, 'a/1.md': TEXT, 'c.txt': TEXT, 'a/0.txt': TEXT });
    const expected = [id('a/0.txt'), id('a/1.md'), id('b/2.txt'), id('c.txt')];
    for (const inputs of [
      [dir],
      [join(dir, 'c.txt'), join(dir, 'b'), join(dir, 'a')],
      [join(dir, 'a'), join(dir, 'c.txt'), join(dir, 'b'), join(dir, 'a/1.md'), join(dir, 'c.txt'), dir, `${dir}/./a`],
    ]) {
      const r = await load(inputs);
      expect(r.sources.map((s) => s.id)).toEqual(expected);
      expect(r.skipped).toEqual([]);
    }
  });

  it('loads a file reached by two paths (hard link, symlinked folder) once, under the smaller id', async () => {
    write({ 'story/a.txt': TEXT });
    fs.linkSync(join(dir, 'story/a.txt'), join(dir, 'story/z-hardlink.txt'));
    fs.symlinkSync(join(dir, 'story'), join(dir, 'alias'));
    const forward = await load([join(dir, 'story'), join(dir, 'alias')]);
    const backward = await load([join(dir, 'alias'), join(dir, 'story')]);
    expect(forward.sources.map((s) => s.id)).toEqual([id('alias/a.txt')]);
    expect(backward).toEqual(forward);
  });

  it('ids are relative to cwd with forward slashes; allowEmpty returns no sources instead of FL102', async () => {
    write({ 'story/en/a.txt': TEXT, 'story/vi.md': TEXT, 'empty/x.txt': '' });
    const r = await load(['story', 'story/en/a.txt'], { cwd: dir });
    expect(r.sources.map((s) => [s.id, s.path])).toEqual([
      ['story/en/a.txt', 'story/en/a.txt'],
      ['story/vi.md', 'story/vi.md'],
    ]);
    expect(await load(['empty'], { cwd: dir, allowEmpty: true })).toEqual({ sources: [], skipped: [{ path: 'empty/x.txt', code: 'FL103', reason: 'empty file (0 bytes)' }] });
    expect((await catchError(readInputFile('story', 'baseline report', { cwd: dir }))).file).toBe('story');
  });

  it('opens files for reading only: contents and modification times are unchanged', async () => {
    write({ 'a.txt': TEXT, 'b.txt': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('x\r\n')]) });
    const before = ['a.txt', 'b.txt'].map((n) => [fs.readFileSync(join(dir, n)), fs.statSync(join(dir, n)).mtimeMs]);
    const r = await load([dir]);
    expect(r.sources.map((s) => s.text)).toEqual([TEXT, 'x\r\n']);
    expect(['a.txt', 'b.txt'].map((n) => [fs.readFileSync(join(dir, n)), fs.statSync(join(dir, n)).mtimeMs])).toEqual(before);
  });

  it('loads a folder of 10,000 tiny files (timing printed, not asserted)', async () => {
    const folder = join(dir, 'many');
    fs.mkdirSync(folder);
    for (let i = 0; i < 10_000; i++) fs.writeFileSync(join(folder, `${String(i).padStart(5, '0')}.txt`), `Article ${i}: ${TEXT}`);
    const t0 = performance.now();
    const r = await load([folder]);
    const ms = performance.now() - t0;
    console.log(`load: 10,000 tiny files in ${ms.toFixed(0)} ms`);
    expect(r.sources).toHaveLength(10_000);
    expect(r.sources[0]?.id).toBe(id('many/00000.txt'));
    expect(r.sources[9_999]?.id).toBe(id('many/09999.txt'));
  }, 60_000);
});

describe('docs', () => {
  it('docs/errors.md has a row for every load code', () => {
    const doc = fs.readFileSync(new URL('../../docs/errors.md', import.meta.url), 'utf8');
    for (const code of Object.keys(LOAD_CODES)) expect(doc, code).toMatch(new RegExp(`^\\| ${code} \\|`, 'm'));
  });
});
