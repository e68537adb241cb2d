import type { Reporter } from './context.js';
import { defuseJson } from './escape.js';

/** The JSON report: the contract in ../shared/eval/score.mjs and rules/schema/report.schema.json. */
export const renderJson: Reporter = (report) => `${defuseJson(JSON.stringify(report, null, 2))}\n`;
