/**
 * Hand-built Reports and RenderContexts for reporter tests: offsets are computed from the texts, so every Location
 * slices to its text. `fixture()` is a small en/vi/ru story with one finding of most categories and a sentence full
 * of hostile text; `hostileFixture()` puts injection attempts everywhere a string reaches the output;
 * `largeFixture(n)` has n findings for performance checks.
 */
import fc from 'fast-check';
import type { Alignment, ClaimGroup } from '../../src/model/alignment.js';
import type { Claim } from '../../src/model/claim.js';
import type { Category, Finding, Severity } from '../../src/model/finding.js';
import type { Report, ReportSource } from '../../src/model/report.js';
import type { Sentence } from '../../src/model/sentence.js';
import type { Location } from '../../src/model/span.js';
import type { Story } from '../../src/model/story.js';
import type { RenderContext, RuleInfo } from '../../src/report/context.js';

export const CWD = '/repo';

/** The hostile sentence of the main fixture: markup, a CDATA end, a workflow command, an escaped newline, ANSI, U+2028. */
export const HOSTILE =
  'A post read <script>alert(1)</script> and <img src=x onerror=alert(1)> then "]]> and ::error::oops and %0A and \u001b[31mred\u001b[0m and a line\u2028separator.';

export interface SourceSpec {
  id: string;
  lang: string;
  published?: string;
  byline?: string;
  /** Paragraphs of sentences; the first paragraph's sentences are titles when `title` is set. */
  paragraphs: string[][];
  title?: boolean;
}

export interface Built {
  report: Report;
  ctx: RenderContext;
}

/** Builds texts and sentences: sentences joined by a space inside a paragraph, paragraphs by a blank line. */
export class FixtureBuilder {
  readonly texts: Record<string, string> = {};
  readonly sentences: Record<string, Sentence[]> = {};
  readonly claims: Record<string, Claim[]> = {};
  readonly sources: ReportSource[] = [];
  readonly findings: Finding[] = [];
  readonly alignments: Alignment[] = [];
  readonly claimGroups: ClaimGroup[] = [];
  readonly stories: Story[] = [];

  source(spec: SourceSpec): this {
    let text = '';
    const sents: Sentence[] = [];
    spec.paragraphs.forEach((para, block) => {
      if (block > 0) text += '\n\n';
      para.forEach((s, i) => {
        if (i > 0) text += ' ';
        const start = text.length;
        text += s;
        sents.push({
          source: spec.id,
          start,
          end: text.length,
          id: `${spec.id}#${sents.length}`,
          index: sents.length,
          block,
          isTitle: spec.title === true && block === 0,
          text: s,
        });
      });
    });
    text += '\n';
    this.texts[spec.id] = text;
    this.sentences[spec.id] = sents;
    this.claims[spec.id] = [];
    this.sources.push({
      id: spec.id,
      path: `${CWD}/${spec.id}`,
      lang: spec.lang,
      ...(spec.published !== undefined ? { published: spec.published } : {}),
      ...(spec.byline !== undefined ? { byline: spec.byline } : {}),
      chars: text.length,
      sentences: sents.length,
      warnings: [],
    });
    return this;
  }

  sentence(id: string): Sentence {
    const source = id.slice(0, id.lastIndexOf('#'));
    const s = this.sentences[source]?.find((x) => x.id === id);
    if (!s) throw new Error(`fixture: no sentence ${id}`);
    return s;
  }

  /** The location of `needle` inside sentence `id` (the whole sentence when needle is omitted). */
  loc(id: string, needle?: string): Location {
    const s = this.sentence(id);
    if (needle === undefined) return { source: s.source, start: s.start, end: s.end, text: s.text };
    const i = s.text.indexOf(needle);
    if (i < 0) throw new Error(`fixture: "${needle}" not in ${id}`);
    return { source: s.source, start: s.start + i, end: s.start + i + needle.length, text: needle };
  }

  story(id: string, sources: string[], relation: Story['relation'] = 'versions'): this {
    this.stories.push({ id, sources, relation, related: [] });
    return this;
  }

  align(story: string, aIds: string[], bIds: string[], score = 0.9): this {
    const span = (ids: string[]) => {
      const ss = ids.map((i) => this.sentence(i));
      const first = ss[0];
      const last = ss[ss.length - 1];
      if (!first || !last) throw new Error('fixture: empty alignment side');
      return { source: first.source, start: first.start, end: last.end };
    };
    this.alignments.push({ story, a: span(aIds), b: span(bIds), aSentences: aIds, bSentences: bIds, score });
    return this;
  }

