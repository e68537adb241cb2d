/**
 * One unit of a segment file (a bitext file's translation unit, a pairs file's row): two versions of one short text,
 * a text and its translation or its edit.
 */
export interface PairRow {
  /** Unique within the file: the unit's own id where the format has one, else `row-<line>` or `unit-<n>`. */
  id: string;
  left: string;
  right: string;
  /** ISO 639-1 code (primary subtag, lower case) when the file or the options say. */
  leftLang?: string;
  rightLang?: string;
  /** 1-based line where the unit starts (its element, PO entry or line). */
  line?: number;
  /** 1-based lines of the two texts where they are not on the unit's first line (PO msgid/msgstr, XLIFF and TMX elements). */
  leftLine?: number;
  rightLine?: number;
}

/**
 * The units of a segment file in a report. A translation memory holds hundreds of thousands of units, so a report
 * lists (in `sources`, `stories`, `alignments`) only the units with findings and counts the others here.
 */
export interface UnitSummary {
  /** The file the units come from, as the report names it (absent for rows given in memory). */
  file?: string;
  /** Units checked: both sides read and within the limits (a unit refused, FL119, is in `skipped` instead). */
  checked: number;
  /** Units with at least one finding: listed in the report. */
  withFindings: number;
  /** Units checked without a finding: counted, not listed. */
  withoutFindings: number;
  /** Notes on reading the file (FL110–FL112: how it was decoded). */
  warnings: string[];
}
