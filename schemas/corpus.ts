import { z } from 'zod';
import { SCHEMA_VERSION } from './document.js';

export const IndexEntry = z
  .object({
    id: z.string(),
    source: z.string().describe('Input path relative to the build root'),
    sha256: z.string().nullable(),
    bytes: z.number().int().nullable(),
    status: z.enum(['ok', 'failed']),
    error: z.object({ code: z.string(), message: z.string() }).strict().nullable(),
    warnings: z.number().int().min(0),
    output: z.string().nullable().describe('Path of the document JSON relative to the corpus folder'),
    build: z
      .string()
      .regex(/^[0-9a-f]{16}$/)
      .optional()
      .describe('Pipeline version the entry was built with (tool and schema version, OCR on/off, the OCR rules in force): an unchanged source with the same build is not rebuilt'),
  })
  .strict()
  .meta({ id: 'IndexEntry' });
export type IndexEntry = z.infer<typeof IndexEntry>;

export const CorpusIndex = z
  .object({
    schemaVersion: z.literal(SCHEMA_VERSION),
    tool: z.object({ name: z.literal('plancorpus'), version: z.string() }).strict(),
    documents: z.array(IndexEntry),
  })
  .strict();
export type CorpusIndex = z.infer<typeof CorpusIndex>;
