import { parentPort, workerData } from 'node:worker_threads';
import type { Source } from '../model/source.js';
import type { CleanContext } from './clean.js';
import { analysePlain } from './analyse.js';

/** A worker of the analysis pool: receives sources one at a time, returns their plain analysis. */
const ctx = (workerData as { ctx: CleanContext }).ctx;
parentPort?.on('message', (m: { i: number; source: Source }) => {
  try {
    parentPort?.postMessage({ i: m.i, result: analysePlain(m.source, ctx) });
  } catch (e) {
    parentPort?.postMessage({ i: m.i, error: (e as Error).message });
  }
});
