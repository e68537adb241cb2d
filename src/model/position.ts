/**
 * Line and column of offsets in a text. Reporters use it for the spans they point at (SARIF, JUnit, GitHub, HTML,
 * through report/sarif.ts), and the web page reader for the line of the HTML file each paragraph comes from.
 */
export interface Position {
  /** 1-based line; lines end at \r\n, \r or \n (not U+2028, which editors do not break on). */
  line: number;
  /** 1-based column in UTF-16 code units, matching SARIF's "utf16CodeUnits" column kind. */
  column: number;
}

/** Returns a function from string offset to line/column for `text`, computing the line starts once. */
export function positioner(text: string): (offset: number) => Position {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    } else if (c === 10) starts.push(i + 1);
  }
  return (offset) => {
    const o = Math.max(0, Math.min(offset, text.length));
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] ?? 0) <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: o - (starts[lo] ?? 0) + 1 };
  };
}
