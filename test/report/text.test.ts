import { describe, expect, it } from 'vitest';
import { renderText } from '../../src/report/text.js';
import { plural } from '../../src/report/plural.js';
import { FixtureBuilder, RULES } from './fixtures.js';

/** One story of `sources` sources with `findings` error findings. */
function built(sources: number, findings: number) {
  const b = new FixtureBuilder();
  const ids = Array.from({ length: sources }, (_, i) => `s${i}.txt`);
  for (const id of ids) b.source({ id, lang: 'en', paragraphs: [['The fund has $1 billion.']] });
  b.story('story-1', ids);
  for (let i = 0; i < findings; i++) b.find('number-changed', 'number-mismatch', 'error', 'Amount differs', [[`${ids[0]}#0`, '$1 billion']], 'story-1');
  return b.build(RULES);
}

describe('text report: counts read as English', () => {
  it.each([
    ['1 source, 1 story, 1 finding (1 error, 0 warnings, 0 info)', 1, 1],
    ['2 sources, 1 story, 2 findings (2 errors, 0 warnings, 0 info)', 2, 2],
    ['2 sources, 1 story, 0 findings (0 errors, 0 warnings, 0 info)', 2, 0],
  ])('%s', (line, sources, findings) => {
    const { report, ctx } = built(sources, findings);
    expect(renderText(report, ctx).trimEnd().split('\n').at(-1)).toBe(line);
  });

  it('plural() pluralises regular nouns and consonant + y', () => {
    expect([plural(1, 'finding'), plural(3, 'finding'), plural(1, 'story'), plural(2, 'story'), plural(2, 'day'), plural(0, 'note')])
      .toEqual(['1 finding', '3 findings', '1 story', '2 stories', '2 days', '0 notes']);
  });
});

describe('text report: the units of a segment file', () => {
  it('lists only units with findings, and says how many have none (from the report\'s unit summary)', () => {
    const b = new FixtureBuilder();
    for (const u of ['u1', 'u2', 'u3']) {
      for (const side of ['source', 'target']) b.source({ id: `${u}:${side}`, lang: 'en', paragraphs: [['The fund has $1 billion.']] });
      b.story(u, [`${u}:source`, `${u}:target`]);
    }
    b.find('number-changed', 'number-mismatch', 'error', 'Amount differs', [['u2:source#0', '$1 billion']], 'u2');
    const { report, ctx } = b.build(RULES);
    const units = Object.fromEntries(report.sources.map((s) => [s.id, { line: 1 }]));
    const out = renderText({ ...report, units: { file: 'tm.po', checked: 3, withFindings: 1, withoutFindings: 2, warnings: [] } }, { ...ctx, units });
    expect(out).toMatch(/^u2 \(/mu);
    expect(out).not.toMatch(/^u[13] \(/mu);
    expect(out).toContain('2 units without findings (not listed)\n3 units checked, 1 with findings: 1 finding (1 error, 0 warnings, 0 info)\n');
  });
});
