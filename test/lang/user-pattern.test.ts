import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileLinePattern, PatternError, toRe2Syntax } from '../../src/lang/user-pattern.js';
import { languageFor } from '../../src/config.js';

/** Patterns a furniture list might hold, in JavaScript syntax (u flag), each with lines it should be tried on. */
const PATTERNS = [
  '^(?:Share|Chia sẻ|Поделиться)\\s*:?$',
  '^Share\\s+this$',
  '^\\S+ on (?:Facebook|X)$',
  '^\\d{1,2}:\\d{2}$',
  '^\\u0110\\u1ecdc th\\u00eam',
  '^\\u{1F4F7}',
  '^\\uD83D\\uDCF7 Photo',
  '^\\p{Lu}{2,}$',
  '\\p{Script=Cyrillic}+ \\d+',
  '^\\p{sc=Latin}+$',
  '^[^.!?]{1,40}$',
  '^.{3}$',
  '^[\\s\\d]+$',
  '^(?:Advertisement|Quảng cáo)$',
  '^[]$',
  '^[^]$',
  '^(?<word>\\w+)!$',
];
const LINES = [
  'Share', 'Share this', 'Share\u00a0this', 'Share\u2003this', 'Chia sẻ:', 'Поделиться', 'Follow us on Facebook', 'Reporter on X',
  '12:30', '9:5', 'Đọc thêm: tin liên quan', '\u{1F4F7} Photo', 'ABC', 'ÀBC', 'Ab', 'Москва 2024', 'Paris', 'Hà Nội',
  'a short line', 'A sentence. Another one.', 'a\u2028b', 'abc', 'a\nb', '12 34', '1\u00a02', 'Advertisement', 'Quảng cáo',
  '', 'x', `${'a'.repeat(44)}!`, 'aaaa', 'word!',
];

describe('user patterns run with RE2 and mean what they mean in JavaScript', () => {
  // (JavaScript itself never finishes `^(a+)+$` on 44 "a"s and "!": such patterns are compared on short lines only.)
  it.each([...PATTERNS, '^(a+)+$', '^(a|a)+$'])('%s', (p) => {
    const js = new RegExp(p, 'u');
    const linear = compileLinePattern(p);
    const lines = PATTERNS.includes(p) ? LINES : LINES.filter((l) => l.length < 20);
    for (const line of lines) expect(linear.test(line), `${p} on ${JSON.stringify(line)}`).toBe(js.test(line));
  });

  it('agree with JavaScript on arbitrary lines (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...PATTERNS), fc.string({ unit: 'grapheme', maxLength: 30 }), (p, line) => compileLinePattern(p).test(line) === new RegExp(p, 'u').test(line)),
      { numRuns: 500 },
    );
  });

  it('translates the JavaScript-only syntax', () => {
    expect(toRe2Syntax('\\u00e0\\u{1F4F7}\\uD83D\\uDCF7')).toBe('\\x{e0}\\x{1F4F7}\\x{1f4f7}');
    expect(toRe2Syntax('\\p{Script=Cyrillic}\\P{gc=Lu}')).toBe('\\p{Cyrillic}\\P{Lu}');
  });
});

describe('patterns that hang a backtracking engine finish', () => {
  it.each([
    ['^(a+)+$', `${'a'.repeat(44)}!`],
    ['^(a|a)+$', `${'a'.repeat(44)}!`],
    ['^.*a.*a.*a.*b$', 'a'.repeat(200_000)],
    ['(x+x+)+y', 'x'.repeat(100_000)],
  ])('%s', (p, line) => {
    expect(compileLinePattern(p).test(line)).toBe(false);
  }, 30_000);

  it('a languages glob with many stars against a long file name', () => {
    const name = `${'a'.repeat(250)}.txt`;
    expect(languageFor({ '*a*a*a*a*a*a*a*a*a*a*b': 'vi' }, name, '/tmp')).toBeUndefined();
    expect(languageFor({ '*a*a*a*.txt': 'vi' }, name, '/tmp')).toBe('vi');
  }, 30_000);
});

describe('what RE2 cannot run is refused with its reason', () => {
  it.each([
    ['(?<=Share) this', 'linear', /lookahead or lookbehind/],
    ['^(?!Advert)', 'linear', /lookahead or lookbehind/],
    ['^(\\w+) \\1$', 'linear', /backreference/],
    ['^(?<w>\\w+) \\k<w>$', 'linear', /backreference/],
    ['^(unclosed$', 'syntax', /Unterminated group/],
  ])('%s', (p, kind, message) => {
    let error: unknown;
    try { compileLinePattern(p); } catch (e) { error = e; }
    expect(error).toBeInstanceOf(PatternError);
    expect((error as PatternError).kind).toBe(kind);
    expect((error as PatternError).message).toMatch(message);
  });

  it('an escaped parenthesis or backslash is not taken for a lookaround or backreference', () => {
    expect(compileLinePattern('^\\(?=\\)$').test('(=)')).toBe(true);
    expect(compileLinePattern('^a\\\\1$').test('a\\1')).toBe(true);
  });
});
