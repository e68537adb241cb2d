/** Fetching URLs: only from the page server on 127.0.0.1 (test/fixtures/documents/scenario.ts), never the internet. */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchDocument, isUrl, normaliseUrl } from '../../src/pipeline/fetch.js';
import { load } from '../../src/pipeline/load.js';
import { Unreadable } from '../../src/pipeline/read/index.js';
import { servePages, type PageServer } from '../fixtures/documents/scenario.js';

let server: PageServer;
beforeAll(async () => { server = await servePages(); });
afterAll(async () => { await server?.close(); });

const LIMITS = { maxBytes: 300_000, timeoutMs: 1_000 };

async function codeOf(p: Promise<unknown>): Promise<string> {
  try { await p; } catch (e) { if (e instanceof Unreadable) return e.code; throw e; }
  throw new Error('expected the URL to be refused');
}

describe('fetchDocument', () => {
  it('fetches a page and says what it is; follows a redirect to the final address', async () => {
    const page = await fetchDocument(server.url('/en.html'), LIMITS);
    expect(page).toMatchObject({ url: server.url('/en.html'), format: 'html', charset: 'utf-8' });
    expect(Buffer.from(page.bytes).toString('utf8')).toContain('Norvik Logistics');
    expect((await fetchDocument(server.url('/moved-en'), LIMITS)).url).toBe(server.url('/en.html'));
  });

  it.each([
    ['an error status', '/missing', 'FL161'],
    ['no answer in time', '/slow', 'FL162'],
    ['a body larger than the limit (streamed, no length given)', '/huge', 'FL163'],
    ['a redirect loop', '/redirect-loop', 'FL164'],
    ['a redirect to a file: address', '/to-file', 'FL164'],
    ['an image', '/image', 'FL166'],
  ])('refuses %s', async (_n, path, code) => {
    expect(await codeOf(fetchDocument(server.url(path), LIMITS))).toBe(code);
  });

  it.each([['file:///etc/passwd'], ['ftp://127.0.0.1/a.html'], ['data://text/html,hi']])('never fetches %s (FL160)', async (url) => {
    expect(await codeOf(fetchDocument(url, LIMITS))).toBe('FL160');
  });

  it('refuses a declared length over the limit without reading the body, and a closed port (FL163, FL165)', async () => {
    const big = createServer((_req, res) => { res.writeHead(200, { 'content-type': 'text/html', 'content-length': '999999999' }); res.write('<p>'); });
    await new Promise<void>((r) => big.listen(0, '127.0.0.1', r));
    const { port } = big.address() as AddressInfo;
    expect(await codeOf(fetchDocument(`http://127.0.0.1:${port}/`, LIMITS))).toBe('FL163');
    big.closeAllConnections();
    await new Promise((r) => big.close(r));
    expect(await codeOf(fetchDocument(`http://127.0.0.1:${port}/`, LIMITS))).toBe('FL165');
  });

  it.each([
    ['https://example.org/a', true], ['HTTP://Example.org', true], ['file:///x', true], ['pages/en.html', false], ['C:\\news\\a.html', false], ['./http://x', false],
  ])('isUrl(%s) = %s', (s, want) => expect(isUrl(s)).toBe(want));

  it('normalises a URL for its source id', () => expect(normaliseUrl('HTTP://Example.org')).toBe('http://example.org/'));
});

describe('URLs in the load stage', () => {
  it('loads the pages and skips each failing URL with its code, the others still read', async () => {
    const r = await load([server.url('/vi.html'), server.url('/missing'), server.url('/en.html'), 'ftp://127.0.0.1/x'], { maxFileSize: 300_000, fetchTimeoutMs: 1_000 });
    expect(r.sources.map((s) => s.id)).toEqual([server.url('/en.html'), server.url('/vi.html')]);
    expect(r.sources[0]).toMatchObject({ path: server.url('/en.html'), published: '2025-03-11', provenance: { byline: 'Maren Dahl' }, document: { format: 'html' } });
    expect(r.skipped.map((s) => [s.path, s.code])).toEqual([['ftp://127.0.0.1/x', 'FL160'], [server.url('/missing'), 'FL161']]);
  });
});
