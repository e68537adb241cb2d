import path from 'node:path';
import type * as Sarif from 'sarif';
import type { Finding, Severity } from '../model/finding.js';
import type { Report } from '../model/report.js';
import type { Location, Span } from '../model/span.js';
import { blockAt, blockLabel, isUrl } from '../model/source.js';
import { positioner, type Position } from '../model/position.js';
import type { RenderContext, Reporter, RuleInfo } from './context.js';
import { jsonDocument } from './json.js';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

// ---------------------------------------------------------------------------------------------------------------
// Positions and paths. Every reporter that points at a file (SARIF, JUnit, GitHub, HTML) uses these, so that a
// finding has the same line and column everywhere. (They would sit well in a shared src/report/position.ts.)

export { positioner, type Position } from '../model/position.js';

export interface SpanPosition {
  start: Position;
  /** Position of the last character of the span (inclusive), or the start for an empty span. */
  last: Position;
  /** Position just past the end (SARIF's exclusive endColumn). */
  end: Position;
}

/** Line/column lookup for spans of any source of the report, memoised per source. */
export function spanPositions(ctx: RenderContext): (span: Span) => SpanPosition {
  const cache = new Map<string, (offset: number) => Position>();
  return (span) => {
    let pos = cache.get(span.source);
    if (!pos) {
      pos = positioner(ctx.texts[span.source] ?? '');
      cache.set(span.source, pos);
    }
    const start = pos(span.start);
    return { start, last: span.end > span.start ? pos(span.end - 1) : start, end: pos(span.end) };
  };
}

/** Path of `p` relative to `cwd`, with forward slashes; no file system access. A URL is returned as it is. */
export function relativePath(p: string, cwd: string): string {
  if (isUrl(p)) return p;
  const abs = path.isAbsolute(p);
  const rel = abs && cwd !== '' ? path.relative(cwd, p) : abs ? p : path.normalize(p);
  return rel.split(path.sep).join('/').replace(/\\/gu, '/');
}

/** Display path of each source id (the report's source path relative to ctx.cwd); unknown ids map to themselves. */
export function sourcePaths(report: Report, ctx: RenderContext): (sourceId: string) => string {
  const paths = new Map(report.sources.map((s) => [s.id, relativePath(s.path || s.id, ctx.cwd)]));
  return (id) => paths.get(id) ?? relativePath(id, ctx.cwd);
}

/**
 * A source as people are shown it: its path, and for a unit of a segment file (which shares its path with the
 * file's other units) the unit too: "translation.po (unit-3:source)".
 */
export function sourceNames(report: Report, ctx: RenderContext): (sourceId: string) => string {
  const pathOf = sourcePaths(report, ctx);
  return (id) => (ctx.units?.[id] ? `${pathOf(id)} (${id})` : pathOf(id));
}

/** Where a location is, as reporters point at it. */
export type Place =
  /** A source that is a file of its own: lines and columns in it. */
  | ({ file: string; unit?: undefined } & SpanPosition)
  /**
   * A unit of a segment file (`RenderContext.units`): the file, the unit (its source id) and the unit's line in the
   * file when the reader knows it; or a paragraph of a document whose text was extracted (`RenderContext.documents`):
   * the file or URL, the paragraph ("page 2, paragraph 3") and, for a web page, the line of the HTML file where the
   * paragraph's element starts. No column: the location's offsets are into the unit's or the extracted text.
   */
  | { file: string; unit: string; line?: number };

/** The place of each span: file (relative to ctx.cwd) and position, or the file, unit and line of a unit. */
export function spanPlaces(report: Report, ctx: RenderContext): (span: Span) => Place {
  const pathOf = sourcePaths(report, ctx);
  const positions = spanPositions(ctx);
  return (span) => {
    const doc = ctx.documents?.[span.source];
    if (doc) {
      const b = blockAt(doc.blocks, span.start);
      if (b) return { file: pathOf(span.source), unit: blockLabel(b), ...(b.line !== undefined ? { line: b.line } : {}) };
    }
    const unit = ctx.units?.[span.source];
    if (!unit) return { file: pathOf(span.source), ...positions(span) };
    return unit.line !== undefined ? { file: pathOf(span.source), unit: span.source, line: unit.line } : { file: pathOf(span.source), unit: span.source };
  };
}

