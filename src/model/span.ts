/** A half-open range [start, end) of JavaScript string offsets into a source's original text (BOM removed). */
export interface Span {
  source: string;
  start: number;
  end: number;
}

/** A span together with the text it covers; `text` always equals `source.text.slice(start, end)`. */
export interface Location extends Span {
  text: string;
}

export const spanLength = (s: Span): number => s.end - s.start;

export const overlaps = (a: Span, b: Span): boolean =>
  a.source === b.source && a.start < b.end && b.start < a.end;

export const contains = (outer: Span, inner: Span): boolean =>
  outer.source === inner.source && outer.start <= inner.start && inner.end <= outer.end;
