import { Unreadable } from './result.js';

/**
 * Opens the ZIP container of a .docx or .odt safely, before any parser sees it. The central directory is read by
 * hand (a few dozen lines; the format is APPNOTE.TXT), and every entry is inflated with fflate's streaming inflater,
 * counting bytes and stopping at the limit: a zip bomb is refused after inflating at most `limit` bytes, whatever
 * sizes its headers declare. Encrypted entries and Office's encrypted container (an OLE compound file holding an
 * "EncryptedPackage") are reported as encrypted. The entries `keep` asks for are returned inflated.
 */

/** Uncompressed bytes a document may expand to, all entries together. */
export const MAX_EXPANDED = 256 * 1024 * 1024;

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** "EncryptedPackage" as an OLE directory entry name (UTF-16LE). */
const ENCRYPTED_PACKAGE = Buffer.from('EncryptedPackage', 'utf16le');

interface Entry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

const u16 = (b: Uint8Array, o: number): number => (b[o] ?? 0) | ((b[o + 1] ?? 0) << 8);
const u32 = (b: Uint8Array, o: number): number => (u16(b, o) + u16(b, o + 2) * 0x10000);
const u64 = (b: Uint8Array, o: number): number => u32(b, o) + u32(b, o + 4) * 0x1_0000_0000;

function centralDirectory(bytes: Uint8Array, what: string): Entry[] {
  if (OLE_MAGIC.every((v, i) => bytes[i] === v)) {
    if (Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(ENCRYPTED_PACKAGE)) {
      throw new Unreadable('FL151', `the ${what} is encrypted with a password (an Office encrypted package)`);
    }
    throw new Unreadable('FL150', `not a ${what}: this is an older binary Office file (Word 97-2003 .doc or similar) with a new name`);
  }
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) throw new Unreadable('FL150', `not a ${what}: it is not a ZIP archive`);
  // End of central directory: the last "PK\5\6" within the final 64 KiB + 22 bytes.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 65557); i--) {
    if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && bytes[i + 2] === 5 && bytes[i + 3] === 6) { eocd = i; break; }
  }
  if (eocd < 0) throw new Unreadable('FL150', `damaged ${what}: the ZIP archive has no central directory (truncated?)`);
  let count = u16(bytes, eocd + 10);
  let offset = u32(bytes, eocd + 16);
  // ZIP64: the locator sits just before the end record.
  if ((offset === 0xffffffff || count === 0xffff) && eocd >= 20 && u32(bytes, eocd - 20) === 0x07064b50) {
    const z = u64(bytes, eocd - 12);
    if (u32(bytes, z) === 0x06064b50) { count = u64(bytes, z + 32); offset = u64(bytes, z + 48); }
  }
  const entries: Entry[] = [];
  let p = offset;
  for (let k = 0; k < count; k++) {
    if (p + 46 > bytes.length || u32(bytes, p) !== 0x02014b50) throw new Unreadable('FL150', `damaged ${what}: the ZIP central directory is cut or corrupt`);
    const nameLen = u16(bytes, p + 28);
    const extraLen = u16(bytes, p + 30);
    const commentLen = u16(bytes, p + 32);
    let size = u32(bytes, p + 24);
    let compressedSize = u32(bytes, p + 20);
    let localOffset = u32(bytes, p + 42);
    // ZIP64 extended information: 8-byte values for the fields written as 0xFFFFFFFF, in this order.
    for (let x = p + 46 + nameLen; x + 4 <= p + 46 + nameLen + extraLen;) {
      const id = u16(bytes, x);
      const len = u16(bytes, x + 2);
      if (id === 1) {
        let q = x + 4;
        if (size === 0xffffffff) { size = u64(bytes, q); q += 8; }
        if (compressedSize === 0xffffffff) { compressedSize = u64(bytes, q); q += 8; }
        if (localOffset === 0xffffffff) localOffset = u64(bytes, q);
      }
      x += 4 + len;
    }
    const name = Buffer.from(bytes.buffer, bytes.byteOffset + p + 46, nameLen).toString('utf8');
    entries.push({ name, method: u16(bytes, p + 10), flags: u16(bytes, p + 8), compressedSize, size, localOffset });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/**
 * Checks the whole archive and returns the entries `keep` selects, inflated. Throws Unreadable: FL150 (not a ZIP,
 * damaged), FL151 (encrypted), FL152 (expands beyond `limit`).
 */
export async function openZip(bytes: Uint8Array, what: string, keep: (name: string) => boolean, limit = MAX_EXPANDED): Promise<Map<string, Uint8Array>> {
  const entries = centralDirectory(bytes, what);
  const { Inflate } = await import('fflate');
  const kept = new Map<string, Uint8Array>();
  let total = 0;
  const tooBig = (): Unreadable =>
    new Unreadable('FL152', `the ${what} expands to more than ${(limit / 1048576).toFixed(0)} MiB (a zip bomb, or a document full of media); it was not read`);
  for (const e of entries) {
    if (e.name.endsWith('/')) continue;
    if (e.flags & 1) throw new Unreadable('FL151', `the ${what} is encrypted (ZIP entry ${e.name} needs a password)`);
    if (e.size > limit - total) throw tooBig();
    const lh = e.localOffset;
    if (lh + 30 > bytes.length || u32(bytes, lh) !== 0x04034b50) throw new Unreadable('FL150', `damaged ${what}: entry ${e.name} is not where the directory says`);
    const start = lh + 30 + u16(bytes, lh + 26) + u16(bytes, lh + 28);
    const data = bytes.subarray(start, start + e.compressedSize);
    if (data.length < e.compressedSize) throw new Unreadable('FL150', `damaged ${what}: entry ${e.name} is cut short`);
    const want = keep(e.name);
    const chunks: Uint8Array[] = [];
    let got = 0;
    if (e.method === 0) {
      got = data.length;
      if (want) chunks.push(data);
    } else if (e.method === 8) {
      let over = false;
      const inf = new Inflate((chunk) => {
        got += chunk.length;
        if (total + got > limit) over = true;
        else if (want) chunks.push(chunk);
      });
      try {
        // Fed in slices, so that a bomb is stopped after about one slice's expansion beyond the limit.
        for (let o = 0; o < data.length && !over; o += 16384) inf.push(data.subarray(o, o + 16384), o + 16384 >= data.length);
      } catch (err) {
        throw new Unreadable('FL150', `damaged ${what}: entry ${e.name} cannot be inflated (${(err as Error).message})`);
      }
      if (over) throw tooBig();
    } else {
      throw new Unreadable('FL150', `the ${what} uses a ZIP compression method (${e.method}) that Office programs do not write`);
    }
    total += got;
    if (total > limit) throw tooBig();
    if (want) kept.set(e.name, chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks));
  }
  return kept;
}
