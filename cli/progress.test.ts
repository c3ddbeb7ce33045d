import { describe, expect, it } from 'vitest';
import { ProgressReporter } from './progress.js';
import type { IndexEntry } from '../schemas/corpus.js';

const entry = (source: string, ok = true): IndexEntry => ({
  id: source.replace('.txt', ''),
  source,
  sha256: ok ? '0'.repeat(64) : null,
  bytes: ok ? 10 : null,
  status: ok ? 'ok' : 'failed',
  error: ok ? null : { code: 'empty-input', message: 'the file is empty (0 bytes)' },
  warnings: ok ? 2 : 0,
  output: ok ? source.replace('.txt', '.json') : null,
});

function capture(tty: boolean) {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { stdout: (s: string) => void out.push(s), stderr: (s: string) => void err.push(s), stderrIsTTY: tty }, out, err };
}

describe('ProgressReporter', () => {
  it('prints each document when it finishes, and keeps a progress line with rate, ETA and failures on a terminal', () => {
    let now = 0;
    const { io, out, err } = capture(true);
    const p = new ProgressReporter(io, { format: 'text', quiet: false, out: 'output', now: () => now });
    now = 2000;
    p.document(1, 4, entry('a.txt'));
    expect(out).toEqual(['ok      a.txt → output/a.json (2 warnings)\n']);
    expect(err.join('')).toBe('[1/4] 0.5 documents/s, ETA 6 s');
    now = 4000;
    p.document(2, 4, entry('b.txt', false));
    expect(out[1]).toBe('failed  b.txt: empty-input: the file is empty (0 bytes)\n');
    expect(err.join('')).toBe('[1/4] 0.5 documents/s, ETA 6 s\r\x1b[K[2/4] 0.5 documents/s, ETA 4 s, 1 failure');
    p.stop();
    expect(err.at(-1)).toBe('\r\x1b[K');
  });

  it('off a terminal, prints a plain progress line every interval (so logs show life)', async () => {
    const { io, err } = capture(false);
    const p = new ProgressReporter(io, { format: 'text', quiet: false, out: 'output', intervalMs: 20 });
    p.document(1, 3, entry('a.txt'));
    await new Promise((r) => setTimeout(r, 70));
    p.stop();
    expect(err.filter((l) => l.startsWith('progress [1/3] ')).length).toBeGreaterThanOrEqual(2);
    // --quiet: nothing but results and errors
    const quiet = capture(false);
    const q = new ProgressReporter(quiet.io, { format: 'text', quiet: true, out: 'output', intervalMs: 20 });
    q.document(1, 3, entry('a.txt'));
    await new Promise((r) => setTimeout(r, 70));
    q.stop();
    expect(quiet.err).toEqual([]);
  });

  it('--log-format json: one JSON object per event', () => {
    const { io, out } = capture(false);
    const p = new ProgressReporter(io, { format: 'json', quiet: false, out: 'output' });
    p.document(1, 1, entry('a.txt'));
    p.stop();
    expect(JSON.parse(out[0])).toMatchObject({ event: 'document', done: 1, total: 1, source: 'a.txt', status: 'ok' });
  });
});