/** A place for people: "file:line:column"; a unit "file:line (unit-3:source)", or "file (unit-3:source)" without a line. */
export function placeLabel(p: Place): string {
  if (p.unit === undefined) return `${p.file}:${p.start.line}:${p.start.column}`;
  return `${p.file}${p.line !== undefined ? `:${p.line}` : ''} (${p.unit})`;
}

/** A place to the line: "file:line"; a unit as `placeLabel` gives it. */
export function placeLine(p: Place): string {
  return p.unit === undefined ? `${p.file}:${p.start.line}` : placeLabel(p);
}

// ---------------------------------------------------------------------------------------------------------------

const LEVEL: Record<Severity, Sarif.ReportingConfiguration.level> = { error: 'error', warning: 'warning', info: 'note' };

const levelOf = (severity: string): Sarif.ReportingConfiguration.level =>
  severity === 'error' || severity === 'warning' || severity === 'info' ? LEVEL[severity] : 'warning';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** A URI reference for a relative path: each segment percent-encoded (lone surrogates as U+FFFD), slashes kept. */
const toUri = (p: string): string =>
  p.split('/').map((seg) => encodeURIComponent(seg.replace(LONE_SURROGATE, '\uFFFD'))).join('/');

/** An artifact location: a URL as it is (absolute, no base), a path relative to the checkout (SRCROOT). */
const artifactAt = (p: string): { uri: string; uriBaseId?: string } => (isUrl(p) ? { uri: p } : { uri: toUri(p), uriBaseId: 'SRCROOT' });

const MIME: Record<string, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  odt: 'application/vnd.oasis.opendocument.text',
  html: 'text/html',
  pdf: 'application/pdf',
};

function ruleDescriptor(rule: RuleInfo): Sarif.ReportingDescriptor {
  const firstSentence = /^[^\n]*?[.!?](?=\s|$)/u.exec(rule.description)?.[0] ?? rule.description;
  return {
    id: rule.id,
    shortDescription: { text: firstSentence || rule.id },
    fullDescription: { text: rule.description || rule.id },
    help: { text: rule.help || rule.description || rule.id, markdown: rule.help || rule.description || rule.id },
    defaultConfiguration: { level: levelOf(rule.severity) },
    properties: { category: rule.category, tags: ['factlint', rule.category] },
  };
}

