import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { GazetteerFile } from '../core/gazetteer/index.js';
import { HistoryFile } from '../core/gazetteer/history.js';
import { packageFile } from '../core/package-root.js';
import { LookalikeData } from '../pipeline/normalize/ocr/lookalikes.js';

// The data files the pipeline reads at start-up without validating them (core/shipped-data.ts):
// each must pass its schema, and parsing must not change it (no defaults or transforms at play).
const SHIPPED: Array<[string, z.ZodType]> = [
  ['data/gazetteer.json', GazetteerFile],
  ['data/gazetteer-history.json', HistoryFile],
  ['data/lookalikes.json', LookalikeData],
];

describe('shipped data files', () => {
  it.each(SHIPPED)('%s passes its schema and parses to itself', (rel, schema) => {
    const raw: unknown = JSON.parse(readFileSync(packageFile(rel), 'utf8'));
    const parsed = schema.safeParse(raw);
    expect(parsed.error?.issues ?? []).toEqual([]);
    expect(parsed.data).toEqual(raw);
  });
});
