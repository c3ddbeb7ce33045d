import { parentPort, workerData } from 'node:worker_threads';
import { buildOne, type BuildJob } from './build-one.js';
import { createPipeline } from '../../pipeline/document.js';
import { useDictTable } from '../../core/lexicon/jieba-dict.js';
import type { WorkerSetup } from './pool.js';

/**
 * A build worker: reads the dictionary table the pool shares with it, loads the other dictionaries
 * once (and warms them up on a two-line text, so that a document's time limit measures the
 * document, not the start-up), says it is ready, then builds the documents it is sent, one at a time.
 */
const setup = workerData as WorkerSetup;
useDictTable(setup.dictionary);
const pipeline = createPipeline(setup.pipeline);
await pipeline.run('warm-up', { path: 'warm-up.txt', bytes: new TextEncoder().encode('各位代表：\n现在，我代表市人民政府，向大会报告政府工作。\n') });
parentPort!.postMessage({ ready: true });
parentPort!.on('message', async (msg: { job: BuildJob }) => {
  try {
    const event = await buildOne(msg.job, pipeline);
    parentPort!.postMessage({ event });
  } catch (err) {
    parentPort!.postMessage({ error: err instanceof Error ? err.message : String(err) });
  }
});
