import { parentPort, workerData } from 'node:worker_threads';
import { buildOne, type BuildJob } from './build-one.js';
import { createPipeline } from '../../pipeline/document.js';
import { useDictTable } from '../../core/lexicon/jieba-dict.js';
import type { WorkerMessage, WorkerSetup } from './pool.js';

/**
 * A build worker, on a thread or (under a heap limit) in a child process: takes the dictionary table
 * the pool shares with it (a process reads its own), loads the other dictionaries once (and warms
 * them up on a two-line text, so that a document's time limit measures the document, not the
 * start-up), says it is ready, then builds the documents it is sent, one at a time.
 */
const thread = parentPort;
const send = (msg: WorkerMessage): void => void (thread ? thread.postMessage(msg) : process.send!(msg));
const setup: WorkerSetup = thread ? (workerData as WorkerSetup) : await new Promise<WorkerSetup>((resolve) => process.once('message', (msg: { setup: WorkerSetup }) => resolve(msg.setup)));
// a child process whose parent is gone (killed, or ended without closing the pool) ends too
if (!thread) process.on('disconnect', () => process.exit(0));
if (setup.dictionary) useDictTable(setup.dictionary);
const pipeline = createPipeline(setup.pipeline);
await pipeline.run('warm-up', { path: 'warm-up.txt', bytes: new TextEncoder().encode('各位代表：\n现在，我代表市人民政府，向大会报告政府工作。\n') });
send({ ready: true });
const onJob = async (msg: { job: BuildJob }): Promise<void> => {
  try {
    send({ event: await buildOne(msg.job, pipeline) });
  } catch (err) {
    send({ error: err instanceof Error ? err.message : String(err) });
  }
};
if (thread) thread.on('message', onJob);
else process.on('message', onJob);
