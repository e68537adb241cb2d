/**
 * Finding messages read as English sentences whatever the kind fills into a rule's template: a template's
 * placeholders stand where the words the kind supplies fit grammatically.
 */
import { describe, expect, it } from 'vitest';
import { check } from '../../src/check.js';

const messagesOf = async (ruleId: string, a: string, b: string): Promise<string[]> => {
  const { report } = await check([
    { id: 'a.txt', text: a, lang: 'en', story: 's' },
    { id: 'b.txt', text: b, lang: 'en', story: 's' },
  ]);
  return report.findings.filter((f) => f.ruleId === ruleId).map((f) => f.message);
};

describe('attribution-conflict messages', () => {
  it('a dropped source: "attributed differently (attribution dropped)", not "is attribution dropped"', async () => {
    const messages = await messagesOf('attribution-conflict',
      'The river is rising faster than forecast, flood warden Oskar Lindqvist said on Monday.',
      'The river is rising faster than forecast on Monday.');
    expect(messages).toEqual(['The statement is attributed differently (attribution dropped): Oskar Lindqvist in one version, (no attribution) in the other']);
  });

  it('another speaker: "attributed differently (credited to a different speaker)"', async () => {
    const messages = await messagesOf('attribution-conflict',
      'The river is rising fast, warden Oskar Lindqvist said on Monday.',
      'The river is rising fast, Mayor Ruth Hadley said on Monday.');
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/^The statement is attributed differently \(credited to a different speaker\): .*Lindqvist.* in one version, .*Hadley.* in the other$/);
  });
});
