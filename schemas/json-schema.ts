import { z } from 'zod';
import { PlanDocument, SCHEMA_VERSION } from './document.js';
import { CorpusIndex } from './corpus.js';
import { LinksFile } from './link.js';

const PUBLISHED = {
  document: {
    schema: PlanDocument,
    title: 'plancorpus document',
    description:
      'One planning document as plancorpus writes it: metadata, the section tree with paragraphs, boxes, tables and indicators, and every correction, removal and diagnostic, each pointing back at the raw text with a SourceSpan.',
  },
  index: {
    schema: CorpusIndex,
    title: 'plancorpus corpus index',
    description: 'index.json of a corpus folder: one entry per input, with its status, its warnings count and the path of its document JSON.',
  },
  links: {
    schema: LinksFile,
    title: 'plancorpus links',
    description: 'links.json of `plancorpus link`: each plan target (a table target or plan cell, or a target fact) tied to a value reported for the same region, metric and unit in the target period, with whether it was met and by which rule.',
  },
} as const;

/** The URI that names a published schema; it changes with SCHEMA_VERSION. */
export function schemaId(which: keyof typeof PUBLISHED): string {
  return `https://plancorpus.dev/schema/${which}-${SCHEMA_VERSION}.json`;
}

/**
 * The published JSON Schema, generated from the zod schemas (the single source of truth). Schemas
 * registered with .meta({ id }) come out as named $defs (Section, Table, SourceSpan …) for other tools
 * to reference as `${$id}#/$defs/Section`.
 */
export function jsonSchema(which: keyof typeof PUBLISHED = 'document'): unknown {
  const { schema, title, description } = PUBLISHED[which];
  const { $schema, ...body } = z.toJSONSchema(schema, { target: 'draft-2020-12', unrepresentable: 'any' });
  return { $schema, $id: schemaId(which), title, description, ...body };
}
