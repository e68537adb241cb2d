import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  applyBaseline, BASELINE_CODES, createBaseline, formatBaseline, notesOf, readBaseline, recreateBaseline, summarize, type BaselineFile,
} from '../src/baseline.js';
import { FactlintError } from '../src/errors.js';
import type { Category, Finding, Severity } from '../src/model/finding.js';
import type { Report } from '../src/model/report.js';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(join(tmpdir(), 'factlint-baseline-'));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

const write = (name: string, content: string): string => {
  fs.writeFileSync(join(dir, name), content);
  return join(dir, name);
};

/** A finding whose locations are (source, text) pairs; offsets do not matter to baselines. */
function finding(fingerprint: string, ruleId: string, category: Category, severity: Severity, locs: [string, string][]): Finding {
  return {
    ruleId, category, severity, fingerprint,
    message: `${ruleId} finding`,
    locations: locs.map(([source, text], i) => ({ source, start: i * 10, end: i * 10 + text.length, text })),
    context: [],
    story: 'story-1',
  };
}

const F = {
  number: finding('aaaa000000000000000a', 'number-conflict', 'number-mismatch', 'error', [['seeds/en.txt', '$1.2 billion'], ['seeds/vi.txt', '1,2 triệu USD']]),
  date: finding('bbbb000000000000000b', 'date-conflict', 'date-mismatch', 'error', [['seeds/en.txt', 'on Tuesday'], ['seeds/vi.txt', 'vào thứ Tư']]),
  omitted: finding('cccc000000000000000c', 'omitted-content', 'omission', 'warning', [['seeds/en.txt', `The shipyard,\n  founded in 1801, ${'employs many people. '.repeat(20)}`]]),
  name: finding('dddd000000000000000d', 'name-inconsistency', 'internal-contradiction', 'info', [['seeds/en.txt', 'Hanwha'], ['seeds/en.txt', 'Hanwa']]),
};

function report(findings: Finding[]): Report {
  return {
    tool: { name: 'factlint', version: '0.1.0' },
    schemaVersion: 1,
    sources: [],
    stories: [],
    findings,
    alignments: [],
    skipped: [],
    summary: summarize(findings),
  };
}

async function failure(p: Promise<unknown>): Promise<FactlintError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(FactlintError);
    return e as FactlintError;
  }
  throw new Error('expected a FactlintError');
}

describe('createBaseline', () => {
  it('has one entry per fingerprint with evidence for people, sorted by rule id then evidence', () => {
    const b = createBaseline(report([F.number, F.omitted, F.date, F.name, F.number]), { [F.date.fingerprint]: 'Vietnamese desk confirmed Wednesday' });
    expect(b.version).toBe(1);
    expect(b.entries.map((e) => e.ruleId)).toEqual(['date-conflict', 'name-inconsistency', 'number-conflict', 'omitted-content']);
    expect(b.entries[0]).toEqual({
      fingerprint: 'bbbb000000000000000b',
      ruleId: 'date-conflict',
      category: 'date-mismatch',
      evidence: ['on Tuesday', 'vào thứ Tư'],
      sources: ['en.txt', 'vi.txt'],
      note: 'Vietnamese desk confirmed Wednesday',
    });
    expect(b.entries[2]?.note).toBe('');
  });

  it('shortens long evidence to one line of at most 200 characters', () => {
    const [e] = createBaseline(report([F.omitted])).entries;
    expect(e?.evidence[0]).toHaveLength(200);
    expect(e?.evidence[0]).toMatch(/^The shipyard, founded in 1801, employs/);
    expect(e?.evidence[0]?.endsWith('…')).toBe(true);
  });

  it('does not depend on the order of findings', () => {
    const all = [F.number, F.date, F.omitted, F.name];
    const expected = formatBaseline(createBaseline(report(all)));
    for (const order of [[3, 2, 1, 0], [1, 3, 0, 2], [2, 0, 3, 1]]) {
      expect(formatBaseline(createBaseline(report(order.map((i) => all[i]!))))).toBe(expected);
    }
  });

  it('keeps notes when recreated from the previous baseline', () => {
    const old = createBaseline(report([F.number, F.date]), { [F.number.fingerprint]: 'known translation error, fixed upstream' });
    const next = createBaseline(report([F.number, F.date, F.name]), notesOf(old));
    expect(next.entries.find((e) => e.ruleId === 'number-conflict')?.note).toBe('known translation error, fixed upstream');
    expect(notesOf(old)).toEqual({ [F.number.fingerprint]: 'known translation error, fixed upstream' });
  });
});

