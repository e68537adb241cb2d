import { createRequire } from 'node:module';

// The encoding detector and legacy decoders are required on first use: UTF-8 files, nearly all input, never need
// them, and loading them costs start-up time on every run.
const require = createRequire(import.meta.url);
let iconvModule: typeof import('iconv-lite') | undefined;
let jschardetModule: typeof import('jschardet') | undefined;
const iconv = (): typeof import('iconv-lite') => (iconvModule ??= require('iconv-lite') as typeof import('iconv-lite'));
const detect: typeof import('jschardet').detect = (...args) => (jschardetModule ??= require('jschardet') as typeof import('jschardet')).detect(...args);

/**
 * Bytes → text for the load stage. Pure (no file system), so every odd input can be tested from a buffer.
 *
 * Order of decisions:
 *   1. byte order mark (UTF-8, UTF-16 LE/BE, UTF-32 LE/BE): trust it, remove it;
 *   2. magic numbers of common non-text formats (PDF, images, archives, Office files) → binary;
 *   3. UTF-16 without a BOM (NUL bytes on one parity only, clean decode) → decoded with a warning (FL111);
 *   4. NUL bytes or many control characters → binary;
 *   5. valid UTF-8 → as is; UTF-8 with a few bad sequences → U+FFFD and a warning (FL110);
 *   6. otherwise a legacy 8-bit encoding, guessed by jschardet among `LEGACY_ENCODINGS`, decoded by iconv-lite (FL112).
 *
 * Nothing but the leading BOM is removed: CR, CRLF, control characters and unusual spaces stay, because every
 * later offset points into the returned text. The one transformation: text decoded from Windows-1258 is
 * NFC-normalised, because that encoding stores Vietnamese tone marks as separate combining characters and the
 * same article saved as UTF-8 is precomposed; the normalised string is the source text, so offsets stay valid.
 */

export type DecodeResult =
  | {
      ok: true;
      text: string;
      /** Lower-case WHATWG-style label: utf-8, utf-16le, windows-1251, koi8-r, … */
      encoding: string;
      /** Non-fatal notes, each starting with its code: `FL112: decoded as windows-1258 (guessed…)`. */
      warnings: string[];
    }
  | { ok: false; code: 'FL105'; reason: string };

export interface DecodeOptions {
  /** Legacy encodings the detector may choose among; default `LEGACY_ENCODINGS`. */
  legacyEncodings?: readonly string[];
}

/**
 * The 8-bit encodings editors in our target languages still produce: Windows code pages for Central/Western
 * European, Cyrillic, Greek, Turkish, Baltic and Vietnamese text, KOI8-R/U and DOS 866 for Russian/Ukrainian,
 * ISO-8859-2/5/15. Restricting the detector to these avoids exotic guesses (hp-roman8 for French, MacCyrillic
 * for Windows-1251) on short texts. ISO-8859-1 is decoded as its superset Windows-1252.
 */
export const LEGACY_ENCODINGS: readonly string[] = [
  'windows-1250',
  'windows-1251',
  'windows-1252',
  'windows-1253',
  'windows-1254',
  'windows-1257',
  'windows-1258',
  'koi8-r',
  'koi8-u',
  'ibm866',
  'iso-8859-2',
  'iso-8859-5',
  'iso-8859-15',
];

/** How many bytes the binary and UTF-16 sniffers look at. */
const SNIFF_BYTES = 64 * 1024;

interface Magic {
  bytes: readonly number[];
  at?: number;
  what: string;
}

const ascii = (s: string): number[] => [...s].map((c) => c.charCodeAt(0));

const MAGIC: readonly Magic[] = [
  { bytes: ascii('%PDF-'), what: 'PDF document' },
  { bytes: [0x89, ...ascii('PNG\r\n'), 0x1a, 0x0a], what: 'PNG image' },
  { bytes: [0xff, 0xd8, 0xff], what: 'JPEG image' },
  { bytes: ascii('GIF87a'), what: 'GIF image' },
  { bytes: ascii('GIF89a'), what: 'GIF image' },
  { bytes: ascii('WEBP'), at: 8, what: 'WebP image' },
  { bytes: [0x49, 0x49, 0x2a, 0x00], what: 'TIFF image' },
  { bytes: [0x4d, 0x4d, 0x00, 0x2a], what: 'TIFF image' },
  { bytes: ascii('ftyp'), at: 4, what: 'MP4/HEIC media file' },
  { bytes: ascii('ID3'), what: 'MP3 audio' },
  { bytes: [0x50, 0x4b, 0x03, 0x04], what: 'ZIP archive (also .docx, .odt, .epub)' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], what: 'Microsoft Office document (.doc, .xls)' },
  { bytes: [0x1f, 0x8b], what: 'gzip archive' },
  { bytes: ascii('BZh'), what: 'bzip2 archive' },
  { bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], what: '7-Zip archive' },
  { bytes: ascii('Rar!'), what: 'RAR archive' },
  { bytes: [0x7f, ...ascii('ELF')], what: 'executable' },
];

