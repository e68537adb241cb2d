import { CATEGORIES, SEVERITIES, severityRank } from '../../model/finding.js';
import type { Location } from '../../model/span.js';
import { esc, human, quote } from './fragments.js';
import { markKind, type FindingView, type View } from './view.js';

/** Severity, category, source-pair and text filters; the script applies them in one pass over the list. */
export function renderFilters(view: View): string {
  const { findings } = view;
  const sev = SEVERITIES.map((s) => {
    const n = findings.filter((f) => f.finding.severity === s).length;
    return `<label class="chk s-${s}"><input type="checkbox" name="sev" value="${s}" checked> ${s} <span class="cnt">${n}</span></label>`;
  }).join('');
  const cats = CATEGORIES.flatMap((c) => {
    const n = findings.filter((f) => f.finding.category === c).length;
    return n === 0 ? [] : [`<label class="chk"><input type="checkbox" name="cat" value="${c}" checked> <span class="chip c-${c}">${esc(human(c))}</span> <span class="cnt">${n}</span></label>`];
  }).join('');
  const pairs = new Map<string, string>();
  for (const st of view.report.stories) {
    for (const p of view.pairsOf(st)) pairs.set(p.key, `${view.label(p.a)} ↔ ${view.label(p.b)}`);
  }
  const pairOptions = [...pairs].map(([k, label]) => `<option value="${esc(k)}">${esc(label)}</option>`).join('');
  return (
    `<form id="filters" class="filters" role="search" aria-label="Filter findings">` +
    `<fieldset><legend>Severity</legend>${sev}</fieldset>` +
    (cats ? `<fieldset><legend>Category</legend>${cats}</fieldset>` : '') +
    `<div class="row">` +
    (pairs.size > 0 ? `<label class="fld">Source pair <select name="pair"><option value="">all pairs</option>${pairOptions}</select></label>` : '') +
    `<label class="fld">Search <input type="search" name="q" placeholder="name, number, message…" autocomplete="off"></label>` +
    `<button type="reset" class="btn">Reset</button></div>` +
    `<p id="visible-count" class="count" aria-live="polite">Showing ${findings.length} of ${findings.length} findings</p>` +
    `</form>`
  );
}

/** The quotes of a finding: each context sentence once, with this finding's locations in it highlighted. */
function quotes(view: View, fv: FindingView): string {
  const f = fv.finding;
  const kind = markKind(f.category);
  const groups: { ctx: Location; locs: Location[] }[] = [];
  for (const loc of f.locations) {
    const ctx =
      f.context.find((c) => c.source === loc.source && c.start <= loc.start && loc.end <= c.end) ??
      contextFromSentences(view, loc);
    const g = groups.find((x) => x.ctx.source === ctx.source && x.ctx.start === ctx.start && x.ctx.end === ctx.end);
    if (g) g.locs.push(loc);
    else groups.push({ ctx, locs: [loc] });
  }
  return groups
    .map(({ ctx, locs }) => {
      const marks = locs.map((l) => ({ start: l.start, end: l.end, finding: fv.index, kind, severity: f.severity }));
      return (
        `<div class="q"><span class="where"><span class="lang">${esc(view.lang(ctx.source))}</span> ${esc(view.where(locs[0] ?? ctx))}</span>` +
        `<span class="ctx" lang="${esc(view.lang(ctx.source))}">${quote(ctx.text, ctx.start, marks)}</span></div>`
      );
    })
    .join('');
}

/** A location's sentence from ctx.sentences, or a window of the text around it when there are none. */
function contextFromSentences(view: View, loc: Location): Location {
  const sents = view.sentencesIn(loc);
  const first = sents[0];
  const last = sents[sents.length - 1];
  if (first && last) {
    const text = view.ctx.texts[loc.source];
    const start = first.start;
    const end = last.end;
    return { source: loc.source, start, end, text: text !== undefined ? text.slice(start, end) : sents.map((s) => s.text).join(' ') };
  }
  const text = view.ctx.texts[loc.source];
  if (text === undefined) return loc;
  const start = Math.max(0, loc.start - 80);
  const end = Math.min(text.length, loc.end + 80);
  return { source: loc.source, start, end, text: text.slice(start, end) };
}

export function renderFindingItem(view: View, fv: FindingView): string {
  const f = fv.finding;
  const st = view.report.stories[fv.story];
  return (
    `<li class="finding s-${f.severity}" id="f-${fv.index}" data-finding="${fv.index}" role="button" tabindex="0" aria-pressed="false"` +
    ` data-sev="${f.severity}" data-cat="${esc(f.category)}" data-src="${fv.sources.join(' ')}" data-story="${fv.story}"` +
    `${fv.pair ? ` data-pair="${esc(fv.pair)}"` : ''} data-sents="${esc(JSON.stringify(fv.sentences))}">` +
    `<div class="fh"><span class="fnum">#${fv.index + 1}</span> <span class="sev s-${f.severity}">${f.severity}</span> <span class="chip c-${esc(f.category)}">${esc(human(f.category))}</span> <code class="rule">${esc(f.ruleId)}</code>` +
    `${st ? ` <span class="fstory">${esc(st.id)}</span>` : ''}</div>` +
    `<p class="msg">${esc(f.message)}</p>${quotes(view, fv)}</li>`
  );
}

export function renderFindings(view: View): string {
  // Errors first, then warnings, then notes: what an editor must fix before publishing leads the list. Each
  // finding keeps its number (#n, its place in the report) so the badges in the side-by-side view still match.
  const rank = (fv: FindingView): number => severityRank(fv.finding.severity);
  const items = [...view.findings].sort((a, b) => rank(b) - rank(a) || a.index - b.index).map((fv) => renderFindingItem(view, fv)).join('');
  return (
    `<section id="findings" class="findings" aria-labelledby="findings-h"><h2 id="findings-h">Findings</h2>${renderFilters(view)}` +
    (view.findings.length > 0
      ? `<p class="hint">Select a finding (click, or Enter) to show its sentences side by side.</p><ol id="findings-list" class="flist">${items}</ol>`
      : '<p class="empty">No findings: the versions agree on everything factlint checks.</p>') +
    `</section>`
  );
}