describe('recreateBaseline', () => {
  it('accepts every current finding, keeps the notes that still match, and counts what it kept and dropped', () => {
    const old = createBaseline(report([F.number, F.date, F.omitted]), {
      [F.number.fingerprint]: 'known translation error, fixed upstream',
      [F.omitted.fingerprint]: 'the shortened version is intended',
    });
    const { baseline, keptNotes, dropped } = recreateBaseline(report([F.number, F.date, F.name]), old);
    expect(baseline.entries.map((e) => e.ruleId).sort()).toEqual(['date-conflict', 'name-inconsistency', 'number-conflict']);
    expect(baseline.entries.find((e) => e.ruleId === 'number-conflict')?.note).toBe('known translation error, fixed upstream');
    expect(keptNotes).toBe(1);
    expect(dropped.map((e) => e.ruleId)).toEqual(['omitted-content']);
  });

  it('without a previous baseline is createBaseline', () => {
    const r = report([F.number, F.date]);
    expect(recreateBaseline(r)).toEqual({ baseline: createBaseline(r), keptNotes: 0, dropped: [] });
  });
});

describe('applyBaseline', () => {
  it('removes baselined findings, recounts the summary, and lists stale entries', () => {
    const before = report([F.number, F.date, F.name]);
    const baseline = createBaseline(report([F.number, F.omitted, F.name]));
    const { report: after, baselined, stale } = applyBaseline(before, baseline);
    expect(after.findings).toEqual([F.date]);
    expect(after.summary).toEqual({ findings: 1, bySeverity: { error: 1, warning: 0, info: 0 }, byCategory: { 'date-mismatch': 1 } });
    expect(baselined).toBe(2);
    expect(stale.map((e) => e.ruleId)).toEqual(['omitted-content']);
    expect(before.findings).toHaveLength(3); // the input is not changed
    expect(before.summary.findings).toBe(3);
  });

  it('an empty baseline changes nothing; a full one leaves nothing', () => {
    const r = report([F.number, F.date]);
    expect(applyBaseline(r, { version: 1, entries: [] })).toEqual({ report: r, baselined: 0, stale: [] });
    const all = applyBaseline(r, createBaseline(r));
    expect(all.report.findings).toEqual([]);
    expect(all.report.summary).toEqual({ findings: 0, bySeverity: { error: 0, warning: 0, info: 0 }, byCategory: {} });
    expect(all.baselined).toBe(2);
  });

  it('removes every finding sharing a baselined fingerprint (the same evidence in two stories)', () => {
    const twin = { ...F.number, story: 'story-2' };
    expect(applyBaseline(report([F.number, twin, F.date]), createBaseline(report([F.number]))).baselined).toBe(2);
  });
});

