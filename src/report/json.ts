import type { Reporter } from './context.js';

/** The JSON report: the contract in ../shared/eval/score.mjs and rules/schema/report.schema.json. */
export const renderJson: Reporter = (report) => `${JSON.stringify(report, null, 2)}\n`;
