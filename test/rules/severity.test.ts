import { describe, expect, it } from 'vitest';
import { check, type TextInput } from '../../src/check.js';

/** Severity tells an editor what to look at first: a finding the tool is unsure of is a note (info). */
async function findings(inputs: TextInput[], relation: 'versions' | 'coverage' = 'versions') {
  const { report } = await check(inputs.map((i) => ({ ...i, story: 's' })), { relations: { s: relation } });
  return report.findings.map((f) => `${f.ruleId} ${f.severity}: ${f.locations.map((l) => l.text).join(' | ')}`);
}

describe('severity', () => {
  it('a changed amount is an error; a guess at which bare count plays which role is a note', async () => {
    expect(await findings([
      { id: 'a.txt', lang: 'en', text: 'The Kessler plant in Tamberg employs 5,000 people.', original: true },
      { id: 'b.txt', lang: 'de', text: 'Das Kessler-Werk in Tamberg beschäftigt 5.001 Menschen.' },
    ])).toEqual(['number-conflict error: 5,000 | 5.001']);
    expect(await findings([
      { id: 'a.txt', lang: 'en', text: 'Crews from 12 towns cleared 30 roads around Tamberg.', original: true },
      { id: 'b.txt', lang: 'de', text: 'Mannschaften aus 14 Orten räumten 50 Straßen um Tamberg.' },
    ])).toEqual(expect.arrayContaining([expect.stringMatching(/^number-conflict info: /)]));
  });

  it('a pronoun read through the last named speaker is a warning; through the one person named before it, a note', async () => {
    const named = await findings([
      { id: 'a.txt', lang: 'en', original: true, text: '"The river is rising," Mayor Tom Berg said on Monday. "We will rebuild every house," he said.' },
      { id: 'b.txt', lang: 'vi', text: '"Nước sông đang lên", Thị trưởng Tom Berg nói hôm thứ Hai. "Chúng tôi sẽ xây lại mọi ngôi nhà", Bộ trưởng Tài chính Ana Ruiz nói.' },
    ]);
    expect(named).toContain('attribution-conflict warning: he | Ana Ruiz');
    const guessed = await findings([
      { id: 'a.txt', lang: 'en', original: true, text: 'Mayor Tom Berg visited Kettleby on Monday. "We will rebuild every house," he said.' },
      { id: 'b.txt', lang: 'vi', text: 'Thị trưởng Tom Berg đã đến thăm Kettleby hôm thứ Hai. "Chúng tôi sẽ xây lại mọi ngôi nhà", Bộ trưởng Tài chính Ana Ruiz nói.' },
    ]);
    expect(guessed).toContain('attribution-conflict info: he | Ana Ruiz');
  });
});
