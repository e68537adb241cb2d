/** A line of a text with its offsets; `start`/`end` exclude the line break and surrounding whitespace. */
export interface Line {
  start: number;
  end: number;
  text: string;
}

const WS = /[\s\u00a0\u200b\u202f\ufeff]/u;

/** Splits on \r\n, \r and \n; trims each line (offsets follow the trim); keeps empty lines out. */
export function splitLines(text: string): Line[] {
  const out: Line[] = [];
  let i = 0;
  const n = text.length;
  while (i <= n) {
    let j = i;
    while (j < n && text[j] !== '\n' && text[j] !== '\r') j++;
    let s = i;
    let e = j;
    while (s < e && WS.test(text[s] ?? '')) s++;
    while (e > s && WS.test(text[e - 1] ?? '')) e--;
    if (e > s) out.push({ start: s, end: e, text: text.slice(s, e) });
    if (j >= n) break;
    i = text[j] === '\r' && text[j + 1] === '\n' ? j + 2 : j + 1;
  }
  return out;
}

export const wordCount = (s: string): number => s.split(/[\s\u00a0]+/u).filter((w) => /\p{L}|\p{N}/u.test(w)).length;
