import type { Reporter, RenderContext } from './context.js';
import type { Finding } from '../model/finding.js';
import type { Location } from '../model/span.js';
import { escapeControls, stripTerminalControls, terminalName } from './escape.js';
import { placeLabel, positioner, spanPlaces, type Place } from './sarif.js';
import { plural } from './plural.js';

const ICON: Record<string, string> = { error: 'error  ', warning: 'warning', info: 'info   ' };

/** Source text on one line: escape sequences stripped, white space collapsed, bidirectional controls and `##[` escaped. */
const clip = (s: string, n = 90): string => {
  const one = stripTerminalControls(s).replace(/\s+/g, ' ').trim();
  return escapeControls(one.length > n ? `${one.slice(0, n - 1)}…` : one);
};

function where(f: Finding, ctx: RenderContext, i: number, placeOf: (l: Location) => Place): string {
  const l = f.locations[i];
  if (!l) return '';
  // A unit of a segment file: the file and the unit's line in it ("translation.po:11 (unit-1:target)").
  const place = placeOf(l);
  if (place.unit !== undefined) return placeLabel({ ...place, file: terminalName(place.file), unit: terminalName(place.unit) });
  const text = ctx.texts[l.source];
  const pos = text !== undefined ? positioner(text)(l.start) : undefined;
  return `${terminalName(l.source)}${pos ? `:${pos.line}:${pos.column}` : ''}`;
}

/**
 * Plain text for a terminal or a CI log: one block per finding, with both quotes. Names (files, units, stories) are
 * shown quoted and escaped when they hold control or bidirectional characters or could read as a workflow command
 * (`terminalName`); quotes and messages are put on one line with control sequences stripped.
 */
export const renderText: Reporter = (report, ctx) => {
  const placeOf = spanPlaces(report, ctx);
  const lines: string[] = [];
  const byStory = new Map<string, typeof report.findings>();
  for (const f of report.findings) if (f.story !== undefined) (byStory.get(f.story) ?? byStory.set(f.story, []).get(f.story)!).push(f);
  for (const story of report.stories) {
    const fs = byStory.get(story.id) ?? [];
    if (story.sources.length < 2 && fs.length === 0) continue;
    // A segment file's units are listed only when they have findings (a translation memory holds thousands).
    if (report.units && fs.length === 0) continue;
    lines.push(`${terminalName(story.id)} (${story.relation}): ${story.sources.map(terminalName).join(', ')}`);
    for (const f of fs) {
      lines.push(`  ${ICON[f.severity]} ${escapeControls(f.ruleId)}  ${clip(f.message, 200)}`);
      f.locations.forEach((l, i) => lines.push(`      ${where(f, ctx, i, placeOf)}  «${clip(l.text)}»`));
    }
    lines.push('');
  }
  const s = report.summary.bySeverity;
  const counts = `${plural(report.summary.findings, 'finding')} (${plural(s.error, 'error')}, ${plural(s.warning, 'warning')}, ${s.info} info)`;
  if (report.units) {
    const u = report.units;
    if (u.withoutFindings > 0) lines.push(`${plural(u.withoutFindings, 'unit')} without findings (not listed)`);
    lines.push(`${plural(u.checked, 'unit')} checked, ${u.withFindings} with findings: ${counts}`);
  } else lines.push(`${plural(report.sources.length, 'source')}, ${plural(report.stories.length, 'story')}, ${counts}`);
  const loud = report.skipped.filter((x) => x.code !== 'FL101').length;
  if (loud) lines.push(`${plural(loud, 'input')} skipped (listed on stderr)`);
  return `${lines.join('\n')}\n`;
};
