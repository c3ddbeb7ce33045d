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

/** Exit codes: 0 clean, 1 some documents failed, 2 usage or fatal error. */
export const EXIT = { ok: 0, someFailed: 1, usage: 2 } as const;
