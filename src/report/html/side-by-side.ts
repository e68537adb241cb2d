import type { Sentence } from '../../model/sentence.js';
import type { Story } from '../../model/story.js';
import { esc, highlight } from './fragments.js';
import { renderMatrix } from './matrix.js';
import { plural } from '../plural.js';
import { findingsPerStory, type Pair, type View } from './view.js';

/** One row of the side-by-side table: aligned sentences, or sentences only one side has. */
interface Row {
  a: Sentence[];
  b: Sentence[];
}

/**
 * Rows in reading order. Aligned groups are ordered by their first sentence on side A; a sentence without a
 * counterpart is placed before the first group that comes after it on its own side, so both columns read in order.
 */
export function pairRows(view: View, story: string, pair: Pair): Row[] {
  const aSents = view.sentencesOf(pair.a);
  const bSents = view.sentencesOf(pair.b);
  const aPos = new Map(aSents.map((s, i) => [s.id, i]));
  const bPos = new Map(bSents.map((s, i) => [s.id, i]));
  const resolve = (ids: string[], pos: Map<string, number>, list: Sentence[]): Sentence[] =>
    ids.flatMap((id) => {
      const i = pos.get(id);
      const s = i === undefined ? undefined : list[i];
      return s ? [s] : [];
    });
  const groups = view
    .alignmentsOf(story, pair.a, pair.b)
    .map((al) => ({ a: resolve(al.aSentences, aPos, aSents), b: resolve(al.bSentences, bPos, bSents) }))
    .filter((g) => g.a.length > 0 || g.b.length > 0);
  // A loop, not Math.min(...list): a group of 130,000 sentences or more would overflow the stack as arguments.
  const first = (list: Sentence[], pos: Map<string, number>): number => {
    let m = Infinity;
    for (const s of list) m = Math.min(m, pos.get(s.id) ?? Infinity);
    return m;
  };
  const firstA = (g: Row): number => first(g.a, aPos);
  const firstB = (g: Row): number => first(g.b, bPos);
  groups.sort((x, y) => firstA(x) - firstA(y) || firstB(x) - firstB(y));

  const alignedA = new Set(groups.flatMap((g) => g.a.map((s) => s.id)));
  const alignedB = new Set(groups.flatMap((g) => g.b.map((s) => s.id)));
  const rows: Row[] = [];
  let ia = 0;
  let ib = 0;
  const flush = (untilA: number, untilB: number): void => {
    for (; ia < untilA && ia < aSents.length; ia++) {
      const s = aSents[ia];
      if (s && !alignedA.has(s.id)) rows.push({ a: [s], b: [] });
    }
    for (; ib < untilB && ib < bSents.length; ib++) {
      const s = bSents[ib];
      if (s && !alignedB.has(s.id)) rows.push({ a: [], b: [s] });
    }
  };
  for (const g of groups) {
    const fa = firstA(g);
    const fb = firstB(g);
    flush(Number.isFinite(fa) ? fa : ia, Number.isFinite(fb) ? fb : ib);
    rows.push(g);
  }
  flush(aSents.length, bSents.length);
  return rows;
}

/** A sentence with the marks of the findings that concern only this pair's sources (others belong to other pairs). */
function sentenceHtml(view: View, s: Sentence, pair: ReadonlySet<number>): string {
  const marks = (view.marksBySentence.get(s.id) ?? []).filter((m) => view.findings[m.finding]?.sources.every((i) => pair.has(i)));
  const fs = [...new Set(marks.map((m) => m.finding))];
  return (
    `<p class="s${s.isTitle ? ' title' : ''}${fs.length > 0 ? ' has-f' : ''}" data-sentence="${esc(s.id)}"${fs.length > 0 ? ` data-f="${fs.join(' ')}"` : ''}>` +
    `<span class="sn" aria-hidden="true">${s.index + 1}</span>${highlight(s.text, s.start, marks, true)}</p>`
  );
}

function cell(view: View, sents: Sentence[], side: 'a' | 'b', lang: string, pair: ReadonlySet<number>): string {
  if (sents.length === 0) return `<td class="gap ${side}"><span class="vh">nothing here</span></td>`;
  return `<td class="${side}" lang="${esc(lang)}">${sents.map((s) => sentenceHtml(view, s, pair)).join('')}</td>`;
}

/**
 * The label of a run of sentences that only one side of the pair has, as the findings read it (so the HTML says what
 * the text report says): an omission finding there means the other side omitted it, an addition finding that this
 * side added it. A run no finding marks is only said to be on one side: which version derives from which is the
 * rules' question (see unaligned-content), and short filler is not flagged.
 */
