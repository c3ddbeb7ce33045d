/**
 * The two ends of the channel between pdfjs's API and its worker, both in this thread (pdfjs runs
 * no real worker in Node). Like pdfjs's own loopback port, a message is structured-cloned and
 * delivered in a microtask, in order; unlike it, an operator-list chunk coming from the worker is
 * first cut down to the operators ingest reads (`keep`: the drawing state and the paths, see
 * pdf-geometry.ts). The text-showing operators carry an object per glyph drawn: most of a page's
 * operator list, most of the cloning, and garbage as soon as the rules are read.
 */
import type { Transferable } from 'node:worker_threads';

interface PortEvent {
  data: unknown;
}
type Listener = (this: PdfPort, event: PortEvent) => void;

/** An operator-list chunk as the worker streams it (src/core/operator_list.js: flush). */
interface OperatorChunk {
  fnArray: number[];
  argsArray: unknown[];
  length: number;
}

function isOperatorChunk(chunk: unknown): chunk is OperatorChunk {
  if (typeof chunk !== 'object' || chunk === null) return false;
  const c = chunk as Partial<OperatorChunk>;
  return Array.isArray(c.fnArray) && Array.isArray(c.argsArray) && typeof c.length === 'number';
}

/** A message with its operator-list chunk (if any) cut down to the operators in `keep`; other messages as they are. */
export function keepOperators(message: unknown, keep: ReadonlySet<number>): { message: unknown; cut: boolean } {
  const chunk = typeof message === 'object' && message !== null ? (message as { chunk?: unknown }).chunk : undefined;
  if (!isOperatorChunk(chunk)) return { message, cut: false };
  const fnArray: number[] = [];
  const argsArray: unknown[] = [];
  for (let i = 0; i < chunk.length; i++) {
    if (!keep.has(chunk.fnArray[i])) continue;
    fnArray.push(chunk.fnArray[i]);
    argsArray.push(chunk.argsArray[i]);
  }
  return { message: { ...(message as object), chunk: { ...chunk, fnArray, argsArray, length: fnArray.length } }, cut: true };
}

export class PdfPort {
  private peer: PdfPort | null = null;
  private readonly listeners = new Map<Listener, (() => void) | null>();
  private deferred = Promise.resolve();

  /** `keep`: the operators let through from this end (null: every message as it is). */
  private constructor(private readonly keep: ReadonlySet<number> | null) {}

  /** The API's end and the worker's end; operator lists the worker sends keep only the operators in `keep`. */
  static pair(keep: ReadonlySet<number>): { api: PdfPort; worker: PdfPort } {
    const api = new PdfPort(null);
    const worker = new PdfPort(keep);
    api.peer = worker;
    worker.peer = api;
    return { api, worker };
  }

  postMessage(message: unknown, transfer?: Transferable[]): void {
    const { message: out, cut } = this.keep ? keepOperators(message, this.keep) : { message, cut: false };
    // a cut chunk is copied whole: what was to be transferred belongs partly to operators left out
    const data = structuredClone(out, !cut && transfer ? { transfer } : undefined);
    const peer = this.peer;
    if (!peer) return;
    this.deferred.then(() => {
      for (const listener of [...peer.listeners.keys()]) listener.call(peer, { data });
    });
  }

  addEventListener(_type: string, listener: Listener, options?: { signal?: AbortSignal }): void {
    const signal = options?.signal;
    if (signal?.aborted) return;
    let detach: (() => void) | null = null;
    if (signal) {
      const onAbort = (): void => this.removeEventListener(_type, listener);
      signal.addEventListener('abort', onAbort);
      detach = () => signal.removeEventListener('abort', onAbort);
    }
    this.listeners.set(listener, detach);
  }

  removeEventListener(_type: string, listener: Listener): void {
    this.listeners.get(listener)?.();
    this.listeners.delete(listener);
  }

  /** Drop every listener: nothing more is delivered to this end. */
  terminate(): void {
    for (const detach of this.listeners.values()) detach?.();
    this.listeners.clear();
  }

  /** How many listeners are attached (a finished document leaves none). */
  get listenerCount(): number {
    return this.listeners.size;
  }
}
