#!/usr/bin/env node
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { isFactlintError } from '../errors.js';
import { defuseWorkflowCommands, escapeControls, terminalName } from '../report/escape.js';
import { VERSION } from '../version.js';
import { STDIN, baselineCommand, checkCommand, initCommand, pairsCommand } from './commands.js';

/** yargs wiring only: commands, options and exit codes; the work is in commands.ts and the library. */
async function main(): Promise<number> {
  let code = 0;
  // What every command that reads stories takes.
  const analysis = {
    rules: { type: 'array', string: true, describe: 'Extra folders of rule files' },
    config: { type: 'string', describe: 'Config file (default: factlint.config.json in the working directory, if any)' },
    'max-file-size': { type: 'string', describe: 'Skip input files (and URL responses) larger than this, and refuse a bitext or pairs file or standard input larger than this: bytes, or with KB, MB, GB, KiB, MiB, GiB (default 10485760 = 10 MiB; at most 256 MiB)' },
    timeout: { type: 'string', describe: 'Seconds to wait for each URL given as input or to --against: a whole number from 1 to 3600 (default 20)' },
    jobs: { alias: 'j', type: 'string', describe: 'Worker threads for analysing sources: a whole number from 1 to 256, at most the available cores are used (default: the available cores)' },
    cache: { type: 'string', describe: 'Keep a content-addressed cache of per-source analysis in this folder (default .factlint-cache when given without a value)' },
    verbose: { alias: 'v', type: 'boolean', default: false, describe: 'Also list inputs skipped quietly (non-text files)' },
    quiet: { alias: 'q', type: 'boolean', default: false, describe: 'Print nothing but errors' },
  } as const;
  // What the commands that write a report take (not `baseline`, which writes a baseline file).
  const common = {
    format: { type: 'string', describe: 'Output formats, comma-separated: text, json, html, sarif, junit, github (github always goes to stdout, where GitHub reads annotations)' },
    output: { alias: 'o', type: 'string', describe: 'Write the report to this file (one format)' },
    'output-dir': { type: 'string', describe: 'Write one report per format into this folder' },
    'fail-on': { choices: ['error', 'warning', 'info', 'none'] as const, describe: 'Exit 1 when a finding at or above this severity is reported (default: error, or the config)' },
    ...analysis,
  } as const;
  // Which inputs a check reads, and how.
  const inputOptions = {
    against: { type: 'array', string: true, describe: 'Published sources (files, folders or http/https URLs) to check the given draft(s) against; only findings involving the draft are reported' },
    left: { type: 'string', describe: 'Bitext TSV/JSONL: column or field with the original' },
    right: { type: 'string', describe: 'Bitext TSV/JSONL: column or field with the translation' },
    id: { type: 'string', describe: 'Bitext TSV/JSONL: column or field with the unit id (default: one named "id" if there is one, else the line number)' },
    'left-lang': { type: 'string', describe: 'Language of the original (ISO 639-1)' },
    'right-lang': { type: 'string', describe: 'Language of the translation (ISO 639-1)' },
  } as const;
  const checkOptions = {
    ...common,
    baseline: { type: 'string', describe: 'Report only findings not accepted in this baseline file' },
    ...inputOptions,
  } as const;
  await yargs(hideBin(process.argv).map((a) => (a === '-' ? STDIN : a)))
    .scriptName('factlint')
    .usage('$0 <command> [options]')
    .command(
      'check <inputs..>',
      'Check files and folders of story versions for discrepancies (- reads a draft from standard input; a .tsv, .jsonl, .po, .xlf, .xliff or .tmx file is checked unit by unit)',
      (y) => y.positional('inputs', { type: 'string', array: true, describe: 'Files or folders (.txt, .md, .docx, .odt, .html, .pdf, read recursively), http/https URLs, or one bitext file' }).options(checkOptions),
      async (argv) => { code = await checkCommand(argv as never); },
    )
    .command(
      'pairs <file>',
      'Check a JSONL file whose rows each hold two versions of one text',
      (y) => y.positional('file', { type: 'string', describe: 'JSONL file' })
        .options({
          ...common,
          left: { type: 'string', demandOption: true, describe: 'Field with version A (the original)' },
          right: { type: 'string', demandOption: true, describe: 'Field with version B' },
          id: { type: 'string', describe: 'Field with the row id (default: a field named "id" if the first row has one, else the line number)' },
          'left-lang': { type: 'string', describe: 'Language of version A (ISO 639-1)' },
          'right-lang': { type: 'string', describe: 'Language of version B (ISO 639-1)' },
        }),
      async (argv) => { code = await pairsCommand(argv as never); },
    )
    .command(
      'baseline <inputs..>',
      'Accept the current findings: write them to a baseline file that `check --baseline` leaves out',
      (y) => y.positional('inputs', { type: 'string', array: true }).options({
        ...analysis,
        ...inputOptions,
        output: { alias: 'o', type: 'string', describe: 'Baseline file to write (default: the config\'s "baseline", else factlint-baseline.json); notes of entries that still match are kept' },
      }),
      async (argv) => { code = await baselineCommand(argv as never); },
    )
    .command(
      'init',
      'Write a starter factlint.config.json',
      (y) => y.options({ force: { type: 'boolean', default: false, describe: 'Replace an existing config file' }, quiet: common.quiet }),
      (argv) => { code = initCommand(argv as never); },
    )
    .demandCommand(1, 'name a command: check, pairs, baseline or init')
    .strict()
    .version(VERSION)
    .help()
    .fail((msg, err) => {
      if (err) throw err;
      process.stderr.write(defuseWorkflowCommands(`factlint: error FL001: ${escapeControls(msg)}\n  hint: run "factlint --help" for usage\n`));
      process.exit(2);
    })
    .parseAsync();
  return code;
}

// A closed standard output (`factlint check … | head -c 300`) ends what is printed, not the run: no stack trace, and
// the exit code is still the one the findings give.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE' || e.code === 'ERR_STREAM_DESTROYED') return;
    throw e;
  });
}

main().then(
  (code) => { process.exitCode = code; },
  (e: unknown) => {
    if (isFactlintError(e)) process.stderr.write(defuseWorkflowCommands(`factlint: ${e.format({ name: terminalName, text: escapeControls })}\n`));
    else process.stderr.write(defuseWorkflowCommands(`factlint: internal error: ${escapeControls((e as Error)?.message ?? String(e))}\n  This is a bug in factlint; please report it with the command you ran.\n`));
    process.exitCode = 2;
  },
);
