import type { Location } from './span.js';

export const CATEGORIES = [
  'entity-mismatch', 'number-mismatch', 'date-mismatch', 'event-mismatch',
  'attribution-mismatch', 'modality-mismatch', 'negation-mismatch',
  'omission', 'addition', 'unsourced-claim', 'internal-contradiction',
] as const;
export type Category = (typeof CATEGORIES)[number];

export const SEVERITIES = ['error', 'warning', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const severityRank = (s: Severity): number => (s === 'error' ? 3 : s === 'warning' ? 2 : 1);

export interface Finding {
  ruleId: string;
  category: Category;
  severity: Severity;
  message: string;
  /** First location is the primary one; others are the counterpart spans in other sources. */
  locations: Location[];
  /** Whole sentences around the locations, for showing in context. */
  context: Location[];
  story?: string;
  /**
   * For a finding located in one version only (content one version lacks), the other version of the pair it
   * compares: draft mode keeps what the draft lost, located in the published version, by this.
   */
  versus?: string;
  /** Stable identity for baselines: rule id plus normalised evidence text. */
  fingerprint: string;
}
