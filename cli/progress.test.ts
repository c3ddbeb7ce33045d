import { describe, expect, it } from 'vitest';
import { ProgressReporter, ReadingProgress, withReadingProgress } from './progress.js';
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

describe('ReadingProgress (export, review, link, validate, diff)', () => {
  it('on a terminal, one line redrawn at most every 100 ms with what is done, rate and ETA; cleared at the end', () => {
    let now = 0;
    const { io, out, err } = capture(true);
    const p = new ReadingProgress(io, 'exporting', { now: () => now });
    now = 50;
    p.step(1, 100); // within 100 ms of the start: not drawn
    expect(err).toEqual([]);
    now = 1000;
    p.step(10, 100);
    expect(err).toEqual(['exporting [10/100] 10 documents/s, ETA 9 s']);
    now = 1050;
    p.step(11, 100);
    expect(err).toHaveLength(1);
    now = 2000;
    p.step(20, 100);
    expect(err[1]).toBe('\r\x1b[Kexporting [20/100] 10 documents/s, ETA 8 s');
    p.stop();
    expect(err.at(-1)).toBe('\r\x1b[K');
    expect(out).toEqual([]);
  });

  it('off a terminal, a plain line every interval; nothing with --quiet', () => {
    let now = 0;
    const { io, err } = capture(false);
    const p = new ReadingProgress(io, 'reading', { now: () => now, intervalMs: 5000 });
    for (let i = 1; i <= 40; i++) {
      now = i * 250;
      p.step(i, 40);
    }
    expect(err).toEqual(['progress reading [20/40] 4 documents/s, ETA 5 s\n', 'progress reading [40/40] 4 documents/s, ETA 0 s\n']);
    p.stop();
    expect(err).toHaveLength(2);
    const quiet = capture(true);
    const q = new ReadingProgress(quiet.io, 'exporting', { quiet: true, now: () => now });
    now += 10_000;
    q.step(1, 2);
    q.stop();
    expect(quiet.err).toEqual([]);
  });

  it('counts in another unit where told (review --html reading links.json, in MB)', () => {
    let now = 0;
    const { io, err } = capture(false);
    const p = new ReadingProgress(io, 'reading links.json', { now: () => now, intervalMs: 5000, unit: 'MB' });
    now = 5000;
    p.step(120, 238);
    expect(err).toEqual(['progress reading links.json [120/238] 24 MB/s, ETA 5 s\n']);
  });

  it('withReadingProgress clears the line however the work ends', async () => {
    const { io, err } = capture(true);
    const slow = (step: (done: number, total: number) => void): Promise<number> =>
      new Promise((resolve) => setTimeout(() => {
        step(1, 2);
        resolve(1);
      }, 150));
    expect(await withReadingProgress(io, 'reading', false, slow)).toBe(1);
    expect(err).toHaveLength(2);
    expect(err[0]).toMatch(/^reading \[1\/2\] [\d.]+ documents\/s, ETA \d+ s$/);
    expect(err[1]).toBe('\r\x1b[K');
    const failing = capture(true);
    await expect(
      withReadingProgress(failing.io, 'reading', false, async (step) => {
        await new Promise((r) => setTimeout(r, 150));
        step(1, 2);
        throw new Error('unreadable');
      }),
    ).rejects.toThrow('unreadable');
    expect(failing.err.at(-1)).toBe('\r\x1b[K');
    expect(failing.err).toHaveLength(2);
  });
});
