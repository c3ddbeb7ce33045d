import { Command, Option } from 'commander';
import { EXIT, type Io, type SetExit } from '../io.js';
import { wholeNumber } from './build.js';

interface WorkerOpts {
  redis: string;
  queue: string;
  concurrency: number;
  lockDuration: number;
  stalledInterval: number;
  jobTimeout: number;
  quiet?: boolean;
}

export function workerCommand(io: Io, setExit: SetExit): Command {
  return new Command('worker')
    .description('build documents from a queue (plancorpus queue add) until stopped with SIGTERM or Ctrl-C; run any number, on any machine')
    .addOption(new Option('--redis <url>', 'Redis server').default('redis://127.0.0.1:6379'))
    .addOption(new Option('--queue <name>', 'queue name').default('plancorpus'))
    .addOption(new Option('-j, --concurrency <n>', 'jobs in flight in this process, each built on its own worker thread').default(1).argParser(wholeNumber('--concurrency', 1)))
    .addOption(new Option('--lock-duration <ms>', 'how long a job stays locked to a worker that stopped answering before another takes it').default(30_000).argParser(wholeNumber('--lock-duration', 1000)))
    .addOption(new Option('--stalled-interval <ms>', 'how often to look for jobs of dead workers').default(30_000).argParser(wholeNumber('--stalled-interval', 1000)))
    .addOption(new Option('--job-timeout <ms>', 'a job still running after this long is stopped (its thread is ended), fails and is retried').default(300_000).argParser(wholeNumber('--job-timeout', 1000)))
    .option('-q, --quiet', 'print nothing but errors')
    .action(async (opts: WorkerOpts) => {
      const { startWorker } = await import('../../corpus/queue/worker.js');
      const worker = await startWorker({
        redis: opts.redis,
        queue: opts.queue,
        concurrency: opts.concurrency,
        lockDuration: opts.lockDuration,
        stalledInterval: opts.stalledInterval,
        jobTimeout: opts.jobTimeout,
        onDone: opts.quiet ? undefined : (e) => io.stdout(e.status === 'ok' ? `ok      ${e.source} → ${e.output}\n` : `failed  ${e.source}: ${e.error?.code}: ${e.error?.message}\n`),
        onFailed: (source, error) => io.stderr(`retry   ${source}: ${error}\n`),
        onError: (message) => io.stderr(`redis   ${message}\n`),
      });
      if (!opts.quiet) io.stderr(`worker ready on ${opts.redis} (queue ${opts.queue})\n`);
      // stop taking jobs on SIGTERM/SIGINT; the running ones finish and are marked done
      await new Promise<void>((resolve) => {
        process.once('SIGTERM', resolve);
        process.once('SIGINT', resolve);
      });
      await worker.close();
      setExit(EXIT.ok);
    });
}
