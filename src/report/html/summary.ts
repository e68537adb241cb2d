import { CATEGORIES, SEVERITIES } from '../../model/finding.js';
import { CATEGORY_COLORS } from './assets.js';
import { esc, human } from './fragments.js';
import { findingsPerStory, type View } from './view.js';


/** Horizontal bars, one per category with findings; labels and counts are SVG text, so the chart reads alone. */
export function categoryChart(view: View): string {
  const rows = CATEGORIES.map((c) => [c, view.report.findings.filter((f) => f.category === c).length] as const).filter(([, n]) => n > 0);
  if (rows.length === 0) return '';
  const max = rows.reduce((m, [, n]) => Math.max(m, n), 0);
  const labelW = 190;
  const barW = 320;
  const rowH = 24;
  const width = labelW + barW + 60;
  const height = rows.length * rowH + 8;
  const summary = rows.map(([c, n]) => `${human(c)} ${n}`).join(', ');
  let bars = '';
  rows.forEach(([c, n], i) => {
    const y = 4 + i * rowH;
    const w = Math.max(2, Math.round((n / max) * barW));
    bars +=
      `<text x="${labelW - 8}" y="${y + 16}" text-anchor="end" class="cl">${esc(human(c))}</text>` +
      `<rect x="${labelW}" y="${y + 3}" width="${w}" height="${rowH - 8}" rx="3" fill="${CATEGORY_COLORS[c]}"/>` +
      `<text x="${labelW + w + 6}" y="${y + 16}" class="cn">${n}</text>`;
  });
  return (
    `<figure class="chart"><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="chart-title">` +
    `<title id="chart-title">${esc(`Findings per category: ${summary}`)}</title>${bars}</svg>` +
    `<figcaption>Findings per category</figcaption></figure>`
  );
}

export function renderSummary(view: View): string {
  const { report } = view;
  const sev = SEVERITIES.map((s) => `<li class="sevcount s-${s}"><span class="n">${report.summary.bySeverity[s] ?? 0}</span> ${s}</li>`).join('');

  // Counted once, not per source or story: a translation memory's report can list thousands of each.
  const sourceById = new Map(report.sources.map((s) => [s.id, s]));
  const findingsPerSource = new Map<string, number>();
  for (const f of report.findings) for (const id of new Set(f.locations.map((l) => l.source))) findingsPerSource.set(id, (findingsPerSource.get(id) ?? 0) + 1);
  const perStory = findingsPerStory(view);
  const sourceRows = view.sourceIds
    .map((id) => {
      const s = sourceById.get(id);
      const warnings = s && s.warnings.length > 0 ? `<ul class="warn">${s.warnings.map((w) => `<li>${esc(w)}</li>`).join('')}</ul>` : '';
      return (
        `<tr><th scope="row"><span class="srcname">${esc(view.pathOf(id))}</span></th>` +
        `<td><span class="lang">${esc(view.lang(id))}</span></td>` +
        `<td>${s?.published ? `<time>${esc(s.published)}</time>` : '<span class="none">unknown</span>'}</td>` +
        `<td>${s?.byline ? esc(s.byline) : '<span class="none">none given</span>'}</td>` +
        `<td class="num">${s?.sentences ?? view.sentencesOf(id).length}</td>` +
        `<td class="num">${findingsPerSource.get(id) ?? 0}</td>` +
        `<td>${warnings}</td></tr>`
      );
    })
    .join('');

  const storyRows = report.stories
    .map((st, i) => {
      const n = perStory[i] ?? 0;
      const srcs = st.sources.map((s) => `<li>${esc(view.label(s))} <span class="lang">${esc(view.lang(s))}</span></li>`).join('');
      return `<tr><th scope="row"><a href="#story-${i}">${esc(st.id)}</a></th><td>${esc(st.relation)}</td><td><ul class="inline">${srcs}</ul></td><td class="num">${n}</td></tr>`;
    })
    .join('');

  const skipped =
    report.skipped.length > 0
      ? `<h3>Skipped inputs</h3><table><thead><tr><th scope="col">Path</th><th scope="col">Code</th><th scope="col">Reason</th></tr></thead><tbody>${report.skipped
          .map((s) => `<tr><td>${esc(s.path)}</td><td><code>${esc(s.code)}</code></td><td>${esc(s.reason)}</td></tr>`)
          .join('')}</tbody></table>`
      : '';

  return (
    `<section id="summary" aria-labelledby="summary-h"><h2 id="summary-h">Summary</h2>` +
    `<div class="cards"><div class="card"><h3>Findings</h3><p class="big">${report.findings.length}</p><ul class="sevcounts">${sev}</ul></div>` +
    `<div class="card wide">${categoryChart(view) || '<p>No findings.</p>'}</div></div>` +
    `<h3>Sources (${view.sourceIds.length})</h3><div class="scroll"><table class="sources"><thead><tr><th scope="col">Source</th><th scope="col">Lang</th><th scope="col">Published</th><th scope="col">Byline / provenance</th><th scope="col">Sentences</th><th scope="col">Findings</th><th scope="col">Load warnings</th></tr></thead><tbody>${sourceRows}</tbody></table></div>` +
    `<h3>Stories (${report.stories.length})</h3>` +
    (report.stories.length > 0
      ? `<table class="stories"><thead><tr><th scope="col">Story</th><th scope="col">Relation</th><th scope="col">Sources</th><th scope="col">Findings</th></tr></thead><tbody>${storyRows}</tbody></table>`
      : '<p>No stories.</p>') +
    skipped +
    `</section>`
  );
}

