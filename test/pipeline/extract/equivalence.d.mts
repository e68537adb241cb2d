import type { LoadedPack } from '../../../src/lang/compile.js';
import type { Span } from '../../../src/model/span.js';

/** See equivalence.mjs. */
export function fuzzStrings(pack: LoadedPack, n: number, seed: number): [text: string, range: Span, published: string | undefined][];
