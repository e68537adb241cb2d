import { describe, expect, it } from 'vitest';
import { defuseJson, defuseWorkflowCommands, escapeControls, escapeXmlText, terminalName } from '../../src/report/escape.js';

describe('terminalName: a name for a terminal or CI log, quoted and escaped only when it must be', () => {
  it.each([
    ['stories/en.txt', 'stories/en.txt'],
    ['tin tức/bài 1.txt', 'tin tức/bài 1.txt'],
    ['a\nb.txt', '"a\\nb.txt"'],
    ['a\rb\tc.txt', '"a\\rb\\tc.txt"'],
    ['\u001b[31mred.txt', '"\\x1b[31mred.txt"'],
    ['nel\u0085.txt', '"nel\\x85.txt"'],
    ['abc\u202Etxt.exe', '"abc\\u202etxt.exe"'],
    ['iso\u2066late\u2069.txt', '"iso\\u2066late\\u2069.txt"'],
    ['line\u2028sep.txt', '"line\\u2028sep.txt"'],
    ['::error::x.txt', '"::error::x.txt"'],
    ['  ::warning::x.txt', '"  ::warning::x.txt"'],
    ['a ##[error]x.txt', '"a ##\\x5berror]x.txt"'],
    ['say "hi"\\.txt', '"say \\"hi\\"\\\\.txt"'],
    ['c:d::e.txt', 'c:d::e.txt'],
  ])('%j -> %s', (input, expected) => {
    expect(terminalName(input)).toBe(expected);
    expect(terminalName(input)).not.toMatch(/[\n\r\u202e]/u);
  });
});

describe('escapeControls: one line, nothing a runner obeys, no reordering', () => {
  it.each([
    ['plain text: 1,5 tỷ', 'plain text: 1,5 tỷ'],
    ['two\nlines', 'two\\nlines'],
    ['a ##[add-mask]Failed', 'a ##\\x5badd-mask]Failed'],
    ['\u202Edesrever', '\\u202edesrever'],
  ])('%j -> %s', (input, expected) => {
    expect(escapeControls(input)).toBe(expected);
  });
});

describe('defuseWorkflowCommands: the last guard on printed lines', () => {
  it('changes only lines that start with `::` after blanks, and `##[` anywhere', () => {
    expect(defuseWorkflowCommands('ok: a::b\n::error::x\n  ::notice::y\r::warning::z\nthe ##[group]g\n')).toBe(
      'ok: a::b\n\\x3a:error::x\n  \\x3a:notice::y\r\\x3a:warning::z\nthe ##\\x5bgroup]g\n',
    );
  });
  it('a line starting with a no-break or zero-width character is a line start too', () => {
    expect(defuseWorkflowCommands('\u00a0::error::x\n\u200b::error::y')).toBe('\u00a0\\x3a:error::x\n\u200b\\x3a:error::y');
  });
});

describe('the formats keep their meaning', () => {
  it('JSON: `##[` becomes a \\u escape that parses to the same string', () => {
    const json = defuseJson(JSON.stringify({ text: 'a ##[error]b' }));
    expect(json).not.toContain('##[');
    expect(JSON.parse(json)).toEqual({ text: 'a ##[error]b' });
  });
  it('XML text: a `::` line start and `##[` become character references', () => {
    expect(escapeXmlText('first\n::error::x ##[group]')).toBe('first\n&#58;:error::x ##&#91;group]');
  });
});
