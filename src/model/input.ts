import { z } from 'zod';
import { FactlintError } from '../errors.js';

/**
 * What the library API (`check()`) accepts from its callers, checked at the edge: a CMS integration written in plain
 * JavaScript gets "inputs[1].text: expected string" rather than a crash deep in the pipeline. The TypeScript types
 * in check.ts say the same; these schemas are for callers the compiler never saw.
 */
const langCode = z.string().regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]+)*$/, 'expected a language code such as "en" or "vi"');

export const textInputSchema = z.strictObject({
  id: z.string().min(1, 'expected a non-empty id'),
  text: z.string(),
  lang: langCode.optional(),
  // The format of `published` is FL114's to report (check.ts), with the source's id.
  published: z.string().optional(),
  byline: z.string().optional(),
  story: z.string().min(1).optional(),
  original: z.boolean().optional(),
});

/** Paths, or texts with metadata. An item that is not a string is read as a text, so its errors name its fields. */
export const inputsSchema = z.array(z.unknown()).superRefine((items, ctx) => {
  items.forEach((item, k) => {
    if (typeof item === 'string') {
      if (item.length === 0) ctx.addIssue({ code: 'custom', path: [k], message: 'expected a non-empty path' });
      return;
    }
    const r = textInputSchema.safeParse(item);
    if (!r.success) for (const i of r.error.issues) ctx.addIssue({ code: 'custom', path: [k, ...i.path], message: i.message });
  });
});

const severityOrSwitch = z.union([z.boolean(), z.enum(['error', 'warning', 'info', 'off'])]);

export const checkOptionsSchema = z.strictObject({
  rules: z.array(z.string()).optional(),
  ruleSettings: z.record(z.string(), severityOrSwitch).optional(),
  langHints: z.record(z.string(), langCode).optional(),
  languages: z.record(z.string(), langCode).optional(),
  furniturePatterns: z.array(z.string()).optional(),
  load: z.looseObject({
    maxFileSize: z.number().int().min(1).optional(),
    maxLineLength: z.number().int().min(1).optional(),
    maxFiles: z.number().int().min(1).optional(),
    concurrency: z.number().int().min(1).optional(),
  }).optional(),
  cwd: z.string().optional(),
  jobs: z.number().int().min(1).optional(),
  cacheDir: z.string().optional(),
  onProgress: z.custom<(done: number, total: number) => void>((v) => typeof v === 'function', 'expected a function').optional(),
  relations: z.record(z.string(), z.enum(['versions', 'coverage', 'single'])).optional(),
  originals: z.array(z.string()).optional(),
});

/** Fields named in an FL118 message at most: a list of 200,000 texts of the wrong shape gets a line, not 200,000. */
export const MAX_NAMED_FIELDS = 20;

const fieldName = (where: string, i: z.core.$ZodIssue): string =>
  `${[where, ...i.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))].join('').replace(/\.\[/g, '[')}: ${i.message}`;

/**
 * Throws FL118 naming each field of the library call that has the wrong shape, in the inputs and the options alike:
 * the first MAX_NAMED_FIELDS, then how many more there are.
 */
export function validateCheckCall(inputs: unknown, opts: unknown): void {
  const i = inputsSchema.safeParse(inputs);
  const o = checkOptionsSchema.safeParse(opts);
  const issues: [string, z.core.$ZodIssue][] = [];
  const hints: string[] = [];
  if (!i.success) {
    for (const x of i.error.issues) issues.push(['inputs', x]);
    hints.push('pass paths (strings) and texts as { id, text, lang?, published?, byline?, story?, original? }');
  }
  if (!o.success) {
    for (const x of o.error.issues) issues.push(['options', x]);
    hints.push('see CheckOptions in the README (Library API) and dist/check.d.ts');
  }
  if (issues.length === 0) return;
  const named = issues.slice(0, MAX_NAMED_FIELDS).map(([where, x]) => fieldName(where, x));
  const more = issues.length - named.length;
  if (more > 0) named.push(`and ${more} more field${more === 1 ? '' : 's'} of the wrong shape`);
  throw new FactlintError('FL118', named.join('; '), undefined, undefined, hints.join('; '));
}
