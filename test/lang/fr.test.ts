/**
 * The French pack (rules/lang/fr.json) read as the stages and rules read it: numbers, dates, speakers, events,
 * negation, modality, titles and sentence ends, then the cross-language rules on English / French pairs. The pack was
 * added with no change to the code: these rows are what it must be able to read.
 */
import { describe, expect, it } from 'vitest';
import { check } from '../../src/check.js';
import { defaultKnowledge } from '../../src/lang/knowledge.js';
import type { CleanSource } from '../../src/model/source.js';
import { extract } from '../../src/pipeline/extract/index.js';
import { segment } from '../../src/pipeline/segment.js';
import { extractAll } from '../pipeline/extract/helpers.js';

const k = defaultKnowledge();
const source = (text: string): CleanSource => ({
  id: 's', path: 's', lang: 'fr', text, provenance: {}, warnings: [], published: '2024-03-14',
  blocks: [{ source: 's', start: 0, end: text.length, kind: 'content' }],
});
const claimsOf = (text: string) => {
  const src = source(text);
  return extract(src, segment(src, k), k);
};

describe('numbers', () => {
  it.each([
    ['Le contrat vaut 2,5 milliards d’euros.', '2,5 milliards d’euros', 2.5e9, 'EUR', 'exact'],
    ['Le contrat vaut 2,5 milliards d\'euros.', '2,5 milliards d\'euros', 2.5e9, 'EUR', 'exact'],
    ['Il a reçu 1 million de dollars.', '1 million de dollars', 1e6, 'USD', 'exact'],
    ['La récolte atteint 1\u202f200 tonnes.', '1\u202f200 tonnes', 1200, 't', 'exact'],
    ['Environ 150 personnes ont manifesté.', 'Environ 150', 150, '', 'approx'],
    ['Plus de 3 millions de tonnes de blé.', 'Plus de 3 millions de tonnes', 3e6, 't', 'gt'],
    ['Les ventes ont progressé de 12 % en un an.', '12 %', 12, '%', 'exact'],
    ['Les ventes ont progressé de 12 pour cent.', '12 pour cent', 12, '%', 'exact'],
    ['L’usine emploiera près de quatre-vingts personnes.', 'près de quatre-vingts', 80, '', 'approx'],
    ['Soixante-dix salariés sont partis.', 'Soixante-dix', 70, '', 'exact'],
    ['Au moins dix-huit maisons ont brûlé.', 'Au moins dix-huit', 18, '', 'ge'],
  ])('%j -> %j', (text, span, value, unit, approx) => {
    const [q] = extractAll('fr', text).quantities;
    expect(q && { span: q.text, value: q.value, unit: q.unit, approx: q.approx }).toEqual({ span, value, unit, approx });
  });
});

describe('dates', () => {
  it.each([
    ['Le traité a été signé le 3 mars 2023.', 'le 3 mars 2023', { year: 2023, month: 3, day: 3 }],
    ['Il est né le 1er janvier 1990.', 'le 1er janvier 1990', { year: 1990, month: 1, day: 1 }],
    ['Les travaux commencent en octobre.', 'octobre', { month: 10 }],
    ['Les résultats du premier trimestre 2024 sont bons.', 'premier trimestre 2024', { year: 2024 }],
    ['Le chantier doit finir d’ici 2025.', '2025', { year: 2025 }],
    ['Il a parlé mardi devant les députés.', 'mardi', { year: 2024, month: 3, day: 12 }],
    ['La réunion a eu lieu hier.', 'hier', { year: 2024, month: 3, day: 13 }],
  ])('%j -> %j', (text, span, want) => {
    const [d] = extractAll('fr', text, '2024-03-14').dates;
    expect(d?.text).toBe(span);
    expect(d).toMatchObject(want);
  });
});