  find(
    ruleId: string,
    category: Category,
    severity: Severity,
    message: string,
    locs: [sentenceId: string, needle?: string][],
    story?: string,
  ): this {
    const locations = locs.map(([id, needle]) => this.loc(id, needle));
    const context = locs.map(([id]) => this.loc(id));
    this.findings.push({
      ruleId,
      category,
      severity,
      message,
      locations,
      context,
      ...(story !== undefined ? { story } : {}),
      fingerprint: `${ruleId}:${locations.map((l) => l.text.toLowerCase()).join('|')}`,
    });
    return this;
  }

  claim(sentenceId: string, checkWorthy = true): this {
    const s = this.sentence(sentenceId);
    (this.claims[s.source] ??= []).push({
      source: s.source,
      start: s.start,
      end: s.end,
      sentenceId,
      quantities: [],
      dates: [],
      entities: [],
      events: [],
      modality: [],
      negations: [],
      quoted: false,
      checkWorthy,
    });
    return this;
  }

  group(story: string, sentenceIds: string[]): this {
    this.claimGroups.push({
      story,
      members: sentenceIds.map((id) => ({ source: this.sentence(id).source, sentenceId: id })),
    });
    return this;
  }

  build(rules: RuleInfo[]): Built {
    const bySeverity: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
    const byCategory: Partial<Record<Category, number>> = {};
    for (const f of this.findings) {
      bySeverity[f.severity]++;
      byCategory[f.category] = (byCategory[f.category] ?? 0) + 1;
    }
    const report: Report = {
      tool: { name: 'factlint', version: '0.1.0' },
      schemaVersion: 1,
      sources: this.sources,
      stories: this.stories,
      findings: this.findings,
      alignments: this.alignments,
      skipped: [],
      summary: { findings: this.findings.length, bySeverity, byCategory },
    };
    const ctx: RenderContext = {
      texts: this.texts,
      sentences: this.sentences,
      claims: this.claims,
      claimGroups: this.claimGroups,
      rules,
      cwd: CWD,
    };
    return { report, ctx };
  }
}

export const RULES: RuleInfo[] = [
  { id: 'entity-spelling', category: 'entity-mismatch', severity: 'error', description: 'A name is spelled differently across versions. Transliteration is allowed.', help: '**What it finds**: the same entity spelled differently.' },
  { id: 'number-changed', category: 'number-mismatch', severity: 'error', description: 'A figure differs between versions.', help: 'Compare the figures; rounding within precision is allowed.' },
  { id: 'date-changed', category: 'date-mismatch', severity: 'warning', description: 'A date differs between versions.', help: 'Check month and year.' },
  { id: 'certainty-changed', category: 'modality-mismatch', severity: 'warning', description: 'A hedge was dropped or added.', help: '"could" is not "will".' },
  { id: 'omitted-claim', category: 'omission', severity: 'warning', description: 'A check-worthy sentence has no counterpart.', help: 'Translate it or note the cut.' },
  { id: 'added-claim', category: 'addition', severity: 'info', description: 'A sentence appears only in one version.', help: 'Check where it came from.' },
  { id: 'unsourced-claim', category: 'unsourced-claim', severity: 'warning', description: 'A specific claim has no attribution.', help: 'Say who says so.' },
];

/**
 * A segment file's report: `n` units ("u00001" …), each an English source and its Vietnamese target of one sentence
 * with one number-conflict finding ("$1 billion" / "2 tỷ USD"), the unit its own story.
 */
export function unitsFixture(n: number): Built {
  const b = new FixtureBuilder();
  for (let k = 1; k <= n; k++) {
    const u = `u${String(k).padStart(5, '0')}`;
    b.source({ id: `${u}:source`, lang: 'en', paragraphs: [['The fund has $1 billion.']] });
    b.source({ id: `${u}:target`, lang: 'vi', paragraphs: [['Quỹ có 2 tỷ USD.']] });
    b.story(u, [`${u}:source`, `${u}:target`]);
    b.align(u, [`${u}:source#0`], [`${u}:target#0`]);
    b.find('number-conflict', 'number-mismatch', 'error', 'The amount differs', [[`${u}:source#0`, '$1 billion'], [`${u}:target#0`, '2 tỷ USD']], u);
  }
  return b.build([]);
}

export const EN = 'articles/en/huawei.txt';
export const VI = 'articles/vi/huawei.txt';
export const RU = 'articles/ru/huawei.txt';

