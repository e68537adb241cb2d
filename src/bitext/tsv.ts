import { openLines, type Line } from './input.js';
import { languageOfName } from './lang.js';
import { bitextError, DEFAULT_ID_FIELD, IdRegistry, row, type BitextOptions, type BitextRows } from './rows.js';

/**
 * Tab-separated bitext: a header row names the columns, then one unit per line. Fields are taken literally (no
 * quoting, no escapes), so texts cannot contain tabs or line breaks. The text columns are `left`/`right` when given,
 * else the first two columns other than the id column. A column named by a language code ("en", "vi-VN") gives
 * that side its language. Rows with an empty text on either side (not yet translated) are skipped.
 */
export async function readTsv(path: string, opts: BitextOptions = {}): Promise<BitextRows> {
  const input = await openLines(path, 'TSV file', opts);
  const file = input.id;

  let header: Line | undefined;
  for await (const l of input.lines()) {
    if (l.text.trim() !== '') { header = l; break; }
  }
  if (!header) throw bitextError('FL704', 'no header row', file, undefined);
  const names = header.text.split('\t').map((n) => n.trim());
  const headerLine = header.line;
  const listed = `the header has: ${names.map((n) => JSON.stringify(n)).join(', ')}`;

  const column = (name: string, flag: string): number => {
    const i = names.indexOf(name);
    if (i < 0) throw bitextError('FL706', `no column "${name}" (${flag})`, file, headerLine, listed);
    if (names.indexOf(name, i + 1) >= 0) throw bitextError('FL704', `two columns are named "${name}"`, file, headerLine, 'give every column a unique name');
    return i;
  };
  const idCol = opts.id !== undefined ? column(opts.id, '--id') : names.findIndex((n) => n.toLowerCase() === DEFAULT_ID_FIELD);
  const free = names.map((_, i) => i).filter((i) => i !== idCol);
  const leftCol = opts.left !== undefined ? column(opts.left, '--left') : free[0];
  const rightCol = opts.right !== undefined ? column(opts.right, '--right') : free.find((i) => i !== leftCol);
  if (leftCol === undefined || rightCol === undefined)
    throw bitextError('FL704', `the header row needs two text columns; ${listed}`, file, headerLine);
  if (leftCol === rightCol) throw bitextError('FL706', `--left and --right name the same column "${names[leftCol] ?? ''}"`, file, headerLine, listed);

  const leftLang = opts.leftLang ?? languageOfName(names[leftCol]);
  const rightLang = opts.rightLang ?? languageOfName(names[rightCol]);

  return {
    format: 'tsv',
    file,
    ...(leftLang !== undefined ? { leftLang } : {}),
    ...(rightLang !== undefined ? { rightLang } : {}),
    warnings: input.warnings,
    async *[Symbol.asyncIterator]() {
      const ids = new IdRegistry(file, 'give every row a unique id, or leave out the id column to number rows by line');
      for await (const { text, line } of input.lines()) {
        if (line <= headerLine || text.trim() === '') continue;
        const cells = text.split('\t');
        if (cells.length !== names.length) {
          throw bitextError('FL704', `${cells.length} column${cells.length === 1 ? '' : 's'}, but the header (line ${headerLine}) has ${names.length}`, file, line);
        }
        const left = cells[leftCol] ?? '';
        const right = cells[rightCol] ?? '';
        if (left.trim() === '' || right.trim() === '') continue;
        const given = idCol >= 0 ? cells[idCol]?.trim() : undefined;
        const id = given || `row-${line}`;
        ids.add(id, line);
        yield row(id, left, right, { leftLang, rightLang, line });
      }
    },
  };
}
