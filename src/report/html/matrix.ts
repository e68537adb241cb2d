import type { Story } from '../../model/story.js';
import { esc } from './fragments.js';
import type { View } from './view.js';

interface MatrixRow {
  /** sentence ids per source */
  members: Map<string, string[]>;
}

const MAX_LABEL = 220;

/**
 * Corroboration matrix for a story with three or more sources: one row per check-worthy claim (claims grouped by
 * ctx.claimGroups; a check-worthy claim in no group is its own row), one column per source. A cell says the source
 * states the claim, states it differently (a finding links it to another member of the row), or is silent.
 */
export function renderMatrix(view: View, story: Story, storyIndex: number): string {
  if (story.sources.length < 3) return '';
  const { ctx } = view;
  const inStory = new Set(story.sources);
  const worthy = new Set<string>();
  for (const src of story.sources) for (const c of ctx.claims[src] ?? []) if (c.checkWorthy) worthy.add(c.sentenceId);

  const rows: MatrixRow[] = [];
  const grouped = new Set<string>();
  for (const g of ctx.claimGroups) {
    if (g.story !== story.id) continue;
    const members = g.members.filter((m) => inStory.has(m.source));
    if (!members.some((m) => worthy.has(m.sentenceId))) continue;
    const map = new Map<string, string[]>();
    for (const m of members) {
      map.set(m.source, [...(map.get(m.source) ?? []), m.sentenceId]);
      grouped.add(m.sentenceId);
    }
    rows.push({ members: map });
  }
  for (const src of story.sources) {
    for (const s of view.sentencesOf(src)) {
      if (worthy.has(s.id) && !grouped.has(s.id)) rows.push({ members: new Map([[src, [s.id]]]) });
    }
  }
  if (rows.length === 0) return '';

  // Sentence id -> findings touching it, to find the findings that link two members of a row.
  const bySentence = new Map<string, number[]>();
  for (const fv of view.findings) {
    if (fv.story !== storyIndex) continue;
    for (const id of fv.sentences) bySentence.set(id, [...(bySentence.get(id) ?? []), fv.index]);
  }
  const order = new Map(story.sources.map((s, i) => [s, i]));
  const firstOf = (r: MatrixRow): [number, number] => {
    for (const src of story.sources) {
      const id = r.members.get(src)?.[0];
      const s = id !== undefined ? view.sentence(id) : undefined;
      if (s) return [order.get(src) ?? 0, s.start];
    }
    return [Infinity, 0];
  };
  rows.sort((x, y) => {
    const [sx, px] = firstOf(x);
    const [sy, py] = firstOf(y);
    return sx - sy || px - py;
  });

  const body = rows
    .map((r) => {
      const all = [...r.members.values()].flat();
      const labelId = story.sources.map((s) => r.members.get(s)?.[0]).find((id) => id !== undefined);
      const labelText = labelId !== undefined ? (view.sentence(labelId)?.text ?? labelId) : '';
      const label = labelText.length > MAX_LABEL ? `${labelText.slice(0, MAX_LABEL)}…` : labelText;
      const cells = story.sources
        .map((src) => {
          const ids = r.members.get(src) ?? [];
          if (ids.length === 0) return `<td class="m-silent"><span aria-hidden="true">–</span> silent</td>`;
          const others = new Set(all.filter((id) => !ids.includes(id)));
          const touching = [...new Set(ids.flatMap((id) => bySentence.get(id) ?? []))].sort((a, b) => a - b);
          const linking = touching.filter((fi) => {
            const fv = view.findings[fi];
            return fv !== undefined && fv.finding.category !== 'unsourced-claim' && fv.sentences.some((id) => others.has(id));
          });
          const unsourced = touching.filter((fi) => view.findings[fi]?.finding.category === 'unsourced-claim');
          const goto = (fi: number, text: string, cls: string) =>
            `<button type="button" class="goto ${cls}" data-goto="${fi}" title="${esc(view.findings[fi]?.finding.message ?? '')}">${text}</button>`;
          const main =
            linking.length > 0
              ? `${goto(linking[0] ?? 0, '<span aria-hidden="true">≠</span> differs', 'm-diff')}${linking.length > 1 ? ` <span class="more">+${linking.length - 1}</span>` : ''}`
              : `<span aria-hidden="true">✓</span> states`;
          const flag = unsourced.length > 0 ? ` ${goto(unsourced[0] ?? 0, '<span aria-hidden="true">⚑</span> unsourced', 'm-unsourced')}` : '';
          return `<td class="${linking.length > 0 ? 'm-differs' : 'm-states'}">${main}${flag}</td>`;
        })
        .join('');
      const lang = labelId !== undefined ? view.lang(view.sentence(labelId)?.source ?? '') : 'und';
      return `<tr><th scope="row" lang="${esc(lang)}">${esc(label)}</th>${cells}</tr>`;
    })
    .join('');
  const head = story.sources.map((s) => `<th scope="col"><span class="lang">${esc(view.lang(s))}</span> ${esc(view.label(s))}</th>`).join('');
  return (
    `<div class="matrix"><h4>Corroboration across ${story.sources.length} sources</h4><div class="scroll"><table class="corr">` +
    `<thead><tr><th scope="col">Check-worthy claim</th>${head}</tr></thead><tbody>${body}</tbody></table></div>` +
    `<p class="legend">✓ states it · ≠ states it differently (a finding links them; select to see it) · – silent · ⚑ unsourced-claim finding</p></div>`
  );
}
