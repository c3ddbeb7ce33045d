import { Option, type Command } from 'commander';

/** Where a command writes: results to stdout, progress and messages to stderr. */
export interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  /** is stderr a terminal (progress is shown only then) */
  stderrIsTTY: boolean;
  /**
   * Settles once stdout has taken what was written (a streaming command waits on it between pieces,
   * so that a slow reader of a pipe holds the command back instead of its output piling up in memory).
   * Without it, writes are taken at once (output collected in memory, as in tests).
   */
  stdoutDrained?: () => Promise<void>;
}

export const processIo: Io = {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  stderrIsTTY: Boolean(process.stderr.isTTY),
  stdoutDrained: () => drained(process.stdout),
};

/** Settles when the stream has no more buffered than its limit, or once it has ended or failed (nothing will drain it then). */
function drained(stream: NodeJS.WriteStream): Promise<void> {
  if (!stream.writableNeedDrain || stream.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    const done = (): void => {
      stream.off('drain', done);
      stream.off('close', done);
      stream.off('error', done);
      resolve();
    };
    stream.on('drain', done);
    stream.on('close', done);
    stream.on('error', done);
  });
}

/** Exit codes: 0 clean, 1 some documents failed (or differ, or could not be read), 2 usage or fatal error. */
export const EXIT = { ok: 0, someFailed: 1, usage: 2 } as const;

/** How a command ends: its exit code, the only route for one. */
export type SetExit = (code: number) => void;

/** A mistake in how the command was called: printed as `plancorpus: …`, exit 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** The same `--format` and `-q, --quiet` on every command whose output is data. */
export function withOutputOptions(cmd: Command, formats: readonly string[] = ['text', 'json']): Command {
  return cmd
    .addOption(new Option('--format <format>', `output format: ${formats.join(' or ')}`).choices(formats).default(formats[0]))
    .option('-q, --quiet', 'print nothing but results and errors');
}

/** The corpus folder argument, named the same in every command. */
export const CORPUS_DIR = 'corpus-dir';
