import { parentPort, workerData } from 'node:worker_threads';
import type { Source } from '../model/source.js';
import type { CleanContext } from './clean.js';
import { createKnowledge, defaultKnowledge } from '../lang/knowledge.js';
import { RULES_DIR } from '../paths.js';
import { analysePlain } from './analyse.js';

/** A worker of the analysis pool: receives sources one at a time, returns their plain analysis. */
const { ctx, rulesDir } = workerData as { ctx: CleanContext; rulesDir: string };
// The same rules folder as the thread that started it (the process-wide knowledge when that is the package's).
const knowledge = rulesDir === RULES_DIR ? defaultKnowledge() : createKnowledge(rulesDir);
parentPort?.on('message', (m: { i: number; source: Source }) => {
  try {
    parentPort?.postMessage({ i: m.i, result: analysePlain(m.source, ctx, knowledge) });
  } catch (e) {
    parentPort?.postMessage({ i: m.i, error: (e as Error).message });
  }
});