const startsWith = (b: Uint8Array, sig: readonly number[], at = 0): boolean =>
  b.length >= at + sig.length && sig.every((x, i) => b[at + i] === x);

/** The kind of non-text file the bytes start like, if any. */
export function sniffMagic(bytes: Uint8Array): string | undefined {
  return MAGIC.find((m) => startsWith(bytes, m.bytes, m.at ?? 0))?.what;
}

/** 1-based line of a byte offset; \r\n, \r and \n each end a line, as in the later stages. */
export function lineAtByte(bytes: Uint8Array, offset: number): number {
  let line = 1;
  const end = Math.min(offset, bytes.length);
  for (let i = 0; i < end; i++) {
    const b = bytes[i];
    if (b === 0x0a || (b === 0x0d && bytes[i + 1] !== 0x0a)) line++;
  }
  return line;
}

export interface Utf8Scan {
  /** Well-formed sequences of 2–4 bytes. */
  multibyte: number;
  /** Ill-formed subsequences (each becomes one U+FFFD, as TextDecoder does). */
  invalid: number;
  /** Byte offset of the first ill-formed subsequence, -1 when none. */
  firstInvalid: number;
}

/** Counts well-formed and ill-formed UTF-8 sequences (Unicode "maximal subpart" rule, as WHATWG decoders). */
export function scanUtf8(b: Uint8Array): Utf8Scan {
  let multibyte = 0;
  let invalid = 0;
  let firstInvalid = -1;
  const bad = (at: number): void => {
    invalid++;
    if (firstInvalid < 0) firstInvalid = at;
  };
  let i = 0;
  const n = b.length;
  while (i < n) {
    const c = b[i] ?? 0;
    if (c < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) need = 1;
    else if (c >= 0xe0 && c <= 0xef) {
      need = 2;
      if (c === 0xe0) lo = 0xa0;
      if (c === 0xed) hi = 0x9f;
    } else if (c >= 0xf0 && c <= 0xf4) {
      need = 3;
      if (c === 0xf0) lo = 0x90;
      if (c === 0xf4) hi = 0x8f;
    } else {
      bad(i);
      i++;
      continue;
    }
    let j = 1;
    for (; j <= need; j++) {
      const d = b[i + j];
      if (d === undefined || d < lo || d > hi) break;
      lo = 0x80;
      hi = 0xbf;
    }
    if (j > need) {
      multibyte++;
      i += need + 1;
    } else {
      bad(i);
      i += j;
    }
  }
  return { multibyte, invalid, firstInvalid };
}

/** "A few bad bytes in a UTF-8 file" rather than "a file in another encoding". */
const looksLikeDamagedUtf8 = (s: Utf8Scan): boolean =>
  s.multibyte > 0 && s.invalid <= Math.min(s.multibyte, Math.max(3, s.multibyte / 10));

const isControl = (b: number): boolean => (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d && b !== 0x0b && b !== 0x1b) || b === 0x7f;

/** Controls (other than whitespace and ESC) in decoded text: a UTF-16 guess that yields these is wrong. */
const CONTROL_CHARS = /[\u0000-\u0008\u000e-\u001a\u001c-\u001f\u007f]/u;

/** UTF-16 without a BOM: NUL bytes on exactly one parity, and the decode is clean. */
function sniffUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  if (bytes.length < 4 || bytes.length % 2 !== 0) return undefined;
  const n = Math.min(bytes.length, SNIFF_BYTES);
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i++) if (bytes[i] === 0) i % 2 === 0 ? even++ : odd++;
  // Spaces, digits and Latin letters have a zero high byte; a stray NUL in 8-bit text is far below 10 %.
  const units = n / 2;
  const label = even === 0 && odd >= units / 10 ? 'utf-16le' : odd === 0 && even >= units / 10 ? 'utf-16be' : undefined;
  if (!label) return undefined;
  try {
    const text = new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes);
    return CONTROL_CHARS.test(text) ? undefined : label;
  } catch {
    return undefined;
  }
}

/** Why these bytes are not text, or undefined. Run after BOM handling and the UTF-16 sniff. */
function sniffBinary(bytes: Uint8Array): string | undefined {
  const what = sniffMagic(bytes);
  if (what) return `binary file (${what})`;
  const nul = bytes.indexOf(0);
  if (nul >= 0) return `binary file (NUL byte on line ${lineAtByte(bytes, nul)})`;
  const n = Math.min(bytes.length, SNIFF_BYTES);
  let controls = 0;
  for (let i = 0; i < n; i++) if (isControl(bytes[i] ?? 0)) controls++;
  if (controls > n * 0.1) return `binary file (${Math.round((100 * controls) / n)}% control characters)`;
  return undefined;
}

