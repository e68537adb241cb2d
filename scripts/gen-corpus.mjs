#!/usr/bin/env node
// Deterministic synthetic news corpus for the benchmark (scripts/bench.mjs).
//
//   node scripts/gen-corpus.mjs --docs N --out DIR [--seed S]
//
// Writes N text files into DIR: stories told in 2–4 versions (English, Vietnamese, Russian; sometimes a second
// English outlet), with planted discrepancies in some versions, and about 20% unrelated single-version "noise"
// stories. Every name (companies, people, cities, regions) is invented from syllables; no real entity appears.
// DIR/manifest.json says which files are versions of which story and what was planted where, so a benchmark can
// measure recall. The same --docs and --seed always give byte-identical files (own PRNG; no Math.random, no
// locale-dependent formatting), on any machine.
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Bump when the output changes, so cached corpora (bench.mjs) are regenerated. */
export const GENERATOR_VERSION = 1;

// ---------------------------------------------------------------- PRNG (sfc32 seeded by cyrb128 of the seed string)

function cyrb128(str) {
  let h1 = 1779033703, h2 = 3144134277, h3 = 1013904242, h4 = 2773480762;
  for (let i = 0; i < str.length; i++) {
    const k = str.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4; h2 ^= h1; h3 ^= h1; h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

export function makeRng(seed) {
  let [a, b, c, d] = cyrb128(String(seed));
  const next = () => {
    a >>>= 0; b >>>= 0; c >>>= 0; d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 15; i++) next();
  const rng = {
    next,
    /** Integer in [lo, hi], both included. */
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: (arr) => arr[Math.floor(next() * arr.length)],
    chance: (p) => next() < p,
    shuffle: (arr) => {
      const out = [...arr];
      for (let i = out.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [out[i], out[j]] = [out[j], out[i]];
      }
      return out;
    },
    /** Picks a key of `weights` ({key: weight}) with probability proportional to its weight. */
    weighted: (weights) => {
      const entries = Object.entries(weights);
      let r = next() * entries.reduce((s, [, w]) => s + w, 0);
      for (const [k, w] of entries) { if ((r -= w) < 0) return k; }
      return entries[entries.length - 1][0];
    },
  };
  return rng;
}

// ---------------------------------------------------------------- invented names

const ONSETS = ['b', 'd', 'f', 'g', 'k', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'z', 'b', 'd', 'k', 'm', 'n', 'r', 's', 't', 'v', 'br', 'tr', 'st', 'gr'];
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'a', 'e', 'o'];
const CODAS = ['n', 'r', 'l', 's', 'k', 'm', 't', 'v'];
const SURNAME_ENDS = ['vik', 'ren', 'dal', 'mar', 'sen', 'ko', 'lin', 'nov', 'tas', 'vel', 'ros', 'gen', 'berg', 'mont'];
const COMPANY_ENDS = ['ix', 'on', 'ar', 'is', 'ex', 'a', 'or', 'um', 'ia', 'tek', 'ova', 'ant'];
const CITY_ENDS = ['dor', 'var', 'stad', 'mir', 'gard', 'ton', 'polis', 'ava', 'ek', 'ria'];

// Letter by letter, as Russian media transliterate foreign names (the inverse of what `transliteration` does).
const CYR = { a: 'а', b: 'б', d: 'д', e: 'е', f: 'ф', g: 'г', i: 'и', k: 'к', l: 'л', m: 'м', n: 'н', o: 'о', p: 'п', r: 'р', s: 'с', t: 'т', u: 'у', v: 'в', z: 'з' };
export function toCyrillic(name) {
  return name.split(' ').map((w) => {
    let out = '';
    const low = w.toLowerCase();
    for (let i = 0; i < low.length; i++) {
      const ch = low[i];
      // "ia" is written "ия"; a word-initial "e" is "э" (Erik -> Эрик).
      if (ch === 'a' && low[i - 1] === 'i') out += 'я';
      else if (ch === 'e' && i === 0) out += 'э';
      else out += CYR[ch] ?? ch;
    }
    return out.charAt(0).toUpperCase() + out.slice(1);
  }).join(' ');
}

const cap = (s) => s.charAt(0).toUpperCase() + s.slice(1);

function syllable(rng) {
  return rng.pick(ONSETS) + rng.pick(VOWELS) + (rng.chance(0.3) ? rng.pick(CODAS) : '');
}

class Names {
  constructor(rng) { this.rng = rng; this.used = new Set(); }
  unique(make) {
    for (let i = 0; i < 1000; i++) {
      const n = make();
      const k = n.toLowerCase();
      if (!this.used.has(k) && n.length >= 4) { this.used.add(k); return n; }
    }
    throw new Error('gen-corpus: ran out of invented names');
  }
  company() {
    const r = this.rng;
    return this.unique(() => cap(syllable(r) + (r.chance(0.5) ? syllable(r) : '') + r.pick(COMPANY_ENDS)));
  }
  city() { const r = this.rng; return this.unique(() => cap(syllable(r) + syllable(r) + r.pick(CITY_ENDS))); }
  region() { const r = this.rng; return this.unique(() => cap(syllable(r) + syllable(r) + (r.chance(0.5) ? syllable(r) : ''))); }
  person() {
    const r = this.rng;
    const female = r.chance(0.45);
    // Female first names end in -a (Marena), male ones in a consonant (Tomek): Russian verbs agree with them.
    const first = female ? cap(syllable(r).replace(/[^aeiou]+$/, '') + r.pick(ONSETS).charAt(0) + 'a')
      : cap(syllable(r).replace(/[^aeiou]+$/, '') + r.pick(ONSETS).charAt(0) + r.pick(VOWELS) + r.pick(CODAS));
    const last = this.unique(() => cap(syllable(r) + (r.chance(0.4) ? syllable(r) : '') + r.pick(SURNAME_ENDS)));
    return { first, last, female };
  }
}

// ---------------------------------------------------------------- per-language formatting

const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const MONTHS_RU_GEN = ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'];
const MONTHS_RU_PREP = ['январе', 'феврале', 'марте', 'апреле', 'мае', 'июне', 'июле', 'августе', 'сентябре', 'октябре', 'ноябре', 'декабре'];
const NBSP = '\u00A0';

/** Integer with thousands marks: en "12,500", vi "12.500", ru "12 500" (no-break space). Under 10,000 ru keeps it plain. */
export function fmtInt(n, lang) {
  const s = String(Math.trunc(n));
  if (lang === 'ru' && n < 10000) return s;
  const sep = lang === 'en' ? ',' : lang === 'vi' ? '.' : NBSP;
  return s.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
}
const fmtDec = (x, lang) => { const s = Number.isInteger(x) ? String(x) : x.toFixed(1); return lang === 'en' ? s : s.replace('.', ','); };
const fmtPct = (x, lang) => `${fmtDec(x, lang)}%`;

/** A money amount given in millions of US dollars. */
export function fmtMoney(millions, lang) {
  if (millions >= 1000) {
    const b = fmtDec(Math.round(millions / 100) / 10, lang);
    return lang === 'en' ? `$${b} billion` : lang === 'vi' ? `${b} tỷ USD` : `${b} млрд долларов`;
  }
  return lang === 'en' ? `$${millions} million` : lang === 'vi' ? `${millions} triệu USD` : `${millions} млн долларов`;
}

const dateline = (d, lang) => (lang === 'en' ? `${MONTHS_EN[d.m - 1]} ${d.d}, ${d.y}`
  : lang === 'vi' ? `${String(d.d).padStart(2, '0')}/${String(d.m).padStart(2, '0')}/${d.y}` : `${d.d} ${MONTHS_RU_GEN[d.m - 1]} ${d.y}`);
/** Day and month inside a sentence: "March 14", "14/3", "14 марта". */
const dayMonth = (d, lang) => (lang === 'en' ? `${MONTHS_EN[d.m - 1]} ${d.d}` : lang === 'vi' ? `${d.d}/${d.m}` : `${d.d} ${MONTHS_RU_GEN[d.m - 1]}`);
/** Month and year: "in March 2024", "vào tháng 3 năm 2024", "в марте 2024 года". */
const inMonth = (d, lang) => (lang === 'en' ? `in ${MONTHS_EN[d.m - 1]} ${d.y}` : lang === 'vi' ? `vào tháng ${d.m} năm ${d.y}` : `в ${MONTHS_RU_PREP[d.m - 1]} ${d.y} года`);

/** Russian plural form for a count: 1 завод, 2 завода, 5 заводов. */
const ruPlural = (n, one, few, many) => {
  const m10 = n % 10, m100 = n % 100;
  if (m10 === 1 && m100 !== 11) return one;
  if (m10 >= 2 && m10 <= 4 && (m100 < 12 || m100 > 14)) return few;
  return many;
};

// ---------------------------------------------------------------- vocabulary

const SECTORS = [
  { en: 'battery maker', vi: 'nhà sản xuất pin', ru: 'производитель аккумуляторов', p: { en: 'battery packs', vi: 'bộ pin', ru: 'аккумуляторных блоков' } },
  { en: 'steel producer', vi: 'nhà sản xuất thép', ru: 'сталелитейная компания', p: { en: 'tonnes of steel', vi: 'tấn thép', ru: 'тонн стали' } },
  { en: 'chipmaker', vi: 'nhà sản xuất chip', ru: 'производитель микросхем', p: { en: 'silicon wafers', vi: 'tấm wafer silicon', ru: 'кремниевых пластин' } },
  { en: 'solar panel maker', vi: 'nhà sản xuất tấm pin mặt trời', ru: 'производитель солнечных панелей', p: { en: 'solar panels', vi: 'tấm pin mặt trời', ru: 'солнечных панелей' } },
  { en: 'fertiliser company', vi: 'công ty phân bón', ru: 'производитель удобрений', p: { en: 'tonnes of fertiliser', vi: 'tấn phân bón', ru: 'тонн удобрений' } },
  { en: 'cement maker', vi: 'nhà sản xuất xi măng', ru: 'цементная компания', p: { en: 'tonnes of cement', vi: 'tấn xi măng', ru: 'тонн цемента' } },
  { en: 'textile group', vi: 'tập đoàn dệt may', ru: 'текстильная группа', p: { en: 'garments', vi: 'sản phẩm may mặc', ru: 'швейных изделий' } },
  { en: 'carmaker', vi: 'hãng sản xuất ô tô', ru: 'автопроизводитель', p: { en: 'vehicles', vi: 'xe', ru: 'автомобилей' } },
  { en: 'pharmaceutical firm', vi: 'công ty dược phẩm', ru: 'фармацевтическая компания', p: { en: 'doses of vaccine', vi: 'liều vắc-xin', ru: 'доз вакцины' } },
  { en: 'packaging company', vi: 'công ty bao bì', ru: 'производитель упаковки', p: { en: 'tonnes of packaging', vi: 'tấn bao bì', ru: 'тонн упаковки' } },
];
const TITLES = [
  { en: 'Industry Minister', vi: 'Bộ trưởng Bộ Công Thương', ru: 'министр промышленности' },
  { en: 'Finance Minister', vi: 'Bộ trưởng Bộ Tài chính', ru: 'министр финансов' },
  { en: 'Economy Minister', vi: 'Bộ trưởng Bộ Kinh tế', ru: 'министр экономики' },
  { en: 'Deputy Prime Minister', vi: 'Phó Thủ tướng', ru: 'вице-премьер' },
  { en: 'Trade Minister', vi: 'Bộ trưởng Bộ Thương mại', ru: 'министр торговли' },
];
const QUARTERS = [
  { en: 'first', vi: 'I', ru: 'первом' }, { en: 'second', vi: 'II', ru: 'втором' },
  { en: 'third', vi: 'III', ru: 'третьем' }, { en: 'fourth', vi: 'IV', ru: 'четвертом' },
];
const FIRM_ENDS = ['Research', 'Capital', 'Partners', 'Securities', 'Analytics'];
const COUNTRY_COUNTS = [3, 4, 5, 6, 7, 8, 9, 10, 12, 14, 15, 18, 20, 25, 30, 40];

// ---------------------------------------------------------------- sentence templates
//
// Each template renders one sentence of a story in a language from the version's facts `f` and a renderer `r`
// (names and numbers in that language). Translations render the same template list, so versions align sentence
// by sentence; a second English outlet uses `en2` wordings where given.

const person = (p, lang) => (lang === 'ru' ? toCyrillic(`${p.first} ${p.last}`) : `${p.first} ${p.last}`);
const surname = (p, lang) => (lang === 'ru' ? toCyrillic(p.last) : p.last);
const viHon = (p) => (p.female ? 'bà' : 'ông');
const ruV = (p, male, female) => (p.female ? female : male);
const place = (n, lang) => (lang === 'ru' ? toCyrillic(n) : n);

/** Core templates: always in every version (they carry what can be planted). */
const CORE = {
  lead: {
    plant: (f, L) => ({
      en: `${f.co}, a ${f.sector.en} based in ${f.city}, said on ${dayMonth(f.date, L)} that it would invest ${fmtMoney(f.amount, L)} in a new factory in the ${f.region} region.`,
      en2: `${cap(f.sector.en)} ${f.co} will spend ${fmtMoney(f.amount, L)} on a new factory in the ${f.region} region, the ${f.city}-based company announced on ${dayMonth(f.date, L)}.`,
      vi: `Ngày ${dayMonth(f.date, L)}, ${f.co}, ${f.sector.vi} có trụ sở tại ${f.city}, cho biết sẽ đầu tư ${fmtMoney(f.amount, L)} vào một nhà máy mới ở vùng ${f.region}.`,
      ru: `${dayMonth(f.date, L)} компания ${f.co}, ${f.sector.ru} из города ${place(f.city, L)}, объявила, что инвестирует ${fmtMoney(f.amount, L)} в строительство нового завода в регионе ${place(f.region, L)}.`,
    }),
    deal: (f, L) => ({
      en: `${f.co}, a ${f.sector.en} based in ${f.city}, agreed on ${dayMonth(f.date, L)} to buy its smaller rival ${f.target} for ${fmtMoney(f.amount, L)}.`,
      en2: `${f.city}-based ${f.co} will pay ${fmtMoney(f.amount, L)} for rival ${f.target}, the company said on ${dayMonth(f.date, L)}.`,
      vi: `Ngày ${dayMonth(f.date, L)}, ${f.co}, ${f.sector.vi} có trụ sở tại ${f.city}, đã đồng ý mua lại đối thủ nhỏ hơn là ${f.target} với giá ${fmtMoney(f.amount, L)}.`,
      ru: `${dayMonth(f.date, L)} компания ${f.co}, ${f.sector.ru} из города ${place(f.city, L)}, договорилась о покупке более мелкого конкурента ${f.target} за ${fmtMoney(f.amount, L)}.`,
    }),
  },
  quote: {
    plant: (f, L) => ({
      en: `“This is the largest investment in our history,” said ${person(f.ceo, L)}, chief executive of ${f.co}.`,
      en2: `“Nothing we have built so far comes close to this,” ${person(f.ceo, L)}, the chief executive of ${f.co}, told reporters.`,
      vi: `“Đây là khoản đầu tư lớn nhất trong lịch sử của chúng tôi,” ${viHon(f.ceo)} ${person(f.ceo, L)}, tổng giám đốc ${f.co}, cho biết.`,
      ru: `«Это крупнейшая инвестиция в нашей истории», — ${ruV(f.ceo, 'заявил', 'заявила')} ${person(f.ceo, L)}, генеральный директор ${f.co}.`,
    }),
    deal: (f, L) => ({
      en: `“Together we will be stronger in every market we serve,” said ${person(f.ceo, L)}, chief executive of ${f.co}.`,
      vi: `“Cùng nhau, chúng tôi sẽ mạnh hơn ở mọi thị trường mà chúng tôi phục vụ,” ${viHon(f.ceo)} ${person(f.ceo, L)}, tổng giám đốc ${f.co}, cho biết.`,
      ru: `«Вместе мы станем сильнее на всех рынках, где работаем», — ${ruV(f.ceo, 'заявил', 'заявила')} ${person(f.ceo, L)}, генеральный директор ${f.co}.`,
    }),
  },
  negation: {
    any: (f, L) => {
      const what = f.family === 'plant' ? 'its existing plants' : `${f.target}`;
      const whatVi = f.family === 'plant' ? 'các nhà máy hiện có' : `${f.target}`;
      const whatRu = f.family === 'plant' ? 'на действующих заводах' : `в ${f.target}`;
      return {
        en: `${surname(f.ceo, L)} said the company would ${f.negated ? 'not ' : ''}cut jobs at ${what}.`,
        en2: `The company would ${f.negated ? 'not ' : ''}cut jobs at ${what}, ${surname(f.ceo, L)} said.`,
        vi: `${cap(viHon(f.ceo))} ${surname(f.ceo, L)} cho biết công ty sẽ ${f.negated ? 'không ' : ''}cắt giảm việc làm tại ${whatVi}.`,
        ru: `${surname(f.ceo, L)} ${ruV(f.ceo, 'сообщил', 'сообщила')}, что компания ${f.negated ? 'не ' : ''}будет сокращать рабочие места ${whatRu}.`,
      };
    },
  },
  approval: {
    any: (f, L) => {
      const obj = f.family === 'plant' ? { en: 'project', vi: 'dự án', ru: 'проект' } : { en: 'deal', vi: 'thương vụ', ru: 'сделку' };
      return {
        en: `${f.title.en} ${person(f.official, L)} welcomed the decision, saying the government had approved the ${obj.en} ${inMonth(f.approval, L)}.`,
        vi: `${f.title.vi} ${person(f.official, L)} hoan nghênh quyết định này và cho biết chính phủ đã phê duyệt ${obj.vi} ${inMonth(f.approval, L)}.`,
        ru: `${cap(f.title.ru)} ${person(f.official, L)} ${ruV(f.official, 'приветствовал', 'приветствовала')} это решение, отметив, что правительство одобрило ${obj.ru} ${inMonth(f.approval, L)}.`,
      };
    },
  },
};

/** Other fact sentences: included in a story's plan at random. */
const FACTS = {
  jobs: {
    plant: (f, L) => ({
      en: `The project is expected to create ${fmtInt(f.jobs, L)} jobs by ${f.targetYear}.`,
      vi: `Dự án dự kiến tạo ra ${fmtInt(f.jobs, L)} việc làm vào năm ${f.targetYear}.`,
      ru: `Ожидается, что к ${f.targetYear} году проект создаст ${fmtInt(f.jobs, L)} рабочих мест.`,
    }),
    deal: (f, L) => ({
      en: `${f.target} employs ${fmtInt(f.jobs, L)} people at ${f.nPlants} plants.`,
      vi: `${f.target} có ${fmtInt(f.jobs, L)} nhân viên làm việc tại ${f.nPlants} nhà máy.`,
      ru: `В ${f.target} работают ${fmtInt(f.jobs, L)} человек на ${f.nPlants} ${ruPlural(f.nPlants, 'заводе', 'заводах', 'заводах')}.`,
    }),
  },
  revenue: {
    any: (f, L) => ({
      en: `${f.co} reported revenue of ${fmtMoney(f.revenue, L)} last year, up ${fmtPct(f.pct, L)} from a year earlier.`,
      vi: `Năm ngoái, ${f.co} đạt doanh thu ${fmtMoney(f.revenue, L)}, tăng ${fmtPct(f.pct, L)} so với một năm trước đó.`,
      ru: `В прошлом году выручка ${f.co} составила ${fmtMoney(f.revenue, L)}, увеличившись на ${fmtPct(f.pct, L)} по сравнению с предыдущим годом.`,
    }),
  },
  analyst: {
    any: (f, L) => ({
      en: `${person(f.analyst, L)}, an analyst at ${f.firm}, said the ${f.family === 'plant' ? 'investment' : 'deal'} could double the region's industrial output within a decade.`,
      vi: `${cap(viHon(f.analyst))} ${person(f.analyst, L)}, chuyên gia phân tích tại ${f.firm}, nhận định ${f.family === 'plant' ? 'khoản đầu tư' : 'thương vụ'} có thể giúp sản lượng công nghiệp của vùng tăng gấp đôi trong vòng một thập kỷ.`,
      ru: `${person(f.analyst, L)}, аналитик ${f.firm}, считает, что ${f.family === 'plant' ? 'инвестиции могут' : 'сделка может'} удвоить промышленное производство региона в течение десяти лет.`,
    }),
  },
  start: {
    plant: (f, L) => ({
      en: `Construction could begin as early as ${MONTHS_EN[f.start.m - 1]} ${f.start.y}, the company said.`,
      vi: `Theo công ty, việc xây dựng có thể bắt đầu sớm nhất ${inMonth(f.start, L)}.`,
      ru: `По данным компании, строительство может начаться уже ${inMonth(f.start, L)}.`,
    }),
    deal: (f, L) => ({
      en: `The deal is expected to close in the ${f.quarter.en} quarter of ${f.start.y}, subject to regulatory approval.`,
      vi: `Thương vụ dự kiến hoàn tất trong quý ${f.quarter.vi} năm ${f.start.y}, nếu được cơ quan quản lý chấp thuận.`,
      ru: `Ожидается, что сделка будет закрыта в ${f.quarter.ru} квартале ${f.start.y} года после одобрения регуляторов.`,
    }),
  },
  shares: {
    any: (f, L) => ({
      en: `Shares of ${f.co} rose ${fmtPct(f.pct2, L)} in ${f.city} after the announcement.`,
      vi: `Cổ phiếu ${f.co} tăng ${fmtPct(f.pct2, L)} trên sàn ${f.city} sau thông báo.`,
      ru: `После этого объявления акции ${f.co} на бирже города ${place(f.city, L)} подорожали на ${fmtPct(f.pct2, L)}.`,
    }),
  },
  capacity: {
    any: (f, L) => {
      const who = f.family === 'plant' ? { en: 'The factory will have', vi: 'Nhà máy sẽ có', ru: 'завода составит' } : { en: `${f.target} has`, vi: `${f.target} có`, ru: `${f.target} составляет` };
      return {
        en: `${who.en} an annual capacity of ${fmtInt(f.cap, L)} ${f.sector.p.en}.`,
        vi: `${who.vi} công suất ${fmtInt(f.cap, L)} ${f.sector.p.vi} mỗi năm.`,
        ru: `Годовая мощность ${who.ru} ${fmtInt(f.cap, L)} ${f.sector.p.ru}.`,
      };
    },
  },
  background: {
    any: (f, L) => ({
      en: `Founded in ${f.founded}, ${f.co} employs about ${fmtInt(f.staff, L)} people in ${f.countries} countries.`,
      vi: `Được thành lập năm ${f.founded}, ${f.co} hiện có khoảng ${fmtInt(f.staff, L)} nhân viên tại ${f.countries} quốc gia.`,
      ru: `Компания ${f.co}, основанная в ${f.founded} году, насчитывает около ${fmtInt(f.staff, L)} сотрудников в ${f.countries} странах.`,
    }),
  },
  loan: {
    any: (f, L) => ({
      en: `The ${f.family === 'plant' ? 'project' : 'purchase'} will be partly financed by a ${fmtMoney(f.loan, L)} loan from ${f.bank}.`,
      vi: `${f.family === 'plant' ? 'Dự án' : 'Thương vụ'} sẽ được tài trợ một phần bằng khoản vay ${fmtMoney(f.loan, L)} từ ${f.bank}.`,
      ru: `${f.family === 'plant' ? 'Проект будет частично профинансирован' : 'Покупка будет частично профинансирована'} за счет кредита ${f.bank} на сумму ${fmtMoney(f.loan, L)}.`,
    }),
  },
  environment: {
    any: (f, L) => ({
      en: `Environmental groups in ${f.city} have not yet commented on the plan.`,
      vi: `Các tổ chức môi trường tại ${f.city} vẫn chưa bình luận về kế hoạch này.`,
      ru: `Экологические организации города ${place(f.city, L)} пока не прокомментировали этот план.`,
    }),
  },
  rival: {
    any: (f, L) => ({
      en: `Its rival ${f.rival} announced a similar project last year but has since put it on hold.`,
      vi: `Đối thủ ${f.rival} đã công bố một dự án tương tự vào năm ngoái nhưng sau đó tạm dừng.`,
      ru: `Конкурент компании, ${f.rival}, объявил о похожем проекте в прошлом году, но затем приостановил его.`,
    }),
  },
  premium: {
    deal: (f, L) => ({
      en: `The price represents a premium of ${fmtPct(f.pct3, L)} to ${f.target}'s average share price over the past month.`,
      vi: `Mức giá này cao hơn ${fmtPct(f.pct3, L)} so với giá cổ phiếu trung bình của ${f.target} trong tháng qua.`,
      ru: `Цена предполагает премию в размере ${fmtPct(f.pct3, L)} к средней цене акций ${f.target} за последний месяц.`,
    }),
  },
  plants: {
    any: (f, L) => ({
      en: `${f.co} already operates ${f.nOwn} plants in the ${f.region} region.`,
      vi: `${f.co} hiện đã vận hành ${f.nOwn} nhà máy tại vùng ${f.region}.`,
      ru: `У компании ${f.co} уже есть ${f.nOwn} ${ruPlural(f.nOwn, 'завод', 'завода', 'заводов')} в регионе ${place(f.region, L)}.`,
    }),
  },
  population: {
    any: (f, L) => ({
      en: `${f.city} has a population of about ${fmtInt(f.pop, L)}.`,
      vi: `Dân số của ${f.city} vào khoảng ${fmtInt(f.pop, L)} người.`,
      ru: `Население города ${place(f.city, L)} составляет около ${fmtInt(f.pop, L)} человек.`,
    }),
  },
  distance: {
    any: (f, L) => ({
      en: `The site lies about ${f.km} kilometres from ${f.city}.`,
      vi: `Địa điểm này cách ${f.city} khoảng ${f.km} km.`,
      ru: `Площадка находится примерно в ${f.km} километрах от города ${place(f.city, L)}.`,
    }),
  },
  stake: {
    any: (f, L) => ({
      en: `The ${f.region} regional government owns a small stake in ${f.co}.`,
      vi: `Chính quyền vùng ${f.region} nắm giữ một phần nhỏ cổ phần của ${f.co}.`,
      ru: `Правительству региона ${place(f.region, L)} принадлежит небольшая доля в ${f.co}.`,
    }),
  },
  meeting: {
    any: (f, L) => ({
      en: `${f.co} said it would publish further details at its annual meeting.`,
      vi: `${f.co} cho biết sẽ công bố thêm chi tiết tại đại hội cổ đông thường niên.`,
      ru: `Компания ${f.co} сообщила, что раскроет подробности на ежегодном собрании акционеров.`,
    }),
  },
  quoteSites: {
    any: (f, L) => ({
      en: `“We looked at sites in many countries, and none offered the combination of skilled workers, infrastructure and support that we found here,” ${surname(f.ceo, L)} said.`,
      vi: `“Chúng tôi đã xem xét địa điểm ở nhiều quốc gia, và không nơi nào có được sự kết hợp giữa lao động lành nghề, hạ tầng và sự hỗ trợ như chúng tôi tìm thấy ở đây,” ${viHon(f.ceo)} ${surname(f.ceo, L)} nói.`,
      ru: `«Мы рассматривали площадки во многих странах, и ни одна не предлагала такого сочетания квалифицированных кадров, инфраструктуры и поддержки, как здесь», — ${ruV(f.ceo, 'сказал', 'сказала')} ${surname(f.ceo, L)}.`,
    }),
  },
  quoteOfficial: {
    any: (f, L) => ({
      en: `“This shows that our region can compete for the industries of the future, and we will make sure that local people share in the benefits,” ${surname(f.official, L)} told reporters in ${f.city}.`,
      vi: `“Điều này cho thấy vùng của chúng ta có thể cạnh tranh để thu hút các ngành công nghiệp của tương lai, và chúng tôi sẽ bảo đảm người dân địa phương được hưởng lợi,” ${viHon(f.official)} ${surname(f.official, L)} nói với các phóng viên tại ${f.city}.`,
      ru: `«Это показывает, что наш регион способен бороться за отрасли будущего, и мы позаботимся о том, чтобы местные жители получили от этого пользу», — ${ruV(f.official, 'сказал', 'сказала')} ${surname(f.official, L)} журналистам в городе ${place(f.city, L)}.`,
    }),
  },
  quoteAnalyst: {
    any: (f, L) => ({
      en: `“The timing makes sense, because demand is rising faster than supply, but execution will be the real test,” said ${surname(f.analyst, L)} of ${f.firm}.`,
      vi: `“Thời điểm này là hợp lý vì nhu cầu đang tăng nhanh hơn nguồn cung, nhưng việc triển khai mới là thử thách thực sự,” ${viHon(f.analyst)} ${surname(f.analyst, L)} của ${f.firm} nhận xét.`,
      ru: `«Время выбрано удачно, потому что спрос растет быстрее предложения, но настоящим испытанием станет реализация», — ${ruV(f.analyst, 'отметил', 'отметила')} ${surname(f.analyst, L)} из ${f.firm}.`,
    }),
  },
  quoteWorkers: {
    any: (f, L) => ({
      en: `${surname(f.ceo, L)} added that the company would invest in training and expected most of the new staff to come from ${f.city} and the surrounding area.`,
      vi: `${cap(viHon(f.ceo))} ${surname(f.ceo, L)} nói thêm rằng công ty sẽ đầu tư vào đào tạo và dự kiến phần lớn nhân viên mới sẽ đến từ ${f.city} và các khu vực lân cận.`,
      ru: `${surname(f.ceo, L)} ${ruV(f.ceo, 'добавил', 'добавила')}, что компания вложит средства в обучение и рассчитывает, что большинство новых сотрудников будут из города ${place(f.city, L)} и его окрестностей.`,
    }),
  },
  officialPlans: {
    any: (f, L) => ({
      en: `${surname(f.official, L)} said the government was also planning new roads and a power line to the ${f.region} region to support the project.`,
      vi: `${cap(viHon(f.official))} ${surname(f.official, L)} cho biết chính phủ cũng đang lên kế hoạch xây dựng đường mới và đường dây điện tới vùng ${f.region} để hỗ trợ dự án.`,
      ru: `По словам чиновника, правительство также планирует построить новые дороги и линию электропередачи в регион ${place(f.region, L)}, чтобы поддержать проект.`,
    }),
  },
};

/** Sentences without names or numbers: the general talk that fills out a news article. */
const FILLERS = [
  ['Demand for the company’s products has grown steadily in recent years.', 'Nhu cầu đối với sản phẩm của công ty đã tăng đều đặn trong những năm gần đây.', 'Спрос на продукцию компании в последние годы стабильно растет.'],
  ['The company did not give details of the financing.', 'Công ty không cung cấp chi tiết về nguồn vốn.', 'Компания не раскрыла подробностей финансирования.'],
  ['Local officials said the site had been chosen because of its access to the port and the railway.', 'Các quan chức địa phương cho biết địa điểm này được chọn vì gần cảng biển và đường sắt.', 'Местные чиновники сообщили, что площадку выбрали из-за близости к порту и железной дороге.'],
  ['Industry groups have called for clearer rules on foreign investment.', 'Các hiệp hội ngành đã kêu gọi có quy định rõ ràng hơn về đầu tư nước ngoài.', 'Отраслевые объединения призвали ввести более четкие правила для иностранных инвестиций.'],
  ['Energy costs remain one of the biggest concerns for manufacturers in the area.', 'Chi phí năng lượng vẫn là một trong những mối lo lớn nhất của các nhà sản xuất trong khu vực.', 'Стоимость энергии остается одной из главных проблем для производителей в этом районе.'],
  ['Some residents have raised concerns about traffic and noise near the site.', 'Một số người dân đã bày tỏ lo ngại về giao thông và tiếng ồn gần khu vực dự án.', 'Некоторые жители выразили обеспокоенность транспортной нагрузкой и шумом рядом с площадкой.'],
  ['The announcement comes as several companies are moving production closer to their customers.', 'Thông báo được đưa ra khi nhiều công ty đang dịch chuyển sản xuất đến gần khách hàng hơn.', 'Это заявление прозвучало на фоне того, что ряд компаний переносит производство ближе к своим клиентам.'],
  ['Economists expect investment in the sector to keep rising.', 'Các nhà kinh tế dự báo đầu tư vào lĩnh vực này sẽ tiếp tục tăng.', 'Экономисты ожидают, что инвестиции в отрасль продолжат расти.'],
  ['Training programmes for new workers are due to start soon.', 'Các chương trình đào tạo cho công nhân mới sẽ sớm được triển khai.', 'Программы обучения для новых работников должны начаться в ближайшее время.'],
  ['The company said it was in talks with several suppliers.', 'Công ty cho biết đang đàm phán với một số nhà cung cấp.', 'В компании сообщили, что ведут переговоры с несколькими поставщиками.'],
  ['Competition for skilled engineers in the region is intense.', 'Cạnh tranh để tuyển dụng kỹ sư lành nghề trong vùng rất gay gắt.', 'Конкуренция за квалифицированных инженеров в регионе очень высока.'],
  ['The plan still needs approval from the local council.', 'Kế hoạch này vẫn cần được hội đồng địa phương phê duyệt.', 'План еще должен утвердить местный совет.'],
  ['Trade unions said they would follow the project closely.', 'Các công đoàn cho biết sẽ theo dõi sát sao dự án.', 'Профсоюзы заявили, что будут внимательно следить за проектом.'],
  ['Prices for raw materials have been volatile over the past year.', 'Giá nguyên liệu thô biến động mạnh trong năm qua.', 'Цены на сырье в течение последнего года были нестабильными.'],
  ['The government has offered tax breaks to attract manufacturers to the area.', 'Chính phủ đã đưa ra các ưu đãi thuế để thu hút các nhà sản xuất đến khu vực này.', 'Правительство предложило налоговые льготы, чтобы привлечь производителей в этот район.'],
  ['Analysts said the move reflected growing confidence in the local economy.', 'Các nhà phân tích cho rằng động thái này phản ánh niềm tin ngày càng tăng vào nền kinh tế địa phương.', 'По мнению аналитиков, этот шаг отражает растущую уверенность в местной экономике.'],
  ['The company plans to use renewable energy to power the site.', 'Công ty có kế hoạch sử dụng năng lượng tái tạo để cung cấp điện cho nhà máy.', 'Компания планирует использовать для площадки возобновляемые источники энергии.'],
  ['Exports account for most of the company’s sales.', 'Xuất khẩu chiếm phần lớn doanh số của công ty.', 'Большая часть продаж компании приходится на экспорт.'],
  ['Details of the supply contracts were not made public.', 'Chi tiết các hợp đồng cung ứng không được công bố.', 'Подробности контрактов на поставку не разглашаются.'],
  ['The region has struggled with unemployment since the closure of several mines.', 'Vùng này gặp khó khăn với tình trạng thất nghiệp kể từ khi một số mỏ đóng cửa.', 'После закрытия нескольких шахт регион столкнулся с безработицей.'],
  ['Opposition politicians have criticised the size of the subsidies.', 'Các chính trị gia đối lập đã chỉ trích quy mô của các khoản trợ cấp.', 'Оппозиционные политики раскритиковали размер субсидий.'],
  ['The company has been looking for new markets as growth at home slows.', 'Công ty đang tìm kiếm thị trường mới khi tăng trưởng trong nước chậm lại.', 'Компания ищет новые рынки на фоне замедления роста внутри страны.'],
  ['Road and port upgrades in the area are already under way.', 'Việc nâng cấp đường sá và cảng biển trong khu vực đang được tiến hành.', 'Модернизация дорог и порта в этом районе уже идет.'],
  ['Suppliers in the area are expected to benefit from new orders.', 'Các nhà cung cấp trong khu vực được kỳ vọng sẽ hưởng lợi từ các đơn hàng mới.', 'Ожидается, что местные поставщики получат новые заказы.'],
  ['Banks have become more cautious about lending to heavy industry.', 'Các ngân hàng ngày càng thận trọng hơn khi cho vay đối với ngành công nghiệp nặng.', 'Банки стали осторожнее кредитовать тяжелую промышленность.'],
  ['People familiar with the matter said the board had discussed the plan for more than a year before giving its final approval, after several delays caused by disagreements over the budget.', 'Những người am hiểu vấn đề cho biết hội đồng quản trị đã thảo luận kế hoạch này hơn một năm trước khi phê duyệt lần cuối, sau nhiều lần trì hoãn do bất đồng về ngân sách.', 'Источники, знакомые с ситуацией, сообщили, что совет директоров обсуждал план более года, прежде чем окончательно его одобрить, после нескольких задержек из-за разногласий по бюджету.'],
  ['The company has faced criticism in the past over working conditions at its older sites, and it said the new facility would follow stricter safety standards.', 'Công ty từng bị chỉ trích về điều kiện làm việc tại các cơ sở cũ, và cho biết cơ sở mới sẽ tuân theo các tiêu chuẩn an toàn nghiêm ngặt hơn.', 'В прошлом компанию критиковали за условия труда на старых площадках, и она заявила, что на новом объекте будут действовать более строгие стандарты безопасности.'],
  ['Investors have been watching closely for signs that the company can keep its margins steady while it spends heavily on expansion.', 'Các nhà đầu tư đang theo dõi sát sao các dấu hiệu cho thấy công ty có thể giữ ổn định biên lợi nhuận trong khi chi mạnh cho việc mở rộng.', 'Инвесторы внимательно следят за тем, сможет ли компания сохранить рентабельность, вкладывая крупные средства в расширение.'],
  ['Local business leaders said the project could help keep young people in the area, where many have left to look for work in larger cities.', 'Các lãnh đạo doanh nghiệp địa phương cho rằng dự án có thể giúp giữ chân người trẻ ở lại khu vực, nơi nhiều người đã rời đi tìm việc ở các thành phố lớn hơn.', 'Местные предприниматели считают, что проект поможет удержать молодежь в районе, откуда многие уехали в поисках работы в крупные города.'],
  ['The plans include a research centre, a training school for technicians and new housing for workers, according to documents seen by reporters.', 'Theo các tài liệu mà phóng viên được xem, kế hoạch bao gồm một trung tâm nghiên cứu, một trường đào tạo kỹ thuật viên và nhà ở mới cho công nhân.', 'Согласно документам, с которыми ознакомились журналисты, планы включают исследовательский центр, учебный центр для техников и новое жилье для работников.'],
  ['Officials said they hoped the investment would encourage other manufacturers to follow, although no other company has announced similar plans so far.', 'Các quan chức cho biết họ hy vọng khoản đầu tư sẽ khuyến khích các nhà sản xuất khác làm theo, dù đến nay chưa có công ty nào công bố kế hoạch tương tự.', 'Чиновники выразили надежду, что эти инвестиции побудят других производителей последовать примеру, хотя пока ни одна компания не объявила о подобных планах.'],
  ['Environmental campaigners have urged the authorities to publish a full assessment of the water the site will need before work begins.', 'Các nhà hoạt động môi trường đã kêu gọi chính quyền công bố đánh giá đầy đủ về lượng nước mà nhà máy cần trước khi khởi công.', 'Экологи призвали власти до начала работ опубликовать полную оценку того, сколько воды потребуется предприятию.'],
  ['The company’s management has promised to report regularly on the progress of the project and on the number of local suppliers it uses.', 'Ban lãnh đạo công ty đã cam kết báo cáo thường xuyên về tiến độ dự án và số lượng nhà cung cấp địa phương được sử dụng.', 'Руководство компании пообещало регулярно отчитываться о ходе проекта и о числе привлеченных местных поставщиков.'],
  ['Economists warned that higher interest rates could make large industrial projects harder to finance in the coming years.', 'Các nhà kinh tế cảnh báo lãi suất cao hơn có thể khiến các dự án công nghiệp lớn khó huy động vốn hơn trong những năm tới.', 'Экономисты предупредили, что рост процентных ставок может затруднить финансирование крупных промышленных проектов в ближайшие годы.'],
  ['Several universities in the region have agreed to adapt their courses to the skills the new jobs will require.', 'Một số trường đại học trong vùng đã đồng ý điều chỉnh chương trình học cho phù hợp với kỹ năng mà các công việc mới đòi hỏi.', 'Несколько университетов региона согласились адаптировать свои программы к навыкам, которые потребуются на новых рабочих местах.'],
  ['Critics say the incentives offered to the company are too generous and that the money would be better spent on schools and hospitals.', 'Những người chỉ trích cho rằng các ưu đãi dành cho công ty là quá hào phóng và số tiền đó nên được dùng cho trường học và bệnh viện.', 'Критики считают, что предоставленные компании льготы слишком щедры и что эти деньги лучше было бы потратить на школы и больницы.'],
  ['The announcement was made at a news conference attended by dozens of business leaders, officials and diplomats.', 'Thông báo được đưa ra tại một cuộc họp báo có sự tham dự của hàng chục lãnh đạo doanh nghiệp, quan chức và nhà ngoại giao.', 'Об этом было объявлено на пресс-конференции, в которой приняли участие десятки руководителей компаний, чиновников и дипломатов.'],
  ['Shipping and logistics firms in the area are preparing for a sharp rise in the volume of goods passing through the local port.', 'Các công ty vận tải và logistics trong khu vực đang chuẩn bị cho lượng hàng hóa qua cảng địa phương tăng mạnh.', 'Транспортные и логистические компании района готовятся к резкому росту объема грузов, проходящих через местный порт.'],
  ['The company said it would give priority to hiring people from the surrounding towns and villages.', 'Công ty cho biết sẽ ưu tiên tuyển dụng người dân từ các thị trấn và làng xã lân cận.', 'Компания заявила, что в первую очередь будет нанимать жителей окрестных городов и сел.'],
  ['The project is part of a wider push by the government to attract manufacturing and reduce the country’s dependence on imported goods, a policy that has drawn both praise and criticism.', 'Dự án là một phần trong nỗ lực rộng lớn hơn của chính phủ nhằm thu hút sản xuất và giảm sự phụ thuộc của đất nước vào hàng nhập khẩu, một chính sách vừa được khen ngợi vừa bị chỉ trích.', 'Проект является частью более широких усилий правительства по привлечению производства и снижению зависимости страны от импорта — политики, которая вызывает как похвалу, так и критику.'],
  ['Construction companies in the area have already started hiring, and some have complained that it is becoming difficult to find enough electricians and welders.', 'Các công ty xây dựng trong khu vực đã bắt đầu tuyển dụng, và một số cho biết ngày càng khó tìm đủ thợ điện và thợ hàn.', 'Строительные компании района уже начали набор персонала, и некоторые жалуются, что найти достаточно электриков и сварщиков становится все труднее.'],
  ['The company did not say how much of the money would come from its own cash reserves and how much it planned to borrow.', 'Công ty không cho biết bao nhiêu phần trong số tiền này đến từ nguồn tiền mặt của mình và bao nhiêu sẽ được đi vay.', 'Компания не уточнила, какую часть средств она возьмет из собственных резервов, а какую планирует занять.'],
  ['Residents interviewed near the proposed site were mostly positive, although several said they worried about the effect on house prices and rents.', 'Những người dân được phỏng vấn gần địa điểm dự kiến phần lớn tỏ ra tích cực, dù một số người lo ngại về tác động đối với giá nhà và giá thuê.', 'Опрошенные жители окрестностей в основном отнеслись к планам положительно, хотя некоторые выразили беспокойство по поводу цен на жилье и аренду.'],
  ['The sector has seen a wave of consolidation over the past decade as smaller producers struggled with rising costs and tighter environmental rules.', 'Ngành này đã chứng kiến làn sóng hợp nhất trong thập kỷ qua khi các nhà sản xuất nhỏ gặp khó khăn vì chi phí tăng và quy định môi trường chặt chẽ hơn.', 'За последнее десятилетие в отрасли прошла волна консолидации: небольшие производители не справлялись с ростом издержек и ужесточением экологических норм.'],
  ['A spokesperson for the company declined to comment on reports that it had also considered building the plant abroad.', 'Người phát ngôn của công ty từ chối bình luận về thông tin cho rằng công ty cũng từng cân nhắc xây nhà máy ở nước ngoài.', 'Представитель компании отказался комментировать сообщения о том, что она также рассматривала возможность строительства завода за рубежом.'],
  ['Regulators will examine whether the plan complies with competition rules, a process that usually takes several months.', 'Các cơ quan quản lý sẽ xem xét liệu kế hoạch có tuân thủ quy định về cạnh tranh hay không, một quá trình thường kéo dài vài tháng.', 'Регуляторы проверят, соответствует ли план правилам конкуренции; обычно такая проверка занимает несколько месяцев.'],
  ['Some economists cautioned that the promised jobs would take years to materialise and that many of them would require skills that are scarce in the area.', 'Một số nhà kinh tế lưu ý rằng các việc làm được hứa hẹn sẽ phải mất nhiều năm mới thành hiện thực và nhiều vị trí đòi hỏi kỹ năng đang khan hiếm trong khu vực.', 'Некоторые экономисты предупредили, что обещанные рабочие места появятся лишь через несколько лет и многие из них потребуют навыков, которых в районе не хватает.'],
  ['The company expects the new capacity to lower its costs.', 'Công ty kỳ vọng năng lực sản xuất mới sẽ giúp giảm chi phí.', 'Компания рассчитывает, что новые мощности позволят снизить издержки.'],
];

const LANG_INDEX = { en: 0, vi: 1, ru: 2 };

function headline(f, L, alt) {
  if (f.family === 'plant') {
    if (L === 'en') return alt ? `${f.region} wins ${fmtMoney(f.amount, L)} factory from ${f.co}` : `${f.co} to invest ${fmtMoney(f.amount, L)} in new ${f.region} factory`;
    if (L === 'vi') return `${f.co} đầu tư ${fmtMoney(f.amount, L)} xây nhà máy mới tại ${f.region}`;
    return `${f.co} вложит ${fmtMoney(f.amount, L)} в новый завод в регионе ${place(f.region, L)}`;
  }
  if (L === 'en') return alt ? `${f.co} strikes ${fmtMoney(f.amount, L)} deal for rival ${f.target}` : `${f.co} agrees to buy ${f.target} for ${fmtMoney(f.amount, L)}`;
  if (L === 'vi') return `${f.co} chi ${fmtMoney(f.amount, L)} mua lại ${f.target}`;
  return `${f.co} купит ${f.target} за ${fmtMoney(f.amount, L)}`;
}

// ---------------------------------------------------------------- stories

function storyFacts(rng, names, pools) {
  const family = rng.chance(0.6) ? 'plant' : 'deal';
  const y = rng.int(2021, 2025);
  const date = { y, m: rng.int(1, 12), d: rng.int(1, 28) };
  // Approval a few months before the announcement; start of construction (or closing) some months after.
  const back = rng.int(1, 10);
  const approval = { y: date.m - back >= 1 ? y : y - 1, m: ((date.m - back - 1 + 24) % 12) + 1 };
  const fwd = rng.int(2, 14);
  const start = { y: y + Math.floor((date.m - 1 + fwd) / 12), m: ((date.m - 1 + fwd) % 12) + 1 };
  const amount = rng.chance(0.5) ? rng.int(12, 99) * 100 : rng.int(12, 95) * 10;
  return {
    family,
    co: names.company(), target: names.company(), rival: names.company(),
    firm: `${names.company()} ${rng.pick(FIRM_ENDS)}`, bank: `${names.company()} Bank`,
    ceo: names.person(), official: names.person(), analyst: names.person(),
    title: rng.pick(TITLES), sector: rng.pick(SECTORS), quarter: rng.pick(QUARTERS),
    city: rng.pick(pools.cities), region: rng.pick(pools.regions),
    date, approval, start,
    amount, revenue: rng.int(5, 400) * 100, loan: rng.int(10, 90) * 10,
    jobs: rng.int(8, 250) * 100, staff: rng.int(20, 900) * 100, cap: rng.int(5, 900) * 1000,
    pct: rng.int(11, 399) / 10, pct2: rng.int(11, 149) / 10, pct3: rng.int(8, 45),
    founded: rng.int(1950, 2015), countries: rng.pick(COUNTRY_COUNTS), targetYear: y + rng.int(2, 6),
    nPlants: rng.int(2, 12), nOwn: rng.int(2, 9), pop: rng.int(40, 2500) * 1000, km: rng.int(2, 30) * 10,
    negated: true,
  };
}

/** The sentence plan shared by all versions: template keys in order, grouped into paragraphs. */
function storyPlan(rng, family) {
  const nParas = rng.int(8, 20);
  const sizes = Array.from({ length: nParas }, () => Number(rng.weighted({ 1: 1, 2: 3, 3: 6 })));
  const facts = rng.shuffle(Object.keys(FACTS).filter((k) => FACTS[k].any || FACTS[k][family]));
  // Longer fillers first more often than not: news paragraphs are mostly long sentences.
  const fillers = rng.shuffle(FILLERS.map((_, i) => i)).map((i) => ({ i, w: rng.next() * FILLERS[i][0].length }))
    .sort((a, b) => b.w - a.w || a.i - b.i).map((x) => x.i);
  // Lead first; the other core sentences early (they carry the planted changes); then facts and fillers mixed.
  const early = rng.shuffle(['quote', 'negation', 'approval']);
  const rest = [];
  let fi = 0, ki = 0;
  while (fi < facts.length || ki < fillers.length) {
    if (fi < facts.length && (ki >= fillers.length || rng.chance(0.5))) rest.push({ t: 'fact', k: facts[fi++] });
    else rest.push({ t: 'filler', k: fillers[ki++] });
  }
  const all = [{ t: 'core', k: 'lead' }, ...early.slice(0, 1).map((k) => ({ t: 'core', k })), ...rest.slice(0, 2),
    ...early.slice(1).map((k) => ({ t: 'core', k })), ...rest.slice(2)];
  const total = Math.min(all.length, sizes.reduce((a, b) => a + b, 0));
  const paras = [];
  let i = 0;
  for (const s of sizes) {
    if (i >= total) break;
    paras.push(all.slice(i, Math.min(total, i + s)));
    i += s;
  }
  return paras;
}

function renderSentence(item, f, L, alt) {
  if (item.t === 'filler') return FILLERS[item.k][LANG_INDEX[L]];
  const table = item.t === 'core' ? CORE : FACTS;
  const tpl = table[item.k].any ?? table[item.k][f.family];
  const out = tpl(f, L);
  return (alt && out.en2) ? out.en2 : out[L];
}

function renderDoc(f, plan, L, alt) {
  const paras = plan.map((p) => p.map((item) => renderSentence(item, f, L, alt)).join(' '));
  return `${headline(f, L, alt)}\n\n${dateline(f.date, L)}\n\n${paras.join('\n\n')}\n`;
}

const PLANT_CATEGORY = { amount: 'number-mismatch', name: 'entity-mismatch', month: 'date-mismatch', negation: 'negation-mismatch' };

/** Applies one planted change to a version's facts; returns what changed. */
function plant(kind, f, rng) {
  switch (kind) {
    case 'amount': {
      const from = f.amount;
      let to;
      if (from >= 1000) {
        // 4.9 billion -> 5.9 billion (the whole-number digit), or 4.9 -> 9.4 (digits swapped).
        const a = Math.floor(from / 1000), b = Math.floor((from % 1000) / 100);
        to = rng.chance(0.5) || a === b || b === 0 ? ((a % 9) + 1) * 1000 + b * 100 : b * 1000 + a * 100;
      } else {
        to = from + (rng.chance(0.5) ? 100 : -100);
        if (to < 100) to = from + 100;
      }
      f.amount = to;
      return { from: fmtMoney(from, 'en'), to: fmtMoney(to, 'en') };
    }
    case 'name': {
      const from = f.ceo.last;
      let to = from;
      for (let tries = 0; to === from && tries < 20; tries++) {
        const s = from.toLowerCase();
        const i = rng.int(1, s.length - 2);
        const op = rng.int(0, 2);
        const m = op === 0 ? s.slice(0, i) + s[i] + s.slice(i) // double a letter
          : op === 1 ? s.slice(0, i) + s.slice(i + 1) // drop a letter
            : s.slice(0, i) + s[i + 1] + s[i] + s.slice(i + 2); // swap two letters
        to = cap(m);
      }
      f.ceo = { ...f.ceo, last: to };
      return { from, to };
    }
    case 'month': {
      const from = f.approval.m;
      const to = ((from - 1 + rng.int(1, 11)) % 12) + 1;
      f.approval = { ...f.approval, m: to };
      return { from: MONTHS_EN[from - 1], to: MONTHS_EN[to - 1] };
    }
    case 'negation':
      f.negated = false;
      return { from: 'would not cut jobs', to: 'would cut jobs' };
    default: throw new Error(kind);
  }
}

const LANG_SETS = { 'en,vi': 35, 'en,ru': 25, 'en,vi,ru': 15, 'en,en': 10, 'en,en,vi,ru': 8, 'ru,en': 4, 'vi,en': 3 };

/**
 * Generates the corpus in memory: { files: [{ name, text }], manifest }. Files are named `NNNNN_<hex>.txt` in a
 * shuffled order, so neither names nor order give away which files belong together.
 */
export function generateCorpus({ docs, seed = 1 }) {
  if (!Number.isInteger(docs) || docs < 1) throw new Error('--docs must be a positive integer');
  const rng = makeRng(`factlint-corpus:${seed}`);
  const names = new Names(rng);
  const pools = {
    cities: Array.from({ length: 60 }, () => names.city()),
    regions: Array.from({ length: 30 }, () => names.region()),
  };
  const noiseDocs = Math.round(docs * 0.2);
  let left = docs - noiseDocs;
  const stories = [];
  while (left > 0) {
    let langs = rng.weighted(LANG_SETS).split(',');
    if (langs.length > left) langs = langs.slice(0, left);
    left -= langs.length;
    stories.push({ langs, noise: langs.length === 1 });
  }
  for (let i = 0; i < noiseDocs; i++) stories.push({ langs: [rng.weighted({ en: 6, vi: 2, ru: 2 })], noise: true });

  const docsOut = [];
  const manifestStories = [];
  stories.forEach((s, si) => {
    const id = `s${String(si + 1).padStart(5, '0')}`;
    const base = storyFacts(rng, names, pools);
    const plan = storyPlan(rng, base.family);
    const versions = s.langs.map((lang, vi) => ({
      lang, facts: { ...base }, alt: lang === 'en' && s.langs.slice(0, vi).includes('en'),
      role: vi === 0 ? 'original' : lang === 'en' && s.langs.slice(0, vi).includes('en') ? 'outlet' : 'translation',
    }));
    const planted = [];
    if (versions.length > 1) {
      const n = rng.weighted({ 0: 25, 1: 50, 2: 25 });
      const kinds = rng.shuffle(Object.keys(PLANT_CATEGORY)).slice(0, Number(n));
      for (const kind of kinds) {
        const vIdx = rng.int(1, versions.length - 1);
        const change = plant(kind, versions[vIdx].facts, rng);
        planted.push({ version: vIdx, kind, category: PLANT_CATEGORY[kind], ...change });
      }
    }
    const files = versions.map((v) => {
      // A second outlet does not copy the first one's paragraphing and leaves out a filler or two.
      let p = plan;
      if (v.role === 'outlet') {
        const flat = plan.flat().filter((it) => it.t !== 'filler' || !rng.chance(0.15));
        p = [];
        for (let i = 0; i < flat.length;) { const k = rng.int(1, 3); p.push(flat.slice(i, i + k)); i += k; }
      }
      const text = renderDoc(v.facts, p, v.lang, v.alt);
      const doc = { text, story: id };
      docsOut.push(doc);
      return { doc, lang: v.lang, role: v.role };
    });
    manifestStories.push({ id, kind: s.noise ? 'noise' : 'versions', family: base.family, files, planted });
  });

  // Shuffle the order and name the files.
  const order = rng.shuffle(docsOut.map((_, i) => i));
  order.forEach((di, pos) => {
    const hex = Math.floor(rng.next() * 0x100000000).toString(16).padStart(8, '0');
    docsOut[di].name = `${String(pos).padStart(5, '0')}_${hex}.txt`;
  });
  const files = order.map((di) => ({ name: docsOut[di].name, text: docsOut[di].text }));
  const bytes = files.reduce((s, f) => s + Buffer.byteLength(f.text), 0);
  const manifest = {
    generator: 'factlint scripts/gen-corpus.mjs', version: GENERATOR_VERSION, seed: String(seed), docs, bytes,
    categories: PLANT_CATEGORY,
    stories: manifestStories.map((s) => ({
      id: s.id, kind: s.kind, family: s.family,
      files: s.files.map((f) => ({ file: f.doc.name, lang: f.lang, role: f.role })),
      planted: s.planted.map((p) => ({
        file: s.files[p.version].doc.name, against: s.files[0].doc.name, kind: p.kind, category: p.category, from: p.from, to: p.to,
      })),
    })),
  };
  return { files, manifest };
}

// ---------------------------------------------------------------- translation memories

/** Planted share of stories in a translation memory. */
const TM_PLANT_SHARE = 0.25;
/** Share of a story's full sentences that go into the memory beside its short segments. */
const TM_SENTENCE_SHARE = 0.05;

/**
 * Short segments, as translation memories hold most of (labels, headings, figures, captions), each from a story's
 * facts so that a planted change reaches them: an amount, a name, a month, a negation.
 */
const TM_SHORT = [
  (f, L) => fmtMoney(f.amount, L),
  (f, L) => headline(f, L, false),
  (f, L) => ({ en: `Approved ${inMonth(f.approval, L)}`, vi: `Được phê duyệt ${inMonth(f.approval, L)}`, ru: `Одобрено ${inMonth(f.approval, L)}` })[L],
  (f, L) => ({ en: `Chief executive: ${person(f.ceo, L)}`, vi: `Tổng giám đốc: ${person(f.ceo, L)}`, ru: `Генеральный директор: ${person(f.ceo, L)}` })[L],
  (f, L) => ({ en: `${f.negated ? 'No job cuts' : 'Job cuts'} at ${f.co}`, vi: `${f.negated ? 'Không cắt giảm' : 'Cắt giảm'} việc làm tại ${f.co}`, ru: `${f.negated ? 'Сокращений не будет' : 'Будут сокращения'} в ${f.co}` })[L],
  (f, L) => ({ en: `${fmtInt(f.jobs, L)} jobs`, vi: `${fmtInt(f.jobs, L)} việc làm`, ru: `${fmtInt(f.jobs, L)} рабочих мест` })[L],
  (f, L) => ({ en: `Founded in ${f.founded}`, vi: `Thành lập năm ${f.founded}`, ru: `Основана в ${f.founded} году` })[L],
  (f, L) => ({ en: `Shares up ${fmtPct(f.pct2, L)}`, vi: `Cổ phiếu tăng ${fmtPct(f.pct2, L)}`, ru: `Акции выросли на ${fmtPct(f.pct2, L)}` })[L],
  (f, L) => dateline(f.date, L),
  (f, L) => ({ en: `Loan from ${f.bank}`, vi: `Khoản vay từ ${f.bank}`, ru: `Кредит ${f.bank}` })[L],
  (f, L) => ({ en: `${fmtInt(f.cap, L)} ${f.sector.p.en} a year`, vi: `${fmtInt(f.cap, L)} ${f.sector.p.vi} mỗi năm`, ru: `${fmtInt(f.cap, L)} ${f.sector.p.ru} в год` })[L],
  (f, L) => ({ en: `${f.co}, ${f.city}`, vi: `${f.co}, ${f.city}`, ru: `${f.co}, ${place(f.city, L)}` })[L],
];

/**
 * A translation memory of `units` English segments and their translations into `lang` (vi or ru), from generated
 * stories: short segments (figures, labels, headings, datelines) and some full sentences, English segments never
 * repeated (a PO file has one entry per msgid). In a quarter of the stories one change is planted in the translation
 * (an amount, a name, a month, a negation), and the units whose translation it changed are listed with the change's
 * category. Deterministic in `seed`.
 */
export function generateTm({ units, seed = 1, lang = 'vi' }) {
  if (!Number.isInteger(units) || units < 1) throw new Error('units must be a positive integer');
  if (lang !== 'vi' && lang !== 'ru') throw new Error('lang must be vi or ru');
  const rng = makeRng(`factlint-tm:${seed}:${lang}`);
  const names = new Names(rng);
  const pools = {
    cities: Array.from({ length: 60 }, () => names.city()),
    regions: Array.from({ length: 30 }, () => names.region()),
  };
  const out = [];
  const planted = [];
  const seen = new Set();
  while (out.length < units) {
    const facts = storyFacts(rng, names, pools);
    const plan = storyPlan(rng, facts.family).flat();
    const target = { ...facts };
    let change;
    if (rng.chance(TM_PLANT_SHARE)) {
      const kind = rng.pick(Object.keys(PLANT_CATEGORY));
      change = { kind, category: PLANT_CATEGORY[kind], ...plant(kind, target, rng) };
    }
    const segments = [
      ...TM_SHORT.map((render) => (f, L) => render(f, L)),
      ...plan.filter(() => rng.chance(TM_SENTENCE_SHARE)).map((item) => (f, L) => renderSentence(item, f, L, false)),
    ];
    for (const render of segments) {
      if (out.length >= units) break;
      const en = render(facts, 'en');
      if (seen.has(en)) continue;
      seen.add(en);
      const faithful = render(facts, lang);
      const text = change ? render(target, lang) : faithful;
      const id = `u${String(out.length + 1).padStart(6, '0')}`;
      out.push({ id, en, target: text });
      if (change && text !== faithful) planted.push({ unit: id, kind: change.kind, category: change.category, from: change.from, to: change.to });
    }
  }
  return { units: out, planted, lang };
}

const xmlText = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const poString = (s) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;

/** The memory as a file: `po` (gettext), `xliff` (XLIFF 1.2) or `tmx` (TMX 1.4). Units keep their order. */
export function formatTm(tm, format) {
  const { units, lang } = tm;
  if (format === 'po') {
    const head = ['msgid ""', 'msgstr ""', '"Content-Type: text/plain; charset=UTF-8\\n"', `"Language: ${lang}\\n"`, '"X-Source-Language: en\\n"', ''];
    return `${head.join('\n')}\n${units.map((u) => `msgid ${poString(u.en)}\nmsgstr ${poString(u.target)}\n`).join('\n')}`;
  }
  if (format === 'xliff') {
    return `<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">\n<file source-language="en" target-language="${lang}" datatype="plaintext" original="tm"><body>\n`
      + units.map((u) => `<trans-unit id="${u.id}"><source>${xmlText(u.en)}</source><target>${xmlText(u.target)}</target></trans-unit>\n`).join('')
      + '</body></file>\n</xliff>\n';
  }
  if (format === 'tmx') {
    return `<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header creationtool="factlint-gen" creationtoolversion="1" segtype="sentence" o-tmf="none" adminlang="en" srclang="en" datatype="plaintext"/><body>\n`
      + units.map((u) => `<tu tuid="${u.id}"><tuv xml:lang="en"><seg>${xmlText(u.en)}</seg></tuv><tuv xml:lang="${lang}"><seg>${xmlText(u.target)}</seg></tuv></tu>\n`).join('')
      + '</body></tmx>\n';
  }
  throw new Error(`unknown format ${format}`);
}

/** Writes the corpus into `out` (removing .txt files and a manifest left there by an earlier run). */
export function writeCorpus(out, { docs, seed = 1 }) {
  const dir = resolve(out);
  mkdirSync(dir, { recursive: true });
  for (const n of readdirSync(dir)) if (n.endsWith('.txt') || n === 'manifest.json') rmSync(join(dir, n));
  const { files, manifest } = generateCorpus({ docs, seed });
  for (const f of files) writeFileSync(join(dir, f.name), f.text);
  writeFileSync(join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 1)}\n`);
  return manifest;
}

function main(argv) {
  const args = { seed: '1' };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--docs') args.docs = Number(argv[++i]);
    else if (a === '--out') args.out = argv[++i];
    else if (a === '--seed') args.seed = argv[++i];
    else if (a === '--help' || a === '-h') args.help = true;
    else { process.stderr.write(`gen-corpus: unknown argument ${a}\n`); return 2; }
  }
  if (args.help || !args.out || !Number.isInteger(args.docs) || args.docs < 1) {
    process.stderr.write('usage: node scripts/gen-corpus.mjs --docs N --out DIR [--seed S]\n');
    return args.help ? 0 : 2;
  }
  const m = writeCorpus(args.out, { docs: args.docs, seed: args.seed });
  const planted = m.stories.reduce((s, st) => s + st.planted.length, 0);
  const multi = m.stories.filter((s) => s.kind === 'versions').length;
  process.stdout.write(`gen-corpus: ${m.docs} documents (${multi} multi-version stories, ${m.stories.length - multi} single), `
    + `${(m.bytes / 1e6).toFixed(2)} MB, ${planted} planted discrepancies -> ${resolve(args.out)}\n`);
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) process.exitCode = main(process.argv.slice(2));