describe('readBaseline', () => {
  it('reads back what formatBaseline wrote', async () => {
    const b = createBaseline(report([F.number, F.date]), { [F.date.fingerprint]: 'ok' });
    const path = write('factlint.baseline.json', formatBaseline(b));
    expect(await readBaseline(path)).toEqual(b);
    expect(await readBaseline('factlint.baseline.json', { cwd: dir })).toEqual(b);
  });

  it('accepts "$schema"', async () => {
    const path = write('b.json', JSON.stringify({ $schema: './node_modules/factlint/rules/schema/baseline.schema.json', version: 1, entries: [] }));
    expect((await readBaseline(path)).entries).toEqual([]);
  });

  it('accepts a factlint JSON report, taking all its findings as accepted', async () => {
    const r = report([F.number, F.date]);
    const path = write('report.json', JSON.stringify(r, null, 2));
    expect(await readBaseline(path)).toEqual(createBaseline(r));
  });

  const entry = (over: Record<string, unknown> = {}): Record<string, unknown> => ({
    fingerprint: 'aaaa000000000000000a', ruleId: 'number-conflict', category: 'number-mismatch', evidence: ['x'], sources: ['en.txt'], note: '', ...over,
  });

  it.each<{ name: string; text: string; code: string; message: string | RegExp; line?: number }>([
    { name: 'invalid JSON', text: '{\n  "version": 1,\n  "entries": [,]\n}', code: 'FL610', message: /^not valid JSON/, line: 3 },
    { name: 'not an object', text: '[]', code: 'FL611', message: '(top level): must be object' },
    { name: 'no entries', text: '{ "version": 1 }', code: 'FL611', message: '(top level): missing field "entries"' },
    { name: 'an unknown field', text: '{ "version": 1, "entries": [], "created": "2024-05-01" }', code: 'FL611', message: 'created: unknown field' },
    { name: 'a bad fingerprint', text: JSON.stringify({ version: 1, entries: [entry(), entry({ fingerprint: 'XYZ' })] }, null, 2), code: 'FL611', message: /^entries\[1\]\.fingerprint: must match pattern/, line: 17 },
    { name: 'an entry without a note', text: JSON.stringify({ version: 1, entries: [{ ...entry(), note: undefined }] }), code: 'FL611', message: 'entries[0]: missing field "note"' },
    { name: 'an unknown category', text: JSON.stringify({ version: 1, entries: [entry({ category: 'typo' })] }), code: 'FL611', message: /^entries\[0\]\.category: must be one of/ },
    { name: 'a newer version', text: '{ "version": 2, "entries": {} }', code: 'FL612', message: 'baseline format version 2; this factlint reads version 1' },
    { name: 'a report without fingerprints', text: '{ "schemaVersion": 1, "findings": [{ "ruleId": "x", "category": "omission", "locations": [] }] }', code: 'FL611', message: 'a factlint report, but findings[0]: missing field "fingerprint"' },
  ])('$name → $code', async ({ text, code, message, line }) => {
    const e = await failure(readBaseline(write('baseline.json', text)));
    expect(e.code).toBe(code);
    expect(e.file).toBe(join(dir, 'baseline.json'));
    if (typeof message === 'string') expect(e.message).toBe(message);
    else expect(e.message).toMatch(message);
    if (line !== undefined) expect(e.line).toBe(line);
    expect(e.hint).toBeTruthy();
    expect(Object.keys(BASELINE_CODES)).toContain(code);
  });

  it.each([
    ['missing.json', 'FL100'],
    ['.', 'FL116'],
  ])('%s has the loader\'s code', async (name, code) => {
    expect((await failure(readBaseline(name, { cwd: dir }))).code).toBe(code);
  });

  it('the baseline file validates against its published schema (as written by formatBaseline)', () => {
    const b: BaselineFile = createBaseline(report(Object.values(F)));
    const text = formatBaseline(b);
    expect(JSON.parse(text)).toEqual(b);
    expect(text.endsWith('}\n')).toBe(true);
  });
});

describe('docs', () => {
  it('docs/workflow.md has a row for every baseline code, and no row for an unknown one', () => {
    const doc = fs.readFileSync(new URL('../docs/workflow.md', import.meta.url), 'utf8');
    for (const [code, info] of Object.entries(BASELINE_CODES)) expect(doc, code).toMatch(new RegExp(`^\\| ${code} \\| ${info.kind} \\|`, 'm'));
    const rows = [...doc.matchAll(/^\| (FL61\d) \|/gm)].map((m) => m[1]);
    expect(rows.sort()).toEqual(Object.keys(BASELINE_CODES).sort());
  });
});
