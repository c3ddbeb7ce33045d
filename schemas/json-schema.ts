import { z } from 'zod';
import { PlanDocument } from './document.js';
import { CorpusIndex } from './corpus.js';

/** The published JSON Schema, generated from the zod schemas (the single source of truth). */
export function jsonSchema(which: 'document' | 'index' = 'document'): unknown {
  const schema = which === 'document' ? PlanDocument : CorpusIndex;
  return z.toJSONSchema(schema, { target: 'draft-2020-12', unrepresentable: 'any' });
}
