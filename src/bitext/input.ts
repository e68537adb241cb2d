import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { FactlintError } from '../errors.js';
import { decodeBytes } from '../pipeline/decode.js';
import { readInputFile, type InputFile } from '../pipeline/load.js';
import type { BitextOptions } from './rows.js';

/** Bytes the encoding of a streamed file is judged on (and binary files recognised by). */
const HEAD_BYTES = 64 * 1024;

/** Reads a PO, XLIFF or TMX file whole, with the loader's checks (FL100, FL103–FL108, FL115, FL116) and decoding. */
export function readWhole(path: string, what: string, opts: BitextOptions): Promise<InputFile> {
  return readInputFile(path, what, {
    ...(opts.cwd !== undefined ? { cwd: opts.cwd } : {}),
    ...(opts.maxFileSize !== undefined ? { maxFileSize: opts.maxFileSize } : {}),
  });
}

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

/**
 * Opens a TSV or JSONL file for reading line by line. The loader's checks run first, on the file and its first
 * 64 KiB (missing, folder, device, empty, binary, unreadable, larger than maxFileSize as every input kind is), and the encoding found there
 * (UTF-8, UTF-16 or a legacy code page, as `load` decodes it) is used for the whole stream.
 */
export async function openLines(path: string, what: string, opts: BitextOptions): Promise<LineFile> {
  const cwd = resolve(opts.cwd ?? process.cwd());
  const abs = resolve(cwd, path);
  let head: Uint8Array = new Uint8Array();
  const checked = await readInputFile(path, what, {
    cwd,
    ...(opts.maxFileSize !== undefined ? { maxFileSize: opts.maxFileSize } : {}),
    fs: { readBytes: async (p, size) => (head = await readHead(p, size)) },
  });
  const decoded = decodeBytes(head);
  const encoding = decoded.ok ? decoded.encoding : 'utf-8';
  return {
    id: checked.id,
    warnings: checked.warnings,
    async *lines() {
      // iconv-lite is loaded here, on first use, as the loader's decoder loads it: plain text files never need it.
      const iconv = (await import('iconv-lite')).default;
      const stream = createReadStream(abs);
      const text = stream.pipe(iconv.decodeStream(encoding));
      stream.on('error', (e) => text.emit('error', e));
      const rl = createInterface({ input: text, crlfDelay: Infinity });
      let n = 0;
      try {
        for await (const line of rl) {
          n++;
          // As `load` does for text decoded from Windows-1258: compose Vietnamese tone marks.
          yield { text: encoding === 'windows-1258' ? line.normalize('NFC') : line, line: n };
        }
      } catch (e) {
        throw new FactlintError('FL107', `${what} cannot be read (${(e as Error).message})`, checked.id, n + 1, 'fix the permissions or copy the file somewhere readable');
      } finally {
        rl.close();
        stream.destroy();
      }
    },
  };
}
