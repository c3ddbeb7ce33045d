import { describe, expect, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import { fixtureDocument, FIXTURE_FILES } from './helpers.js';
import { formatOutline } from '../corpus/outline.js';
import type { PlanDocument, Section, Paragraph } from '../schemas/document.js';
import type { Quantity } from '../schemas/table.js';
import type { SourceSpan } from '../schemas/source.js';

// Golden outlines: a missing file is written on the first run and reviewed in the diff; a change in
// structure shows up here as a readable diff of the heading tree.
describe('golden outlines', () => {
  it.each(Object.keys(FIXTURE_FILES).sort())('%s', async (name) => {
    await expect(formatOutline(fixtureDocument(name))).toMatchFileSnapshot(`golden/${name}.outline.txt`);
  });
});

describe('schema-derived types', () => {
  it('come from zod', () => {
    expectTypeOf<PlanDocument['sections']>().toEqualTypeOf<Section[]>();
    expectTypeOf<Paragraph['source']>().toEqualTypeOf<SourceSpan>();
    expectTypeOf<Quantity['kind']>().toEqualTypeOf<'number' | 'about' | 'atLeast' | 'atMost' | 'rate' | 'bracketed' | 'estimate' | 'none' | 'text'>();
    expectTypeOf<PlanDocument['meta']['docType']>().toEqualTypeOf<'five-year-plan' | 'five-year-plan-report' | 'government-work-report' | 'annual-plan-report' | 'budget-report' | 'other'>();
    expectTypeOf<z.infer<typeof import('../schemas/source.js').SourceSpan>>().toEqualTypeOf<SourceSpan>();
  });
});
