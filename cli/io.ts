import { Option, type Command } from 'commander';

/** Where a command writes: results to stdout, progress and messages to stderr. */
export interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  /** is stderr a terminal (progress is shown only then) */
  stderrIsTTY: boolean;
}

export const processIo: Io = {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  stderrIsTTY: Boolean(process.stderr.isTTY),
};

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