/** en/vi/ru versions of one story with findings of seven categories and one hostile sentence (en#5). */
export function fixture(): Built {
  const b = new FixtureBuilder()
    .source({
      id: EN,
      lang: 'en',
      published: '2020-02-07',
      byline: 'By Jane Doe <jane@example.com>',
      title: true,
      paragraphs: [
        ['Huawei plays star role in new China-Russia AI partnership'],
        ['Huawei acquired Russian facial recognition firm Vocord in 2019.', 'Experts say the partnership could undermine American dominance.'],
        ['The fund launched in September with an initial budget of $1 billion.', 'It will focus on financing AI research.'],
        [HOSTILE],
      ],
    })
    .source({
      id: VI,
      lang: 'vi',
      published: '2020-02-08',
      title: true,
      paragraphs: [
        ['Huawei đóng vai trò chính trong quan hệ đối tác AI Trung-Nga'],
        ['Huawei đã mua lại công ty nhận dạng khuôn mặt Vocalord của Nga vào năm 2019.', 'Các chuyên gia cho rằng quan hệ đối tác này sẽ làm suy yếu vị thế thống trị của Mỹ.'],
        ['Quỹ ra mắt vào tháng 9 với ngân sách ban đầu là 2 tỷ USD.', 'Huawei cũng mở một khu thử nghiệm 5G tại Moskva.'],
      ],
    })
    .source({
      id: RU,
      lang: 'ru',
      byline: 'Источник: ТАСС',
      title: true,
      paragraphs: [
        ['Huawei играет главную роль в новом российско-китайском партнёрстве в области ИИ'],
        ['Huawei приобрела российскую компанию Vocord в 2019 году.'],
        ['Фонд начал работу в октябре с бюджетом 1 млрд долларов.'],
      ],
    })
    .story('huawei', [EN, VI, RU]);

  const S = 'huawei';
  b.align(S, [`${EN}#0`], [`${VI}#0`]).align(S, [`${EN}#1`], [`${VI}#1`]).align(S, [`${EN}#2`], [`${VI}#2`]).align(S, [`${EN}#3`], [`${VI}#3`]);
  b.align(S, [`${EN}#0`], [`${RU}#0`]).align(S, [`${EN}#1`], [`${RU}#1`]).align(S, [`${EN}#3`], [`${RU}#2`]);
  b.align(S, [`${VI}#0`], [`${RU}#0`]).align(S, [`${VI}#1`], [`${RU}#1`]).align(S, [`${VI}#3`], [`${RU}#2`]);

  b.find('entity-spelling', 'entity-mismatch', 'error', 'Name spelled differently: "Vocord" (en) vs "Vocalord" (vi)', [[`${EN}#1`, 'Vocord'], [`${VI}#1`, 'Vocalord']], S)
    .find('number-changed', 'number-mismatch', 'error', 'Amount differs: "$1 billion" (en) vs "2 tỷ USD" (vi)', [[`${EN}#3`, '$1 billion'], [`${VI}#3`, '2 tỷ USD']], S)
    .find('date-changed', 'date-mismatch', 'warning', 'Month differs: "September" (en) vs "октябре" (ru)', [[`${EN}#3`, 'September'], [`${RU}#2`, 'октябре']], S)
    .find('certainty-changed', 'modality-mismatch', 'warning', 'Certainty changed: "could" (en) vs "sẽ" (vi)', [[`${EN}#2`, 'could'], [`${VI}#2`, 'sẽ']], S)
    .find('omitted-claim', 'omission', 'warning', 'Sentence has no counterpart in articles/vi/huawei.txt', [[`${EN}#4`]], S)
    .find('added-claim', 'addition', 'info', 'Sentence appears only in articles/vi/huawei.txt', [[`${VI}#4`]], S)
    .find('unsourced-claim', 'unsourced-claim', 'warning', 'Claim "<img src=x onerror=alert(1)>" is not attributed to anyone', [[`${EN}#5`, '<img src=x onerror=alert(1)>']], S);

  for (const id of [`${EN}#1`, `${EN}#3`, `${EN}#5`, `${VI}#1`, `${VI}#3`, `${RU}#1`, `${RU}#2`]) b.claim(id);
  b.claim(`${EN}#4`, false);
  b.group(S, [`${EN}#1`, `${VI}#1`, `${RU}#1`]).group(S, [`${EN}#3`, `${VI}#3`, `${RU}#2`]);
  return b.build(RULES);
}

/** Injection attempts in every string that reaches a report: file names, byline, texts, messages, rule docs. */
export const INJECTIONS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '"><svg onload=alert(1)>',
  "'><iframe srcdoc=\"<script>alert(1)</script>\">",
  '</script><script>alert(1)</script>',
  '<!-- --><style>body{display:none}</style>',
  'javascript:alert(1)',
  '{{constructor.constructor("alert(1)")()}}',
  '\u2028\u2029</textarea><a href="javascript:alert(1)">x</a>',
  ']]><x/>&amp;&lt;\u0000\u001b[2J',
] as const;

