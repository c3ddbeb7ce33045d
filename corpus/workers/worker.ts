import { parentPort, workerData } from 'node:worker_threads';
import { buildOne, type BuildJob } from './build-one.js';
import { createPipeline, type PipelineOptions } from '../../pipeline/document.js';

/** A build worker: loads the dictionaries once, then builds the documents it is sent, one at a time. */
const pipeline = createPipeline(workerData as PipelineOptions);
parentPort!.on('message', async (msg: { seq: number; job: BuildJob }) => {
  try {
    const entry = await buildOne(msg.job, pipeline);
    parentPort!.postMessage({ seq: msg.seq, entry });
  } catch (err) {
    parentPort!.postMessage({ seq: msg.seq, error: err instanceof Error ? err.message : String(err) });
  }
});
