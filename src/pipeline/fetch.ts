import type { DocumentFormat } from '../model/source.js';
import { VERSION } from '../version.js';
import { DOCUMENT_EXTENSIONS, DOCUMENT_TYPES, Unreadable } from './read/index.js';

/**
 * Fetches the pages given as URLs (inputs or --against). Only http and https; a time limit for the whole response
 * (headers and body), a size limit counted on the bytes as they arrive (so a server that lies in Content-Length,
 * or a compressed response that expands, is stopped at the limit), at most MAX_REDIRECTS redirects, each checked
 * again for its scheme. Every failure is an Unreadable with its code (FL160-FL166): the load stage skips that URL
 * and checks the others. Nothing but the URL itself is fetched: the reader never loads what a page refers to.
 */

export const DEFAULT_FETCH_TIMEOUT_MS = 20_000;
export const MAX_REDIRECTS = 5;

export interface FetchOptions {
  /** Milliseconds for the whole response, redirects included. */
  timeoutMs?: number;
  /** Largest body read, in bytes. */
  maxBytes: number;
}

export interface Fetched {
  /** The address after redirects. */
  url: string;
  bytes: Uint8Array;
  format: DocumentFormat | 'text';
  /** The charset the response declared, if any. */
  charset?: string;
}

export { isUrl } from '../model/source.js';

/** The URL as a source id: parsed and written back (so "HTTP://Example.org" and "http://example.org/" are one). */
export function normaliseUrl(s: string): string {
  try { return new URL(s).href; } catch { return s; }
}

const ACCEPT = 'text/html, application/xhtml+xml, application/pdf, application/vnd.openxmlformats-officedocument.wordprocessingml.document, application/vnd.oasis.opendocument.text, text/plain;q=0.8, text/markdown;q=0.8';

/** What a response's media type (or, for a generic one, the address's extension) says the document is. */
function formatOf(contentType: string | null, url: URL): DocumentFormat | 'text' | undefined {
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  const known = DOCUMENT_TYPES[type];
  if (known) return known;
  if (type === 'text/plain' || type === 'text/markdown') return 'text';
  if (type === '' || type === 'application/octet-stream' || type === 'binary/octet-stream') {
    const ext = /\.[a-z]+$/iu.exec(url.pathname)?.[0]?.toLowerCase();
    if (ext && DOCUMENT_EXTENSIONS[ext]) return DOCUMENT_EXTENSIONS[ext];
    if (ext === '.txt' || ext === '.md') return 'text';
    if (type === '') return 'html';
  }
  return undefined;
}

const mib = (n: number): string => `${n.toLocaleString('en-US')} bytes`;

/** Fetches one URL within the limits; throws Unreadable with the reason. */
export async function fetchDocument(address: string, opts: FetchOptions): Promise<Fetched> {
  const timeoutMs = opts.timeoutMs ?? DEFAULT_FETCH_TIMEOUT_MS;
  let url: URL;
  try { url = new URL(address); } catch { throw new Unreadable('FL160', 'not a valid URL'); }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Unreadable('FL160', `only http and https addresses are fetched, not ${url.protocol}`);
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  const timedOut = (): Unreadable => new Unreadable('FL162', `no complete answer within ${timeoutMs / 1000} s`);
  try {
    let res: Response | undefined;
    for (let hops = 0; ; hops++) {
      try {
        res = await fetch(url, { redirect: 'manual', signal: controller.signal, headers: { accept: ACCEPT, 'user-agent': `factlint/${VERSION}` } });
      } catch (e) {
        if (controller.signal.aborted) throw timedOut();
        const cause = (e as { cause?: { code?: string; message?: string } }).cause;
        throw new Unreadable('FL165', `cannot be reached (${cause?.code ?? cause?.message ?? (e as Error).message})`);
      }
      if (res.status < 300 || res.status >= 400 || res.status === 304) break;
      const location = res.headers.get('location');
      await res.body?.cancel().catch(() => undefined);
      if (!location) throw new Unreadable('FL161', `the server answered ${res.status} without saying where to`);
      if (hops >= MAX_REDIRECTS) throw new Unreadable('FL164', `more than ${MAX_REDIRECTS} redirects (the last to ${location})`);
      const next = new URL(location, url);
      if (next.protocol !== 'http:' && next.protocol !== 'https:') throw new Unreadable('FL164', `redirected to ${next.protocol} address, which is not fetched`);
      url = next;
    }
    if (!res.ok) {
      await res.body?.cancel().catch(() => undefined);
      throw new Unreadable('FL161', `the server answered ${res.status}${res.statusText ? ` ${res.statusText}` : ''}`);
    }
    const contentType = res.headers.get('content-type');
    const format = formatOf(contentType, url);
    if (!format) {
      await res.body?.cancel().catch(() => undefined);
      throw new Unreadable('FL166', `the address answers with ${contentType ?? 'no content type'}, not an article`);
    }
    const declared = Number(res.headers.get('content-length') ?? NaN);
    if (declared > opts.maxBytes) {
      await res.body?.cancel().catch(() => undefined);
      throw new Unreadable('FL163', `the response is ${mib(declared)}, the limit is ${mib(opts.maxBytes)} (maxFileSize)`);
    }
    const chunks: Uint8Array[] = [];
    let size = 0;
    if (res.body) {
      const reader = res.body.getReader();
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          size += value.byteLength;
          if (size > opts.maxBytes) {
            await reader.cancel().catch(() => undefined);
            throw new Unreadable('FL163', `the response is larger than the limit of ${mib(opts.maxBytes)} (maxFileSize); it was not read further`);
          }
          chunks.push(value);
        }
      } catch (e) {
        if (e instanceof Unreadable) throw e;
        if (controller.signal.aborted) throw timedOut();
        throw new Unreadable('FL165', `the connection broke while reading (${(e as Error).message})`);
      }
    }
    const charset = /charset\s*=\s*"?([\w-]+)/iu.exec(contentType ?? '')?.[1];
    return { url: url.href, bytes: Buffer.concat(chunks), format, ...(charset ? { charset } : {}) };
  } finally {
    clearTimeout(timer);
  }
}
