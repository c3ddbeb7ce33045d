import { Command, Option } from 'commander';
import { EXIT, UsageError, withOutputOptions, type Io, type SetExit } from '../io.js';
import { wholeNumber } from './build.js';

const redisOption = (): Option => new Option('--redis <url>', 'Redis server').default('redis://127.0.0.1:6379');
const queueOption = (): Option => new Option('--queue <name>', 'queue name (one queue can hold many corpora)').default('plancorpus');

interface Target {
  redis: string;
  queue: string;
  quiet?: boolean;
  format: string;
}

/** Errors a caller can mend (no inputs, nothing added, not finished) are usage errors; others stay fatal. */
async function asUsage<T>(work: () => Promise<T>): Promise<T> {
  const { NoInputsError } = await import('../../corpus/build.js');
  try {
    return await work();
  } catch (err) {
    if (err instanceof NoInputsError) throw new UsageError(err.message);
    throw err;
  }
}

export function queueCommand(io: Io, setExit: SetExit): Command {
  const queue = new Command('queue').description('build a corpus on many machines: BullMQ jobs in Redis, run by `plancorpus worker` processes');

  const add = new Command('add')
    .description('add one job per input document (inputs and --out on a folder every worker sees at the same path)')
    .argument('<inputs...>', 'files, folders or globs of .txt/.pdf inputs')
    .requiredOption('-o, --out <dir>', 'output folder, shared with the workers')
    .addOption(redisOption())
    .addOption(queueOption())
    .option('--rules <file>', 'OCR rules file (JSON or YAML), as for build')
    .option('--compact', "write each document's JSON on one line, as for build")
    .addOption(new Option('--attempts <n>', 'tries per job before it fails').default(3).argParser(wholeNumber('--attempts', 1)));
  withOutputOptions(add).action(async (inputs: string[], opts: Target & { out: string; rules?: string; compact?: boolean; attempts: number }) => {
    const { enqueue } = await import('../../corpus/queue/client.js');
    const r = await asUsage(() => enqueue({ inputs, outDir: opts.out, redis: opts.redis, queue: opts.queue, rules: opts.rules, compact: opts.compact, attempts: opts.attempts }));
    if (opts.format === 'json') io.stdout(`${JSON.stringify(r)}\n`);
    else if (!opts.quiet) io.stdout(`${r.added} job(s) added, ${r.documents - r.added} already queued, for ${r.documents} document(s) into ${opts.out} (pipeline ${r.build})\n`);
    setExit(EXIT.ok);
  });

  const status = new Command('status').description('count waiting, active, done and failed jobs, and list the failures with their errors').addOption(redisOption()).addOption(queueOption());
  withOutputOptions(status).action(async (opts: Target) => {
    const { queueStatus } = await import('../../corpus/queue/client.js');
    const s = await queueStatus({ redis: opts.redis, queue: opts.queue });
    if (opts.format === 'json') io.stdout(`${JSON.stringify(s)}\n`);
    else {
      io.stdout(`waiting ${s.waiting}  active ${s.active}  delayed ${s.delayed}  done ${s.done}  failed ${s.failed}\n`);
      for (const f of s.failures) io.stdout(`failed  ${f.source} (${f.attempts} attempt${f.attempts === 1 ? '' : 's'}${f.worker ? `, last on ${f.worker}` : ''}): ${f.error}\n`);
    }
    setExit(s.failed > 0 ? EXIT.someFailed : EXIT.ok);
  });

  const collect = new Command('collect').description('write index.json for a corpus whose jobs have all finished (exit 1, writing nothing, while some have not)').requiredOption('-o, --out <dir>', 'the output folder given to queue add').addOption(redisOption()).addOption(queueOption());
  withOutputOptions(collect).action(async (opts: Target & { out: string }) => {
    const { collect: collectIndex, NotFinishedError } = await import('../../corpus/queue/client.js');
    let r;
    try {
      r = await asUsage(() => collectIndex({ redis: opts.redis, queue: opts.queue, outDir: opts.out }));
    } catch (err) {
      if (!(err instanceof NotFinishedError)) throw err;
      io.stderr(`plancorpus: ${err.message}\n`);
      setExit(EXIT.someFailed);
      return;
    }
    const { index, failed } = r;
    if (opts.format === 'json') io.stdout(`${JSON.stringify({ out: opts.out, documents: index.documents.length, failed, entries: index.documents })}\n`);
    else {
      for (const e of index.documents) if (e.status === 'failed') io.stdout(`failed  ${e.source}: ${e.error?.code}: ${e.error?.message}\n`);
      if (!opts.quiet) io.stdout(`${index.documents.length - failed} of ${index.documents.length} documents in ${opts.out}/ (index.json)\n`);
    }
    setExit(failed > 0 ? EXIT.someFailed : EXIT.ok);
  });

  return queue.addCommand(add).addCommand(status).addCommand(collect);
}
