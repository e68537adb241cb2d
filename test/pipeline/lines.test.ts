import { describe, expect, it } from 'vitest';
import { splitLines, wordCount } from '../../src/pipeline/lines.js';

describe('splitLines', () => {
  it.each([
    ['a\nb', ['a', 'b']],
    ['a\r\nb\r\n', ['a', 'b']],
    ['a\rb', ['a', 'b']],
    ['  a \u00a0\n\n\tb', ['a', 'b']],
    ['', []],
  ])('%j', (text, expected) => {
    const lines = splitLines(text);
    expect(lines.map((l) => l.text)).toEqual(expected);
    for (const l of lines) expect(text.slice(l.start, l.end)).toBe(l.text);
  });
  it('counts words, not punctuation', () => {
    expect(wordCount('Hello — world , 2024 !')).toBe(3);
  });
});
