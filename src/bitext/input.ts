import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { FactlintError } from '../errors.js';
import { decodeBytes } from '../pipeline/decode.js';
import { readInputFile } from '../pipeline/load.js';
import type { BitextOptions } from './rows.js';

/** Bytes the encoding of a streamed file is judged on (and binary files recognised by). */
const HEAD_BYTES = 64 * 1024;

export interface Line {
  text: string;
  /** 1-based. */
  line: number;
}

export interface LineFile {
  id: string;
  warnings: string[];
  /** Opens the file and yields its lines (without line ends); each call reads the file again. */
  lines(): AsyncIterable<Line>;
}

/** The first `size` bytes of a file, cut after the last line end when the file is longer (no half characters). */
async function readHead(path: string, size: number): Promise<Uint8Array> {
  const fh = await open(path, 'r');
  try {
    const want = Math.min(size, HEAD_BYTES);
    const buf = Buffer.alloc(want);
    let got = 0;
    while (got < want) {
      const { bytesRead } = await fh.read(buf, got, want - got, got);
      if (bytesRead === 0) break;
      got += bytesRead;
    }
    const head = buf.subarray(0, got);
    if (size <= HEAD_BYTES) return head;
    let cut = head.lastIndexOf(0x0a) + 1;
    if (cut === 0) return head;
    if (cut % 2 === 1 && head[cut] === 0) cut++; // UTF-16LE: keep the high byte of "\n"
    return head.subarray(0, cut);
  } finally {
    await fh.close();
  }
}

interface Opened {
  id: string;
  warnings: string[];
  abs: string;
  /** The encoding found in the first 64 KiB, used for the whole stream. */
  encoding: string;
}

/**
 * The loader's checks on a file read as a stream, run on the file and its first 64 KiB (missing, folder, device,
 * empty, binary, unreadable, larger than maxFileSize as every input kind is), and the encoding found there (UTF-8,
 * UTF-16 or a legacy code page, as `load` decodes it), which is used for the whole stream.
 */
async function openChecked(path: string, what: string, opts: BitextOptions): Promise<Opened> {
  const cwd = resolve(opts.cwd ?? process.cwd());
  const abs = resolve(cwd, path);
  let head: Uint8Array = new Uint8Array();
  const checked = await readInputFile(path, what, {
    cwd,
    ...(opts.maxFileSize !== undefined ? { maxFileSize: opts.maxFileSize } : {}),
    fs: { readBytes: async (p, size) => (head = await readHead(p, size)) },
  });
  const decoded = decodeBytes(head);
  return { id: checked.id, warnings: checked.warnings, abs, encoding: decoded.ok ? decoded.encoding : 'utf-8' };
}

/**
 * The file's bytes (`stream`, to destroy when done) and their text in the file's encoding (`text`, which also
 * carries a read error). iconv-lite is loaded here, on first use, as the loader's decoder loads it: plain text files
 * never need it.
 */
async function decodeFile(f: Opened): Promise<{ stream: ReturnType<typeof createReadStream>; text: NodeJS.ReadWriteStream }> {
  const iconv = (await import('iconv-lite')).default;
  const stream = createReadStream(f.abs);
  const text = stream.pipe(iconv.decodeStream(f.encoding));
  stream.on('error', (e) => text.emit('error', e));
  return { stream, text };
}

/** The file decoded, in chunks; `what` names it in the FL107 of a read that fails. */
async function* decodedChunks(f: Opened, what: string): AsyncGenerator<string> {
  const { stream, text } = await decodeFile(f);
  try {
    for await (const chunk of text) yield chunk as string;
  } catch (e) {
    throw new FactlintError('FL107', `${what} cannot be read (${(e as Error).message})`, f.id, undefined, 'fix the permissions or copy the file somewhere readable');
  } finally {
    stream.destroy();
  }
}

/**
 * Opens a TSV or JSONL file for reading line by line, after the loader's checks (`openChecked`).
 */
export async function openLines(path: string, what: string, opts: BitextOptions): Promise<LineFile> {
  const f = await openChecked(path, what, opts);
  return {
    id: f.id,
    warnings: f.warnings,
    async *lines() {
      const { stream, text } = await decodeFile(f);
      const rl = createInterface({ input: text, crlfDelay: Infinity });
      let n = 0;
      try {
        for await (const line of rl) {
          n++;
          // As `load` does for text decoded from Windows-1258: compose Vietnamese tone marks.
          yield { text: f.encoding === 'windows-1258' ? line.normalize('NFC') : line, line: n };
        }
      } catch (e) {
        throw new FactlintError('FL107', `${what} cannot be read (${(e as Error).message})`, f.id, n + 1, 'fix the permissions or copy the file somewhere readable');
      } finally {
        rl.close();
        stream.destroy();
      }
    },
  };
}

export interface TextFile {
  id: string;
  warnings: string[];
  /** Opens the file and yields its text in chunks of any length; each call reads the file again. */
  chunks(): AsyncIterable<string>;
}

/**
 * Opens a PO, XLIFF or TMX file for reading as a stream of text, after the loader's checks (`openChecked`). Text
 * decoded from Windows-1258 has its Vietnamese tone marks composed (NFC), as `load` does, a line at a time.
 */
export async function openText(path: string, what: string, opts: BitextOptions): Promise<TextFile> {
  const f = await openChecked(path, what, opts);
  return {
    id: f.id,
    warnings: f.warnings,
    async *chunks() {
      if (f.encoding !== 'windows-1258') {
        yield* decodedChunks(f, what);
        return;
      }
      // Composed a line at a time: a base letter and its combining mark are never on two lines.
      let carry = '';
      for await (const chunk of decodedChunks(f, what)) {
        const s = carry + chunk;
        const cut = s.lastIndexOf('\n') + 1;
        carry = s.slice(cut);
        if (cut > 0) yield s.slice(0, cut).normalize('NFC');
      }
      if (carry) yield carry.normalize('NFC');
    },
  };
}

/** A push parser: given the text chunk by chunk, it reports what it read (to a handler of its own). */
export interface PushParser {
  write(chunk: string): void;
  end(): void;
}

/**
 * Reads a file through a push parser and yields what the parser put into `out` after each chunk, so memory holds a
 * chunk's worth of rows, not the file's.
 */
export async function* pushThrough<T>(file: TextFile, parser: PushParser, out: T[]): AsyncGenerator<T> {
  for await (const chunk of file.chunks()) {
    parser.write(chunk);
    if (out.length > 0) yield* out.splice(0);
  }
  parser.end();
  if (out.length > 0) yield* out.splice(0);
}
