import { basename, resolve } from 'node:path';
import { check, checkPairs, type CheckResult } from '../check.js';
import { EXTENSIONS, parseFormats, render, writeAtomic, type Format } from '../output.js';
import { severityRank, type Severity } from '../model/finding.js';
import { FactlintError } from '../errors.js';
import { stripTerminalControls } from '../report/escape.js';
import { isQuietSkip } from '../pipeline/load.js';

interface CommonArgs {
  format?: string;
  output?: string;
  outputDir?: string;
  failOn: Severity | 'none';
  rules?: string[];
  verbose: boolean;
  quiet: boolean;
}

/** Writes or prints the report in each requested format and returns the exit code. */
function emit(result: CheckResult, args: CommonArgs, stem: string): number {
  const formats: Format[] = parseFormats(args.format ?? (args.output || args.outputDir ? 'json' : 'text'));
  if (args.output && formats.length > 1) throw new FactlintError('FL003', '--output takes one format', undefined, undefined, 'use --output-dir for several formats');
  const printed = new Set<Format>();
  for (const f of formats) {
    const content = render(f, result.report, result.context);
    if (args.output) writeAtomic(resolve(args.output), content);
    else if (args.outputDir) writeAtomic(resolve(args.outputDir, `${stem}.${EXTENSIONS[f]}`), content);
    else { process.stdout.write(content); printed.add(f); }
  }
  if (!args.quiet && printed.size === 0) {
    // Files were written: still show the findings on the terminal (on stderr when stdout is a report).
    process.stdout.write(render('text', result.report, result.context));
    const where = args.output ? [args.output] : formats.map((f) => `${args.outputDir}/${stem}.${EXTENSIONS[f]}`);
    process.stdout.write(`reports written: ${where.join(', ')}\n`);
  }
  if (!args.quiet) {
    for (const s of result.report.skipped) {
      if (isQuietSkip(s) && !args.verbose) continue;
      process.stderr.write(`factlint: skipped ${stripTerminalControls(s.path)}: ${s.code} ${stripTerminalControls(s.reason)}\n`);
    }
    for (const s of result.report.sources) for (const w of s.warnings) process.stderr.write(`factlint: warning ${stripTerminalControls(s.id)}: ${stripTerminalControls(w)}\n`);
  }
  if (args.failOn === 'none') return 0;
  const threshold = severityRank(args.failOn);
  return result.report.findings.some((f) => severityRank(f.severity) >= threshold) ? 1 : 0;
}

export async function checkCommand(args: CommonArgs & { inputs: string[] }): Promise<number> {
  parseFormats(args.format ?? 'text');
  const result = await check(args.inputs, { ...(args.rules ? { rules: args.rules } : {}) });
  const stem = args.inputs.length === 1 ? basename(resolve(args.inputs[0]!)).replace(/\.[^.]+$/, '') || 'report' : 'report';
  return emit(result, args, stem);
}

export async function pairsCommand(args: CommonArgs & { file: string; left: string; right: string; id?: string; leftLang?: string; rightLang?: string }): Promise<number> {
  parseFormats(args.format ?? 'text');
  const result = await checkPairs(args.file, {
    left: args.left, right: args.right,
    ...(args.id ? { id: args.id } : {}),
    ...(args.leftLang ? { leftLang: args.leftLang } : {}),
    ...(args.rightLang ? { rightLang: args.rightLang } : {}),
    ...(args.rules ? { rules: args.rules } : {}),
  });
  return emit(result, args, basename(args.file).replace(/\.[^.]+$/, ''));
}
