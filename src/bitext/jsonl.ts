import { openLines, type Line } from './input.js';
import { languageOfName } from './lang.js';
import { bitextError, DEFAULT_ID_FIELD, IdRegistry, idValue, row, type BitextOptions, type BitextRows } from './rows.js';

type Obj = Record<string, unknown>;

function parseLine(l: Line, file: string): Obj {
  let v: unknown;
  try {
    v = JSON.parse(l.text);
  } catch (e) {
    throw bitextError('FL705', `not valid JSON (${(e as Error).message})`, file, l.line);
  }
  if (typeof v !== 'object' || v === null || Array.isArray(v)) {
    throw bitextError('FL705', `a JSON ${Array.isArray(v) ? 'array' : v === null ? 'null' : typeof v}, not an object`, file, l.line);
  }
  return v as Obj;
}

/**
 * JSON Lines bitext: one object per line. The text fields are `left`/`right` when given, else the first two
 * string fields of the first row other than the id field; every row must have them as strings. A field named by
 * a language code ("en", "vi") gives that side its language. Rows with an empty text on either side are skipped.
 */
export async function readJsonl(path: string, opts: BitextOptions = {}): Promise<BitextRows> {
  const input = await openLines(path, 'JSONL file', opts);
  const file = input.id;

  let first: Obj | undefined;
  for await (const l of input.lines()) {
    if (l.text.trim() !== '') { first = parseLine(l, file); break; }
  }
  const keys = first ? Object.keys(first) : [];
  const idField = opts.id ?? (keys.includes(DEFAULT_ID_FIELD) ? DEFAULT_ID_FIELD : undefined);
  const texts = keys.filter((k) => k !== idField && typeof first?.[k] === 'string');
  const leftField = opts.left ?? texts[0];
  const rightField = opts.right ?? texts.find((k) => k !== leftField);
  const listed = `the first row has: ${keys.map((k) => JSON.stringify(k)).join(', ') || 'no fields'}`;
  if (first && (leftField === undefined || rightField === undefined))
    throw bitextError('FL706', 'the first row needs two string fields (or name them with --left and --right)', file, undefined, listed);
  const leftLang = opts.leftLang ?? languageOfName(leftField);
  const rightLang = opts.rightLang ?? languageOfName(rightField);

  return {
    format: 'jsonl',
    file,
    ...(leftLang !== undefined ? { leftLang } : {}),
    ...(rightLang !== undefined ? { rightLang } : {}),
    warnings: input.warnings,
    async *[Symbol.asyncIterator]() {
      if (leftField === undefined || rightField === undefined) return; // only blank lines
      const ids = new IdRegistry(file, 'give every row a unique id, or leave out the id field to number rows by line');
      for await (const l of input.lines()) {
        if (l.text.trim() === '') continue;
        const obj = parseLine(l, file);
        const text = (field: string): string => {
          const v = obj[field];
          if (typeof v !== 'string') {
            const has = `this row has: ${Object.keys(obj).map((k) => JSON.stringify(k)).join(', ') || 'no fields'}`;
            throw bitextError('FL706', `field "${field}" is ${v === undefined ? 'missing' : `not a string (${v === null ? 'null' : typeof v})`}`, file, l.line, has);
          }
          return v;
        };
        const left = text(leftField);
        const right = text(rightField);
        let id = `row-${l.line}`;
        if (idField !== undefined) {
          const v = idValue(obj[idField]);
          if (v !== undefined) id = v;
          else if (opts.id !== undefined) throw bitextError('FL706', `field "${idField}" (--id) is missing or not a string or number`, file, l.line);
        }
        if (left.trim() === '' || right.trim() === '') continue;
        ids.add(id, l.line);
        yield row(id, left, right, { leftLang, rightLang, line: l.line });
      }
    },
  };
}