/** SARIF 2.1.0 log with one run. Deterministic: no timestamps, no absolute paths. */
export function buildSarif(report: Report, ctx: RenderContext): Sarif.Log {
  const pathOf = sourcePaths(report, ctx);
  const positions = spanPositions(ctx);
  const placeOf = spanPlaces(report, ctx);

  const rules: Sarif.ReportingDescriptor[] = [...ctx.rules].sort((a, b) => cmp(a.id, b.id)).map(ruleDescriptor);
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  // Findings of a rule the context does not describe still get a descriptor, so consumers can show something.
  for (const f of report.findings) {
    if (ruleIndex.has(f.ruleId)) continue;
    ruleIndex.set(f.ruleId, rules.length);
    rules.push(ruleDescriptor({ id: f.ruleId, category: f.category, severity: f.severity, description: f.category, help: '' }));
  }

  // One artifact per file: the units of a segment file (bitext, pairs) share theirs, which has no one length or language.
  const artifacts: Sarif.Artifact[] = [];
  const artifactIndex = new Map<string, number>();
  const byUri = new Map<string, number>();
  for (const s of report.sources) {
    const at = artifactAt(pathOf(s.id));
    const uri = at.uri;
    const known = byUri.get(uri);
    if (known !== undefined && ctx.units?.[s.id]) {
      artifactIndex.set(s.id, known);
      continue;
    }
    byUri.set(uri, artifacts.length);
    artifactIndex.set(s.id, artifacts.length);
    const doc = s.document;
    artifacts.push(ctx.units?.[s.id]
      ? { location: at, mimeType: 'text/plain' }
      // An extracted document: the file (or page) is not the text the offsets are in, so no length or encoding.
      : doc ? {
          location: at,
          mimeType: MIME[doc.format] ?? 'application/octet-stream',
          properties: { lang: s.lang, ...(s.published ? { published: s.published } : {}), ...(s.byline ? { byline: s.byline } : {}), ...(doc.title ? { title: doc.title } : {}) },
        }
      : {
          location: { uri, uriBaseId: 'SRCROOT' },
          mimeType: 'text/plain',
          encoding: 'utf-8',
          length: s.chars,
          properties: { lang: s.lang, ...(s.published ? { published: s.published } : {}), ...(s.byline ? { byline: s.byline } : {}) },
        });
  }

  const physical = (loc: Location, context?: Location): Sarif.PhysicalLocation => {
    const index = artifactIndex.get(loc.source);
    const artifactLocation: Sarif.ArtifactLocation = { ...artifactAt(pathOf(loc.source)), ...(index !== undefined ? { index } : {}) };
    const place = placeOf(loc);
    // A unit of a segment file or a paragraph of a document: its line in the file, where known (a web page's);
    // offsets and columns are in the unit's or the extracted text.
    if (place.unit !== undefined) return place.line !== undefined ? { artifactLocation, region: { startLine: place.line, snippet: { text: loc.text } } } : { artifactLocation };
    const p = positions(loc);
    const out: Sarif.PhysicalLocation = {
      artifactLocation,
      region: {
        startLine: p.start.line,
        startColumn: p.start.column,
        endLine: p.end.line,
        endColumn: p.end.column,
        charOffset: loc.start,
        charLength: loc.end - loc.start,
        snippet: { text: loc.text },
      },
    };
    if (context && (context.start !== loc.start || context.end !== loc.end)) {
      const c = positions(context);
      out.contextRegion = {
        startLine: c.start.line,
        startColumn: c.start.column,
        endLine: c.end.line,
        endColumn: c.end.column,
        charOffset: context.start,
        charLength: context.end - context.start,
        snippet: { text: context.text },
      };
    }
    return out;
  };

  const contextFor = (f: Finding, loc: Location): Location | undefined =>
    f.context.find((c) => c.source === loc.source && c.start <= loc.start && loc.end <= c.end);

  const results: Sarif.Result[] = report.findings.map((f) => {
    const [primary, ...others] = f.locations;
    const result: Sarif.Result = {
      ruleId: f.ruleId,
      level: LEVEL[f.severity],
      message: { text: f.message },
      partialFingerprints: { 'factlint/v1': f.fingerprint },
      properties: { category: f.category, ...(f.story !== undefined ? { story: f.story } : {}) },
    };
    const idx = ruleIndex.get(f.ruleId);
    if (idx !== undefined) result.ruleIndex = idx;
    // A unit of a segment file is named as a logical location too: its file holds many. So is a document's
    // paragraph ("page 2, paragraph 3"), which has no line a viewer could show.
    const logical = (loc: Location): Pick<Sarif.Location, 'logicalLocations'> => {
      if (ctx.units?.[loc.source]) return { logicalLocations: [{ fullyQualifiedName: loc.source }] };
      const place = ctx.documents?.[loc.source] ? placeOf(loc) : undefined;
      return place?.unit !== undefined ? { logicalLocations: [{ name: place.unit, kind: 'element' }] } : {};
    };
    if (primary) result.locations = [{ physicalLocation: physical(primary, contextFor(f, primary)), ...logical(primary) }];
    if (others.length > 0) {
      result.relatedLocations = others.map((loc, i) => ({
        id: i + 1,
        physicalLocation: physical(loc, contextFor(f, loc)),
        ...logical(loc),
        message: { text: `${placeLabel(placeOf(loc))}: "${loc.text}"` },
      }));
    }
    return result;
  });

  const run: Sarif.Run = {
    tool: {
      driver: {
        name: 'factlint',
        version: report.tool.version,
        semanticVersion: report.tool.version,
        rules,
      },
    },
    columnKind: 'utf16CodeUnits',
    artifacts,
    results,
    invocations: [
      {
        executionSuccessful: true,
        toolExecutionNotifications: report.skipped.map((s) => ({
          level: 'warning',
          descriptor: { id: s.code },
          message: { text: `${relativePath(s.path, ctx.cwd)}: ${s.reason}` },
          locations: [{ physicalLocation: { artifactLocation: artifactAt(relativePath(s.path, ctx.cwd)) } }],
        })),
      },
    ],
  };

  return { $schema: SARIF_SCHEMA, version: '2.1.0', runs: [run] };
}

/** The SARIF log in pieces: each result written on its own (log → runs → run → results → result: five levels). */
export const streamSarif = (report: Report, ctx: RenderContext): Iterable<string> => jsonDocument(buildSarif(report, ctx), 6);

export const renderSarif: Reporter = (report, ctx) => [...streamSarif(report, ctx)].join('');

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
