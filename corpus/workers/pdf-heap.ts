import v8 from 'node:v8';

/**
 * How much V8 lets its heap grow past the live size before the next full collection, once a batch
 * process meets a PDF (the process's setting from then on: V8 flags are per process). pdfjs makes
 * garbage quickly while the live heap stays small (~50 MB at the last of 336 pages: pages are let
 * go once laid out); V8's own factor on a large machine is up to 4×, which took a 336-page build
 * to ~300 MB. At 1.5× its peak stays under 250 MB for about 5–10% more wall time (more, shorter
 * collections). Set by the batch tools (build, queue worker), which own their process — never by
 * the pipeline, which a library user runs inside their own.
 */
export const PDF_HEAP_GROWING_PERCENT = 50;

let bounded = false;

/** Apply PDF_HEAP_GROWING_PERCENT to this process (once; later calls do nothing). */
export function boundHeapForPdf(): void {
  if (bounded) return;
  v8.setFlagsFromString(`--heap-growing-percent=${PDF_HEAP_GROWING_PERCENT}`);
  bounded = true;
}
