import { parentPort, workerData } from 'node:worker_threads';
import { buildOne, type BuildJob } from './build-one.js';
import { ocrHooks } from '../../pipeline/normalize/ocr/step.js';

/** A build worker: loads the dictionaries once, then builds the documents it is sent, one at a time. */
const setup = workerData as { rulesFile?: string };
const hooks = ocrHooks(setup.rulesFile);
parentPort!.on('message', async (msg: { seq: number; job: BuildJob }) => {
  try {
    const entry = await buildOne(msg.job, { hooks });
    parentPort!.postMessage({ seq: msg.seq, entry });
  } catch (err) {
    parentPort!.postMessage({ seq: msg.seq, error: err instanceof Error ? err.message : String(err) });
  }
});