function onlyTag(view: View, sents: Sentence[], here: string, other: string, pair: ReadonlySet<number>): { cls: string; tag: string } {
  const cats = new Set(sents.flatMap((s) => (view.marksBySentence.get(s.id) ?? [])
    .map((m) => view.findings[m.finding])
    .filter((f) => f !== undefined && f.sources.every((i) => pair.has(i)))
    .map((f) => f!.finding.category)));
  if (cats.has('omission')) return { cls: 'omitted', tag: `omitted in ${view.label(other)}` };
  if (cats.has('addition')) return { cls: 'added', tag: `added in ${view.label(here)}` };
  return { cls: 'unpaired', tag: `only in ${view.label(here)}` };
}

function pairTable(view: View, story: Story, pair: Pair, hidden: boolean): string {
  const rows = pairRows(view, story.id, pair);
  const la = view.lang(pair.a);
  const lb = view.lang(pair.b);
  const inPair = new Set([view.sourceIndex.get(pair.a) ?? -1, view.sourceIndex.get(pair.b) ?? -1]);
  const body = rows
    .map((r) => {
      if (r.a.length > 0 && r.b.length === 0) {
        const t = onlyTag(view, r.a, pair.a, pair.b, inPair);
        return `<tr class="only ${t.cls}"><td class="a" lang="${esc(la)}"><span class="tag">${esc(t.tag)}</span>${r.a.map((s) => sentenceHtml(view, s, inPair)).join('')}</td>${cell(view, [], 'b', lb, inPair)}</tr>`;
      }
      if (r.b.length > 0 && r.a.length === 0) {
        const t = onlyTag(view, r.b, pair.b, pair.a, inPair);
        return `<tr class="only ${t.cls}">${cell(view, [], 'a', la, inPair)}<td class="b" lang="${esc(lb)}"><span class="tag">${esc(t.tag)}</span>${r.b.map((s) => sentenceHtml(view, s, inPair)).join('')}</td></tr>`;
      }
      return `<tr>${cell(view, r.a, 'a', la, inPair)}${cell(view, r.b, 'b', lb, inPair)}</tr>`;
    })
    .join('');
  const head = (id: string) => `<th scope="col"><span class="lang">${esc(view.lang(id))}</span> ${esc(view.label(id))}</th>`;
  return (
    `<div class="pairview" data-pair="${esc(pair.key)}"${hidden ? ' hidden' : ''}>` +
    `<table class="sbs"><caption class="vh">${esc(`${view.label(pair.a)} compared with ${view.label(pair.b)}`)}</caption>` +
    `<thead><tr>${head(pair.a)}${head(pair.b)}</tr></thead><tbody>${body || '<tr><td colspan="2">No sentences to show.</td></tr>'}</tbody></table></div>`
  );
}

export function renderStories(view: View): string {
  const { report } = view;
  if (report.stories.length === 0) return '';
  const counts = findingsPerStory(view);
  const sections = report.stories.map((story, i) => {
    const pairs = view.pairsOf(story);
    const n = counts[i] ?? 0;
    const picker =
      pairs.length > 1
        ? `<label class="fld pairpick">Compare <select class="pairsel" aria-controls="story-${i}-views">${pairs
            .map((p) => `<option value="${esc(p.key)}">${esc(`${view.label(p.a)} ↔ ${view.label(p.b)}`)}</option>`)
            .join('')}</select></label>`
        : '';
    const views =
      pairs.length > 0
        ? `<div id="story-${i}-views">${pairs.map((p, k) => pairTable(view, story, p, k > 0)).join('')}</div>`
        : `<p>Only one source: nothing to compare side by side.</p>`;
    return (
      `<section class="story" id="story-${i}" data-story="${i}" aria-labelledby="story-${i}-h">` +
      `<h3 id="story-${i}-h">Story <q>${esc(story.id)}</q> <span class="rel">${esc(story.relation)} · ${plural(story.sources.length, 'source')} · ${plural(n, 'finding')}</span></h3>` +
      `${picker}${views}${renderMatrix(view, story, i)}</section>`
    );
  });
  return `<section id="stories" aria-labelledby="stories-h"><h2 id="stories-h">Side by side</h2><p class="legend"><mark class="d s-error">differs</mark> discrepancy · <mark class="u s-warning">unsourced</mark> claim · <span class="lg omitted">omitted</span> / <span class="lg added">added</span> passage · rows pair aligned sentences</p>${sections.join('')}</section>`;
}
