import { parentPort, workerData } from 'node:worker_threads';
import type { LoadedRule } from '../model/rule.js';
import type { PairRow } from '../model/unit.js';
import { createKnowledge, defaultKnowledge } from '../lang/knowledge.js';
import { RULES_DIR } from '../paths.js';
import { checkUnitBatch, type UnitNames } from './units.js';

/** A worker of the unit pool (units.ts): receives batches of units, returns what each batch's check keeps. */
const { rules, rulesDir, names } = workerData as { rules: LoadedRule[]; rulesDir: string; names: UnitNames };
// The same rules folder as the thread that started it (the process-wide knowledge when that is the package's).
const knowledge = rulesDir === RULES_DIR ? defaultKnowledge() : createKnowledge(rulesDir);
parentPort?.on('message', (rows: PairRow[]) => {
  try {
    parentPort?.postMessage({ result: checkUnitBatch(rows, names, { rules, knowledge }) });
  } catch (e) {
    parentPort?.postMessage({ error: (e as Error).message });
  }
});
