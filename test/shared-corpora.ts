import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './helpers.js';

/**
 * The real documents of ../shared/corpora (beside the checkout, as on CI; SOURCES.md there says what
 * each one is). PLANCORPUS_CORPORA points elsewhere. Tests over them fail, not skip, when missing.
 */
export const CORPORA = process.env.PLANCORPUS_CORPORA ?? join(ROOT, '..', 'shared', 'corpora');

export function corporaBytes(rel: string): Buffer {
  const file = join(CORPORA, rel);
  if (!existsSync(file)) throw new Error(`missing ${file}: the shared corpora must sit beside the checkout (or set PLANCORPUS_CORPORA)`);
  return readFileSync(file);
}
