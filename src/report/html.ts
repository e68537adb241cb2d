import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import type { Report } from '../model/report.js';
import type { RenderContext, Reporter } from './context.js';
import { CSS, SCRIPT, categoryCss } from './html/assets.js';
import { renderFindings } from './html/findings.js';
import { esc } from './html/fragments.js';
import { plural } from './plural.js';
import { renderStories } from './html/side-by-side.js';
import { renderSummary } from './html/summary.js';
import { buildView } from './html/view.js';

const sha256 = (s: string): string => `'sha256-${createHash('sha256').update(s, 'utf8').digest('base64')}'`;

/**
 * The Content-Security-Policy for the report: nothing may load, and only the report's own style sheet and script
 * (by hash) may apply or run, so text from a source can never become markup or code.
 */
export function contentSecurityPolicy(style: string, script: string): string {
  return [
    "default-src 'none'",
    `style-src ${sha256(style)}`,
    `script-src ${sha256(script)}`,
    "img-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

/**
 * Units of a segment file shown on one HTML page (about 3 KB each): a translation memory with 100,000 units with
 * findings would otherwise make a page of 350 MB that no browser opens. Written to a file, the report has as many
 * pages as it takes (`htmlPageCount`), linked to each other; printed, it is the first page, which counts the others.
 */
export const HTML_MAX_UNITS = 500;

/** How many pages the HTML report of `report` has: one, or for a segment file one per HTML_MAX_UNITS units with findings. */
export function htmlPageCount(report: Report): number {
  return report.units ? Math.max(1, Math.ceil(report.stories.length / HTML_MAX_UNITS)) : 1;
}

/**
 * The file of each page of an HTML report written to `file`: the first page is `file`, the others beside it with
 * their number ("report.html", "report-2.html", "report-3.html").
 */
export function htmlPagePaths(file: string, pages: number): string[] {
  const stem = /\.x?html?$/iu.test(file) ? file.replace(/\.(x?html?)$/iu, '') : file;
  const ext = /\.x?html?$/iu.exec(file)?.[0] ?? '.html';
  return Array.from({ length: pages }, (_, i) => (i === 0 ? file : `${stem}-${i + 1}${ext}`));
}

/** The report as page `page` (from 0) shows it: for a segment file, that page's units with findings. */
function shown(report: Report, page: number): { report: Report; first: number } {
  if (!report.units || report.stories.length <= HTML_MAX_UNITS) return { report, first: 0 };
  const first = page * HTML_MAX_UNITS;
  const stories = report.stories.slice(first, first + HTML_MAX_UNITS);
  const ids = new Set(stories.map((s) => s.id));
  const sources = new Set(stories.flatMap((s) => s.sources));
  return {
    report: {
      ...report,
      stories,
      sources: report.sources.filter((s) => sources.has(s.id)),
      findings: report.findings.filter((f) => f.story !== undefined && ids.has(f.story)),
      alignments: report.alignments.filter((a) => ids.has(a.story)),
    },
    first,
  };
}

/**
 * What a page of several says of itself: which units it shows, and links to the other pages when they were written
 * (`paths`), or where the other units are when only this page was (standard output).
 */
function pageNotice(full: Report, page: Report, first: number, index: number, count: number, paths: readonly string[] | undefined): string {
  if (count <= 1) return '';
  const total = full.stories.length;
  const range = `units with findings ${first + 1}–${first + page.stories.length} of ${total}`;
  if (!paths) {
    const hidden = total - page.stories.length;
    return `<p class="notice" role="note">${esc(`This page shows the first ${HTML_MAX_UNITS} units with findings (${plural(page.findings.length, 'finding')}); ${plural(hidden, 'more unit')} with findings (${plural(full.findings.length - page.findings.length, 'finding')}) are in the JSON, text and SARIF reports, and on the other pages of an HTML report written with --output or --output-dir.`)}</p>`;
  }
  const link = (i: number, label: string, rel?: string): string => `<a href="${esc(encodeURI(basename(paths[i]!)))}"${rel ? ` rel="${rel}"` : ''}>${esc(label)}</a>`;
  const numbers = paths.map((_, i) => (i === index ? `<li><span aria-current="page">${i + 1}</span></li>` : `<li>${link(i, String(i + 1))}</li>`)).join('');
  return (
    `<nav class="notice pages" aria-label="Pages of this report"><p>${esc(`Page ${index + 1} of ${count}: ${range} (${plural(page.findings.length, 'finding')} on this page).`)}</p>` +
    `<ul>${index > 0 ? `<li>${link(index - 1, '‹ previous', 'prev')}</li>` : ''}${numbers}${index < count - 1 ? `<li>${link(index + 1, 'next ›', 'next')}</li>` : ''}</ul></nav>`
  );
}

/**
 * A self-contained HTML discrepancy report: summary, findings with filters, side-by-side views of each story's
 * source pairs, and a corroboration matrix for stories with three or more sources. Rendered entirely here; the
 * inline script only toggles classes and `hidden`.
 */
export const renderHtml: Reporter = (full, ctx) => renderHtmlPage(full, ctx, 0);

/**
 * Page `index` (from 0) of the HTML report: the whole report when it has one page (`htmlPageCount`). `paths` are the
 * files of all pages (`htmlPagePaths`) when they are written, so each page links to the others; without them the
 * page is the only one written and says where the other units are.
 */
export function renderHtmlPage(full: Report, ctx: RenderContext, index: number, paths?: readonly string[]): string {
  const count = htmlPageCount(full);
  const { report, first } = shown(full, index);
  const view = buildView(report, ctx);
  const style = `${CSS}${categoryCss()}\n`;
  const { bySeverity } = full.summary;
  const units = full.units;
  const scope = units ? `${plural(units.checked, 'unit')} checked, ${units.withFindings} with findings` : `${plural(full.sources.length, 'source')} · ${plural(full.stories.length, 'story')}`;
  const title = `factlint: ${plural(full.findings.length, 'finding')} in ${units ? plural(units.withFindings, 'unit') : plural(full.stories.length, 'story')}`;
  const notice = pageNotice(full, report, first, index, count, paths);
  const titled = count > 1 && paths ? `${title} (page ${index + 1} of ${count})` : title;
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${esc(contentSecurityPolicy(style, SCRIPT))}">`,
    '<meta name="referrer" content="no-referrer">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="color-scheme" content="light">',
    `<title>${esc(titled)}</title>`,
    `<style>${style}</style>`,
    '</head>',
    '<body>',
    `<header class="top"><h1>factlint report</h1><span class="meta">${esc(
      `${plural(full.findings.length, 'finding')} (${bySeverity.error} error, ${bySeverity.warning} warning, ${bySeverity.info} info) · ${scope} · factlint ${report.tool.version}`,
    )}</span></header>`,
    notice,
    renderSummary(view),
    `<div class="workspace">${renderFindings(view)}${renderStories(view)}</div>`,
    `<footer>Generated by factlint ${esc(report.tool.version)} (report schema ${report.schemaVersion}). Self-contained: works offline; nothing is loaded from the network.</footer>`,
    `<script>${SCRIPT}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
