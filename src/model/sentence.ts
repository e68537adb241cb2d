import type { Span } from './span.js';

export interface Sentence extends Span {
  /** `${source}#${index}` */
  id: string;
  index: number;
  /** Index of the block (paragraph) it came from. */
  block: number;
  isTitle: boolean;
  text: string;
}
