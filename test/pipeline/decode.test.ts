import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { canonicalEncoding, decodeBytes, lineAtByte, scanUtf8, sniffMagic } from '../../src/pipeline/decode.js';

const VI = 'Thủ tướng phát biểu tại Hà Nội ngày 5 tháng 3. Ông cho biết chính phủ sẽ tăng đầu tư công và hỗ trợ doanh nghiệp nhỏ trong năm nay.';
const RU =
  'Президент России заявил в понедельник, что правительство выделит 12 миллиардов рублей на восстановление дорог в регионе. ' +
  'По словам министра, работы начнутся весной и завершатся к концу года.';
const FR = 'Le café est une boisson très populaire en France. Élève, où êtes-vous allé hier soir ?';

/**
 * Windows-1258 has precomposed letters for the vowel shapes (â ê ô ơ ư ă) but stores the five tone marks as
 * combining characters, so a writer produces "base letter + tone mark"; iconv-lite only maps single characters.
 */
const TONES = new Set(['\u0300', '\u0301', '\u0303', '\u0309', '\u0323']);
const toCp1258Form = (s: string): string =>
  [...s.normalize('NFC')]
    .map((ch) => {
      const parts = [...ch.normalize('NFD')];
      return parts.filter((c) => !TONES.has(c)).join('').normalize('NFC') + parts.filter((c) => TONES.has(c)).join('');
    })
    .join('');

const ok = (r: ReturnType<typeof decodeBytes>) => {
  if (!r.ok) throw new Error(`expected text, got ${r.code}: ${r.reason}`);
  return r;
};

describe('decodeBytes: Unicode', () => {
  it('reads plain UTF-8 as is, with no warning', () => {
    const r = ok(decodeBytes(Buffer.from(VI, 'utf8')));
    expect(r).toEqual({ ok: true, text: VI, encoding: 'utf-8', warnings: [] });
  });

  it('removes a leading UTF-8 BOM and nothing else (a second U+FEFF, CR, CRLF stay)', () => {
    const body = 'a\r\nb\rc\n\uFEFFd\u0007';
    const r = ok(decodeBytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(body, 'utf8')])));
    expect(r.text).toBe(body);
    expect(r.warnings).toEqual([]);
  });

  it('keeps decomposed UTF-8 as it is (only Windows-1258 is normalised)', () => {
    const nfd = VI.normalize('NFD');
    expect(ok(decodeBytes(Buffer.from(nfd, 'utf8'))).text).toBe(nfd);
  });

  it.each([
    ['utf-16le', [0xff, 0xfe], (s: string) => Buffer.from(s, 'utf16le')],
    ['utf-16be', [0xfe, 0xff], (s: string) => Buffer.from(s, 'utf16le').swap16()],
    ['utf-32le', [0xff, 0xfe, 0, 0], (s: string) => iconv.encode(s, 'utf32le')],
    ['utf-32be', [0, 0, 0xfe, 0xff], (s: string) => iconv.encode(s, 'utf32be')],
  ])('decodes %s with a BOM, without a warning, BOM removed', (label, bom, enc) => {
    for (const text of [VI, RU, 'Line one\r\nLine two']) {
      const r = ok(decodeBytes(Buffer.concat([Buffer.from(bom), enc(text)])));
      expect(r.encoding).toBe(label);
      expect(r.text).toBe(text);
      expect(r.warnings).toEqual([]);
    }
  });

  it.each([
    ['utf-16le', (s: string) => Buffer.from(s, 'utf16le')],
    ['utf-16be', (s: string) => Buffer.from(s, 'utf16le').swap16()],
  ])('guesses %s without a BOM (FL111) instead of calling it binary', (label, enc) => {
    for (const text of ['Prime Minister speaks in Hanoi on March 5.', RU, VI]) {
      const r = ok(decodeBytes(enc(text)));
      expect(r.encoding).toBe(label);
      expect(r.text).toBe(text);
      expect(r.warnings).toHaveLength(1);
      expect(r.warnings[0]).toMatch(/^FL111: decoded as UTF-16/);
    }
  });

  it('replaces a few invalid UTF-8 bytes (FL110), naming the line of the first', () => {
    const bytes = Buffer.concat([Buffer.from(`${VI}\r\nLine 2\rLine 3\nLine 4 `, 'utf8'), Buffer.from([0xff]), Buffer.from(' end ộ', 'utf8')]);
    const r = ok(decodeBytes(bytes));
    expect(r.encoding).toBe('utf-8');
    expect(r.text).toBe(`${VI}\r\nLine 2\rLine 3\nLine 4 \uFFFD end ộ`);
    expect(r.warnings).toEqual(['FL110: 1 invalid UTF-8 sequence replaced with U+FFFD, the first on line 4; re-save the file as UTF-8']);
  });

  it('replaces invalid UTF-16 (a lone surrogate) with a FL110 warning', () => {
    const r = ok(decodeBytes(Buffer.from([0xff, 0xfe, 0x41, 0x00, 0x0a, 0x00, 0x00, 0xd8, 0x42, 0x00])));
    expect(r.text).toBe('A\n\uFFFDB');
    expect(r.warnings[0]).toMatch(/^FL110: invalid UTF-16LE .* line 2/);
  });
});

