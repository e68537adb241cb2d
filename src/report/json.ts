import type { Reporter } from './context.js';
import type { Report } from '../model/report.js';
import { defuseJson } from './escape.js';

/**
 * The text `JSON.stringify(value, null, 2)` gives, in pieces: objects and arrays down to `depth` levels are written
 * member by member, what is below them with one `JSON.stringify` each. Joined, the pieces are that text exactly, so a
 * large report (a translation memory's findings, SARIF results) is written without ever being one string.
 */
export function* jsonChunks(value: unknown, depth = 3, level = 0): Generator<string> {
  let v = value;
  if (v !== null && typeof v === 'object' && typeof (v as { toJSON?: unknown }).toJSON === 'function') v = (v as { toJSON: () => unknown }).toJSON();
  if (depth === 0 || v === null || typeof v !== 'object') {
    const s = JSON.stringify(v, null, 2);
    yield level > 0 && s.includes('\n') ? s.replace(/\n/gu, `\n${'  '.repeat(level)}`) : s;
    return;
  }
  const pad = '  '.repeat(level + 1);
  const omitted = (x: unknown): boolean => x === undefined || typeof x === 'function' || typeof x === 'symbol';
  if (Array.isArray(v)) {
    if (v.length === 0) { yield '[]'; return; }
    for (let i = 0; i < v.length; i++) {
      yield i === 0 ? `[\n${pad}` : `,\n${pad}`;
      // An array holds null where JSON.stringify would leave a member out.
      if (omitted(v[i])) yield 'null';
      else yield* jsonChunks(v[i], depth - 1, level + 1);
    }
    yield `\n${'  '.repeat(level)}]`;
    return;
  }
  const keys = Object.keys(v).filter((k) => !omitted((v as Record<string, unknown>)[k]));
  if (keys.length === 0) { yield '{}'; return; }
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i]!;
    yield `${i === 0 ? '{\n' : ',\n'}${pad}${JSON.stringify(k)}: `;
    yield* jsonChunks((v as Record<string, unknown>)[k], depth - 1, level + 1);
  }
  yield `\n${'  '.repeat(level)}}`;
}

/**
 * A JSON document in pieces for a file or a pipe, each inert in a CI log (`defuseJson`; no piece ends inside the
 * `##[` it replaces, as JSON strings hold no line breaks and pieces end between members), ending with a line break.
 */
export function* jsonDocument(value: unknown, depth = 3): Generator<string> {
  for (const piece of jsonChunks(value, depth)) yield defuseJson(piece);
  yield '\n';
}

/** The JSON report: the contract in ../shared/eval/score.mjs and rules/schema/report.schema.json, in pieces. */
export const streamJson = (report: Report): Iterable<string> => jsonDocument(report);

/** The JSON report as one string. */
export const renderJson: Reporter = (report) => [...streamJson(report)].join('');
