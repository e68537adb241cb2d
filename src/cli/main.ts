#!/usr/bin/env node
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { isFactlintError } from '../errors.js';
import { VERSION } from '../version.js';
import { checkCommand, pairsCommand } from './commands.js';

/** yargs wiring only: commands, options and exit codes; the work is in commands.ts and the library. */
async function main(): Promise<number> {
  let code = 0;
  const common = {
    format: { type: 'string', describe: 'Output formats, comma-separated: text, json, html, sarif, junit, github' },
    output: { alias: 'o', type: 'string', describe: 'Write the report to this file (one format)' },
    'output-dir': { type: 'string', describe: 'Write one report per format into this folder' },
    'fail-on': { choices: ['error', 'warning', 'info', 'none'] as const, default: 'error', describe: 'Exit 1 when a finding at or above this severity is reported' },
    rules: { type: 'array', string: true, describe: 'Extra folders of rule files' },
    verbose: { alias: 'v', type: 'boolean', default: false, describe: 'Also list skipped inputs and what the cleaner removed' },
    quiet: { alias: 'q', type: 'boolean', default: false, describe: 'Print nothing but errors' },
  } as const;
  await yargs(hideBin(process.argv))
    .scriptName('factlint')
    .usage('$0 <command> [options]')
    .command(
      'check <inputs..>',
      'Check files and folders of story versions for discrepancies',
      (y) => y.positional('inputs', { type: 'string', array: true, describe: 'Files or folders (.txt, .md, read recursively)' }).options(common),
      async (argv) => { code = await checkCommand(argv as never); },
    )
    .command(
      'pairs <file>',
      'Check a JSONL file whose rows each hold two versions of one text',
      (y) => y.positional('file', { type: 'string', describe: 'JSONL file' })
        .options({
          ...common,
          left: { type: 'string', demandOption: true, describe: 'Field with version A' },
          right: { type: 'string', demandOption: true, describe: 'Field with version B' },
          id: { type: 'string', describe: 'Field with the row id (default: row number)' },
          'left-lang': { type: 'string', describe: 'Language of version A (ISO 639-1)' },
          'right-lang': { type: 'string', describe: 'Language of version B (ISO 639-1)' },
        }),
      async (argv) => { code = await pairsCommand(argv as never); },
    )
    .demandCommand(1, 'name a command: check or pairs')
    .strict()
    .version(VERSION)
    .help()
    .fail((msg, err) => {
      if (err) throw err;
      process.stderr.write(`factlint: error FL001: ${msg}\n  hint: run "factlint --help" for usage\n`);
      process.exit(2);
    })
    .parseAsync();
  return code;
}

main().then(
  (code) => { process.exitCode = code; },
  (e: unknown) => {
    if (isFactlintError(e)) process.stderr.write(`factlint: ${e.format()}\n`);
    else process.stderr.write(`factlint: internal error: ${(e as Error)?.message ?? String(e)}\n  This is a bug in factlint; please report it with the command you ran.\n`);
    process.exitCode = 2;
  },
);