describe('decodeBytes: legacy 8-bit encodings (FL112)', () => {
  it.each([
    ['windows-1258', 'Vietnamese', VI, (s: string) => iconv.encode(toCp1258Form(s), 'windows1258')],
    ['windows-1258', 'Vietnamese (one line)', 'Thủ tướng phát biểu tại Hà Nội ngày 5 tháng 3', (s: string) => iconv.encode(toCp1258Form(s), 'windows1258')],
    ['windows-1251', 'Russian', RU, (s: string) => iconv.encode(s, 'windows1251')],
    ['koi8-r', 'Russian', RU, (s: string) => iconv.encode(s, 'koi8r')],
    ['ibm866', 'Russian', RU, (s: string) => iconv.encode(s, 'cp866')],
    ['windows-1252', 'French', FR, (s: string) => iconv.encode(s, 'windows1252')],
    ['windows-1252', 'English with one Latin-1 byte', 'The café opened on Monday.', (s: string) => iconv.encode(s, 'latin1')],
  ])('detects %s (%s), decodes it and warns naming the encoding', (encoding, _what, text, enc) => {
    const r = ok(decodeBytes(enc(text)));
    expect(r.encoding).toBe(encoding);
    // Windows-1258 text is NFC-normalised (documented in decode.ts); the others come out exactly as written.
    expect(r.text).toBe(text.normalize('NFC'));
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0]).toMatch(new RegExp(`^FL112: decoded as ${encoding} \\(guessed, confidence 0\\.\\d\\d.*\\); convert the file to UTF-8$`));
  });

  it('keeps CRLF line ends in legacy text', () => {
    const r = ok(decodeBytes(iconv.encode(`${RU}\r\n${RU}\r\n`, 'windows1251')));
    expect(r.text).toBe(`${RU}\r\n${RU}\r\n`);
  });

  it('treats text that is mostly invalid UTF-8 as legacy even with an accidental valid sequence', () => {
    // "Вё" in Windows-1251 is C2 B8, which happens to be valid UTF-8 (U+00B8).
    const r = ok(decodeBytes(iconv.encode(`Вёдра. ${RU}`, 'windows1251')));
    expect(r.encoding).toBe('windows-1251');
    expect(r.text).toBe(`Вёдра. ${RU}`);
  });
});

describe('decodeBytes: binary files (FL105)', () => {
  it.each([
    ['PDF', Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n', 'latin1'), /PDF document/],
    ['PNG', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]), /PNG image/],
    ['JPEG', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46]), /JPEG image/],
    ['GIF', Buffer.from('GIF89a\x01\x00\x01\x00', 'latin1'), /GIF image/],
    ['DOCX (ZIP)', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]), /ZIP archive/],
    ['DOC (OLE)', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), /Office document/],
    ['NUL bytes', Buffer.from('line one\nline two\n\0\0\x01\x02garbage', 'latin1'), /NUL byte on line 3/],
    ['control characters', Buffer.from(Array.from({ length: 400 }, (_, i) => (i % 3 === 0 ? 0x01 : 0x41))), /control characters/],
    ['random bytes', Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256)), /binary file/],
  ])('%s', (_what, bytes, reason) => {
    const r = decodeBytes(bytes);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.code).toBe('FL105');
    expect(r.reason).toMatch(reason);
  });

  it('does not take text starting like a magic number for binary unless the signature is complete', () => {
    expect(sniffMagic(Buffer.from('GIF is a format', 'utf8'))).toBeUndefined();
    expect(sniffMagic(Buffer.from('PK is not a zip', 'utf8'))).toBeUndefined();
  });
});

describe('helpers', () => {
  it.each([
    [[0x41], 0, 0, -1],
    [[0xc3, 0xa9], 1, 0, -1],
    [[0xc0, 0x80], 0, 2, 0], // overlong
    [[0xed, 0xa0, 0x80], 0, 3, 0], // surrogate
    [[0xe2, 0x82], 0, 1, 0], // truncated: one maximal subpart
    [[0x41, 0xf4, 0x90, 0x80, 0x80], 0, 4, 1], // above U+10FFFF
    [[0xf0, 0x9f, 0x98, 0x80, 0xff], 1, 1, 4],
  ])('scanUtf8(%j) → %i valid, %i invalid, first at %i', (bytes, multibyte, invalid, firstInvalid) => {
    expect(scanUtf8(Uint8Array.from(bytes))).toEqual({ multibyte, invalid, firstInvalid });
  });

  it('scanUtf8 counts exactly the U+FFFD that TextDecoder produces', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        const decoded = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
        const literal = Buffer.from(bytes).toString('latin1').split('\xef\xbf\xbd').length - 1;
        expect(scanUtf8(bytes).invalid).toBe(decoded.split('\uFFFD').length - 1 - literal);
      }),
    );
  });

  it('decodeBytes never throws, and its warnings carry a code', () => {
    fc.assert(
      fc.property(fc.oneof(fc.uint8Array({ maxLength: 200 }), fc.string({ unit: 'grapheme' }).map((s) => Buffer.from(s, 'utf8'))), (bytes) => {
        const r = decodeBytes(bytes);
        if (r.ok) for (const w of r.warnings) expect(w).toMatch(/^FL11\d: /);
        else expect(r.code).toBe('FL105');
      }),
    );
  });

  it.each([
    ['a\nb\nc', 4, 3],
    ['a\r\nb\r\nc', 6, 3],
    ['a\rb\rc', 4, 3],
    ['abc', 2, 1],
  ])('lineAtByte(%j, %i) = %i', (s, offset, line) => {
    expect(lineAtByte(Buffer.from(s, 'latin1'), offset)).toBe(line);
  });

  it.each([
    ['cp1258', 'windows-1258'],
    ['Windows-1251', 'windows-1251'],
    ['KOI8-R', 'koi8-r'],
    ['iso8859-15', 'iso-8859-15'],
    ['IBM866', 'ibm866'],
  ])('canonicalEncoding(%s) = %s', (name, label) => {
    expect(canonicalEncoding(name)).toBe(label);
  });
});