export function hostileFixture(): Built {
  const a = 'in/"><img src=x onerror=alert(1)>.txt';
  const c = "in/'><svg onload=alert(1)>.txt";
  const b = new FixtureBuilder()
    .source({ id: a, lang: 'en', byline: '<img src=x onerror=alert(1)>', published: '<script>alert(1)</script>', paragraphs: INJECTIONS.map((s) => [`Claim ${s} here.`]) })
    .source({ id: c, lang: '<b>vi</b>', paragraphs: INJECTIONS.map((s) => [`Tuyên bố ${s} đây.`]) })
    .story('"><img src=x onerror=alert(1)>', [a, c]);
  const story = '"><img src=x onerror=alert(1)>';
  INJECTIONS.forEach((s, i) => {
    b.align(story, [`${a}#${i}`], [`${c}#${i}`]);
    b.find(`rule-${i}<img src=x onerror=alert(1)>`, 'entity-mismatch', 'error', `Message ${s}`, [[`${a}#${i}`, s], [`${c}#${i}`, s]], story);
  });
  const rules: RuleInfo[] = INJECTIONS.map((s, i) => ({
    id: `rule-${i}<img src=x onerror=alert(1)>`,
    category: 'entity-mismatch',
    severity: 'error',
    description: s,
    help: s,
  }));
  return b.build(rules);
}

const CATS: Category[] = ['entity-mismatch', 'number-mismatch', 'date-mismatch', 'event-mismatch', 'attribution-mismatch', 'modality-mismatch', 'negation-mismatch'];
const SEVS: Severity[] = ['error', 'warning', 'info'];

/** A two-source story of `n` aligned sentence pairs, one finding per pair (n findings). */
export function largeFixture(n = 2000): Built {
  const words = (i: number, lang: string) =>
    `${lang === 'en' ? 'Sentence' : 'Câu'} ${i}: company Name${i % 97} reported ${i * 3} units in ${2000 + (i % 25)} at site ${i % 13}.`;
  const paras = (lang: string) => Array.from({ length: Math.ceil(n / 5) }, (_, p) => Array.from({ length: 5 }, (_, k) => words(p * 5 + k, lang)).slice(0, Math.max(0, n - p * 5)));
  const A = 'big/en.txt';
  const B = 'big/vi.txt';
  const b = new FixtureBuilder()
    .source({ id: A, lang: 'en', paragraphs: paras('en') })
    .source({ id: B, lang: 'vi', paragraphs: paras('vi') })
    .story('big', [A, B]);
  for (let i = 0; i < n; i++) {
    b.align('big', [`${A}#${i}`], [`${B}#${i}`]);
    const cat = CATS[i % CATS.length] ?? 'entity-mismatch';
    const sev = SEVS[i % SEVS.length] ?? 'info';
    b.find(`rule-${cat}`, cat, sev, `Finding ${i}: Name${i % 97} differs`, [[`${A}#${i}`, `Name${i % 97}`], [`${B}#${i}`, `Name${i % 97}`]], 'big');
  }
  const rules: RuleInfo[] = CATS.map((c) => ({ id: `rule-${c}`, category: c, severity: 'warning', description: `Checks ${c}.`, help: '' }));
  return b.build(rules);
}

/** Strings made of what breaks output formats: markup, quotes, controls, line breaks, CDATA ends, lone surrogates. */
export const nastyText = fc.string({
  unit: fc.oneof(
    fc.constantFrom('<', '>', '&', '"', "'", '`', '|', '%', ':', ',', '=', '#', ']]>', '<!--', '</script>', '<img src=x onerror=alert(1)>', '::error::', '%0A', '\u001b[31m', '\u001b]0;x\u0007', '\r', '\n', '\r\n', '\t', '\u0000', '\u0085', '\u2028', '\u2029', '\ufffe', '\ud800', '\udfff', '😀'),
    fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
  ),
  maxLength: 30,
});

/** Two versions of one sentence around `text`, with an entity finding on `text` in both; `name` goes into file names. */
export function nastyFixture(text: string, message: string, name: string): Built {
  const a = `d/${name}.en.txt`;
  const b = `d/${name}.vi.txt`;
  return new FixtureBuilder()
    .source({ id: a, lang: 'en', byline: message, paragraphs: [[`Start ${text} end.`]] })
    .source({ id: b, lang: 'vi', paragraphs: [[`Bắt đầu ${text} kết thúc.`]] })
    .story(name, [a, b])
    .align(name, [`${a}#0`], [`${b}#0`])
    .find(`rule-${name}`, 'entity-mismatch', 'error', message, [[`${a}#0`, text], [`${b}#0`, text]], name)
    .build(RULES);
}
