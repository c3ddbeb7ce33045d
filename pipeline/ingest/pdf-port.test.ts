import { describe, expect, it } from 'vitest';
import { keepOperators, PdfPort } from './pdf-port.js';

const KEEP = new Set([10, 11, 12, 91]);

/** Messages the API end receives, after the microtasks that deliver them. */
async function received(port: PdfPort): Promise<unknown[]> {
  const got: unknown[] = [];
  port.addEventListener('message', (e) => got.push(e.data));
  await new Promise((r) => setTimeout(r, 0));
  return got;
}

describe('keepOperators', () => {
  it('cuts an operator-list chunk down to the kept operators, arguments aligned', () => {
    const path = new Float32Array([0, 1, 2]);
    const message = { sourceName: 'worker', targetName: 'main', stream: 4, streamId: 3, chunk: { fnArray: [10, 44, 91, 44, 11], argsArray: [null, [['glyph']], [2, [path]], [['glyph']], null], length: 5, lastChunk: true, separateAnnots: null } };
    const { message: out, cut } = keepOperators(message, KEEP);
    expect(cut).toBe(true);
    expect(out).toEqual({ ...message, chunk: { fnArray: [10, 91, 11], argsArray: [null, [2, [path]], null], length: 3, lastChunk: true, separateAnnots: null } });
    // the worker empties its arrays after sending: the cut chunk does not share them
    expect(message.chunk.fnArray).toHaveLength(5);
  });

  it('leaves every other message as it is', () => {
    const text = { stream: 4, chunk: { items: [{ str: '规划' }], styles: {} } };
    expect(keepOperators(text, KEEP)).toEqual({ message: text, cut: false });
    for (const m of [null, 'ready', { action: 'GetPage', data: { pageIndex: 0 } }]) expect(keepOperators(m, KEEP).message).toBe(m);
  });
});

describe('PdfPort.pair', () => {
  it('delivers the worker’s messages to the API end, cloned, in order, operator lists cut', async () => {
    const { api, worker } = PdfPort.pair(KEEP);
    const pending = received(api);
    const first = { n: 1, chunk: { fnArray: [44, 12], argsArray: [['x'], [1, 0, 0, 1, 5, 5]], length: 2 } };
    worker.postMessage(first);
    worker.postMessage({ n: 2 });
    first.n = 99; // a change after sending is not seen: the message was cloned
    expect(await pending).toEqual([{ n: 1, chunk: { fnArray: [12], argsArray: [[1, 0, 0, 1, 5, 5]], length: 1 } }, { n: 2 }]);
  });

  it('passes the API’s messages to the worker whole, with their transfers', async () => {
    const { api, worker } = PdfPort.pair(KEEP);
    const pending = received(worker);
    const data = new Uint8Array([1, 2, 3]);
    api.postMessage({ action: 'GetDocRequest', chunk: { fnArray: [44], argsArray: [null], length: 1 }, data }, [data.buffer]);
    const [got] = (await pending) as Array<{ chunk: { fnArray: number[] }; data: Uint8Array }>;
    expect(got.chunk.fnArray).toEqual([44]);
    expect([...got.data]).toEqual([1, 2, 3]);
    expect(data.byteLength).toBe(0); // transferred, as a worker's postMessage does
  });

  it('stops delivering to a listener whose signal aborted, and to none after terminate', async () => {
    const { api, worker } = PdfPort.pair(KEEP);
    const ac = new AbortController();
    const got: unknown[] = [];
    api.addEventListener('message', (e) => got.push(e.data), { signal: ac.signal });
    ac.abort();
    expect(api.listenerCount).toBe(0);
    api.addEventListener('message', (e) => got.push(e.data));
    api.terminate();
    expect(api.listenerCount).toBe(0);
    worker.postMessage('late');
    await new Promise((r) => setTimeout(r, 0));
    expect(got).toEqual([]);
  });
});