/** Decodes with TextDecoder; a warning (FL110) when it had to replace ill-formed input. */
function decodeUnicode(bytes: Uint8Array, label: 'utf-8' | 'utf-16le' | 'utf-16be', shown: string): { text: string; warnings: string[] } {
  try {
    return { text: new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes), warnings: [] };
  } catch {
    const text = new TextDecoder(label, { ignoreBOM: true }).decode(bytes);
    const line = text.slice(0, text.indexOf('\uFFFD')).split(/\r\n|\r|\n/u).length;
    return { text, warnings: [`FL110: invalid ${shown} replaced with U+FFFD, the first on line ${line}; re-save the file as ${shown}`] };
  }
}

/** jschardet and iconv-lite spell names differently (cp1258, Windows-1251, iso8859-15, IBM866); one label for the report. */
export function canonicalEncoding(name: string): string {
  const n = name.toLowerCase().replace(/_/gu, '-');
  const cp = /^(?:cp|windows-?)(125\d)$/u.exec(n);
  if (cp) return `windows-${cp[1]}`;
  const iso = /^iso-?8859-?(\d+)$/u.exec(n);
  if (iso) return `iso-8859-${iso[1]}`;
  if (n === 'cp866' || n === 'ibm866') return 'ibm866';
  return n;
}

function decodeLegacy(bytes: Uint8Array, candidates: readonly string[]): { text: string; encoding: string; warnings: string[] } | undefined {
  const guess = detect(bytes, { detectEncodings: [...candidates] });
  if (!guess.encoding || !iconv().encodingExists(guess.encoding)) return undefined;
  const encoding = canonicalEncoding(guess.encoding);
  let text = iconv().decode(bytes, guess.encoding, { stripBOM: false });
  let note = '';
  if (encoding === 'windows-1258') {
    text = text.normalize('NFC');
    note = ', tone marks composed (NFC)';
  }
  return {
    text,
    encoding,
    warnings: [`FL112: decoded as ${encoding} (guessed, confidence ${guess.confidence.toFixed(2)}${note}); convert the file to UTF-8`],
  };
}

/** Turns a file's bytes into its text, or says why it is not text. */
export function decodeBytes(bytes: Uint8Array, opts: DecodeOptions = {}): DecodeResult {
  // 1. Byte order marks. UTF-32 LE must be tested before UTF-16 LE (FF FE 00 00 starts with FF FE).
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    const { text, warnings } = decodeUnicode(bytes.subarray(3), 'utf-8', 'UTF-8');
    return { ok: true, text, encoding: 'utf-8', warnings };
  }
  if (startsWith(bytes, [0xff, 0xfe, 0, 0]) || startsWith(bytes, [0, 0, 0xfe, 0xff])) {
    const le = bytes[0] === 0xff;
    const text = iconv().decode(bytes.subarray(4), le ? 'utf-32le' : 'utf-32be', { stripBOM: false });
    return { ok: true, text, encoding: le ? 'utf-32le' : 'utf-32be', warnings: [] };
  }
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    const label = bytes[0] === 0xff ? 'utf-16le' : 'utf-16be';
    const { text, warnings } = decodeUnicode(bytes.subarray(2), label, label === 'utf-16le' ? 'UTF-16LE' : 'UTF-16BE');
    return { ok: true, text, encoding: label, warnings };
  }
  // 2. Known binary formats, before the UTF-16 sniff (a TIFF or PNG header can look like UTF-16).
  const what = sniffMagic(bytes);
  if (what) return { ok: false, code: 'FL105', reason: `binary file (${what})` };
  // 3. UTF-16 saved without a BOM.
  const u16 = sniffUtf16(bytes);
  if (u16) {
    const { text } = decodeUnicode(bytes, u16, u16);
    return {
      ok: true,
      text,
      encoding: u16,
      warnings: [`FL111: decoded as ${u16.toUpperCase()} without a byte order mark (guessed); convert the file to UTF-8`],
    };
  }
  // 4. Binary.
  const binary = sniffBinary(bytes);
  if (binary) return { ok: false, code: 'FL105', reason: binary };
  // 5. UTF-8, possibly damaged.
  const scan = scanUtf8(bytes);
  if (scan.invalid === 0) return { ok: true, text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes), encoding: 'utf-8', warnings: [] };
  const replaced = (): DecodeResult => ({
    ok: true,
    text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes),
    encoding: 'utf-8',
    warnings: [
      `FL110: ${scan.invalid} invalid UTF-8 sequence${scan.invalid === 1 ? '' : 's'} replaced with U+FFFD, the first on line ${lineAtByte(bytes, scan.firstInvalid)}; re-save the file as UTF-8`,
    ],
  });
  if (looksLikeDamagedUtf8(scan)) return replaced();
  // 6. A legacy 8-bit encoding.
  const legacy = decodeLegacy(bytes, opts.legacyEncodings ?? LEGACY_ENCODINGS);
  return legacy ? { ok: true, ...legacy } : replaced();
}