describe('claims', () => {
  it.each([
    // [text, speaker, cue, title]
    ['Le groupe a racheté la société, a déclaré mardi Jean Dupont.', 'Jean Dupont', 'a déclaré', undefined],
    // An inverted subject: the cue is the verb after it, the pronoun the speaker.
    ['« Nous ne céderons pas », a-t-elle affirmé.', 'elle', 'affirmé', undefined],
    ['« Nous ne céderons pas », explique-t-il.', 'il', 'explique', undefined],
    // A verb joined to its inverted subject by a hyphen.
    ['« Nous ne céderons pas », dit-elle.', 'elle', 'dit', undefined],
    ['Selon Marie Curie, la production pourrait doubler.', 'Marie Curie', 'Selon', undefined],
    ['D’après Anne Leroy, l’usine fermera.', 'Anne Leroy', 'D’après', undefined],
    ['Les ventes ont progressé, a indiqué Anne Leroy, directrice financière.', 'Anne Leroy', 'a indiqué', 'directrice financière'],
  ])('%j: speaker %j, cue %j, title %j', (text, speaker, cue, title) => {
    const a = claimsOf(text)[0]!.attribution;
    expect([a?.speaker, a?.cue, a?.title]).toEqual([speaker, cue, title]);
  });

  it('an anonymous source is one', () => {
    expect(claimsOf('Environ 150 personnes ont été évacuées, selon une source proche du dossier.')[0]!.attribution?.anonymous).toBe(true);
  });

  it.each([
    ['Le groupe a racheté son concurrent.', 'acquire'],
    ['La ville a loué le terrain pour trente ans.', 'lease'],
    ['Le fonds a investi dans la start-up.', 'invest'],
    ['Le fabricant vendra l’usine de Lyon.', 'sell'],
    ['Trois personnes sont mortes dans l’incendie.', 'die'],
    ['Les ventes ont progressé au printemps.', 'grow'],
    ['Les prix ont baissé en mars.', 'fall'],
    ['Le Parlement a adopté la loi.', 'approve'],
  ])('%j has an event of class %s', (text, cls) => {
    expect(claimsOf(text)[0]!.events.map((e) => e.cls)).toContain(cls);
  });

  it.each([
    ['Les prix n’ont pas baissé.', ['n’']],
    ['Il ne vendra jamais l’usine.', ['ne']],
    ['La société n\'a aucun projet.', ['n\'']],
    ['Le projet avance sans financement.', ['sans']],
    // "ne … pas" is one negation, not two ("pas", "jamais", "aucun" are the negator's concord words); "non seulement"
    // negates nothing.
    ['Non seulement les prix ont augmenté, mais les salaires aussi.', []],
  ])('%j: negations %j', (text, negs) => {
    expect(claimsOf(text)[0]!.negations.filter((n) => !n.concord).map((n) => n.text)).toEqual(negs);
  });

  it.each([
    ['Le projet pourrait coûter cher.', 'possible'],
    ['L’entreprise prévoit d’embaucher.', 'expected'],
    ['Le gouvernement va augmenter les impôts.', 'future'],
    ['L’usine ouvrira en octobre.', 'future'],
    ['La société ne peut pas confirmer le rachat.', 'impossible'],
  ])('%j: modality %s', (text, level) => {
    expect(claimsOf(text)[0]!.modality.map((m) => m.level)).toContain(level);
  });

  it.each([
    ['a indiqué Anne Leroy, directrice financière du groupe.', ['cfo']],
    ['a déclaré Jean Dupont, PDG de Lumière.', ['ceo']],
    ['a déclaré Jean Dupont, directeur général de Lumière.', ['ceo']],
  ])('%j: title roles %j', (text, roles) => {
    expect(claimsOf(`Les ventes ont progressé, ${text}`)[0]!.titled?.map((t) => t.roles)).toEqual([roles]);
  });

  it('a sentence-initial elided article is no name ("L’usine"), the name after it is', () => {
    expect(claimsOf('L’usine de Renault ouvrira en mai.')[0]!.entities.map((e) => e.text)).toEqual(['Renault']);
  });
});

describe('sentences', () => {
  it.each([
    ['M. Martin a quitté Paris. Il a visité Lyon.', 2],
    ['Mme Leroy et M. Curie sont arrivés le 3 janv. 2024. Ils ont parlé.', 2],
    ['Les ventes ont progressé. Les prix ont baissé.', 2],
  ])('%j has %i sentences', (text, n) => {
    expect(segment(source(text), k)).toHaveLength(n);
  });
});

describe('English / French pairs', () => {
  const findings = async (en: string, fr: string): Promise<string[]> => {
    const { report } = await check([
      { id: 'en.txt', text: en, lang: 'en', story: 's', original: true },
      { id: 'fr.txt', text: fr, lang: 'fr', story: 's' },
    ]);
    return report.findings.map((f) => `${f.ruleId}: ${f.locations.map((l) => l.text).join(' / ')}`);
  };

  it('a faithful translation has no finding', async () => {
    expect(await findings(
      'The group bought the Lyon plant for 2.5 billion euros in March 2023, Anne Leroy said.',
      'Le groupe a acheté l’usine de Lyon pour 2,5 milliards d’euros en mars 2023, a indiqué Anne Leroy.',
    )).toEqual([]);
  });

  it('a changed amount, date, event, title and name are each found', async () => {
    expect(await findings(
      'The group bought the Lyon plant for 2.5 billion euros in March 2023, its finance director Anne Leroy said.',
      'Le groupe a loué l’usine de Lyon pour 3,5 milliards d’euros en mai 2023, a indiqué sa directrice générale Anne Leroi.',
    )).toEqual([
      'event-conflict: bought / a loué',
      'number-conflict: 2.5 billion euros / 3,5 milliards d’euros',
      'date-conflict: March 2023 / mai 2023',
      'title-change: finance director / directrice générale',
      'entity-spelling: Leroy / Leroi',
    ]);
  });

  it('a dropped negation is found, in either direction', async () => {
    expect(await findings(
      'The company will not sell the Lyon plant before 2027, chief executive Jean Dupont said on Tuesday.',
      'La société va vendre l’usine de Lyon avant 2027, a déclaré mardi le directeur général Jean Dupont.',
    )).toEqual(['negation-flip: not / La société va vendre l’usine de Lyon avant 2027, a déclaré mardi le directeur général Jean Dupont.']);
    expect(await findings(
      'Prices fell in March, the ministry said.',
      'Les prix n’ont pas baissé en mars, a indiqué le ministère.',
    )).toEqual(['negation-flip: Prices fell in March, the ministry said. / n’']);
  });

  it('a possibility made a certainty is found', async () => {
    expect(await findings(
      'The plant may eventually employ 800 people.',
      'L’usine emploiera 800 personnes.',
    )).toEqual(['modality-drift: may eventually / emploiera']);
  });
});
