import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fixtureDocument } from '../test/helpers.js';
import { Correction, Removal } from './messages.js';
import { PlanDocument, Paragraph } from './document.js';
import { compiled } from './compiled.js';

describe('compiled schemas', () => {
  it('give a fixture document back unchanged, key order included', () => {
    const doc = fixtureDocument('000');
    expect(JSON.stringify(PlanDocument.parse(doc))).toBe(JSON.stringify(doc));
  });

  it('report an invalid paragraph, correction or removal with the runtime parser’s issues', () => {
    const doc = fixtureDocument('000');
    const bad = structuredClone(doc) as unknown as { sections: { paragraphs: { source: { line: unknown } }[] }[] };
    bad.sections[0].paragraphs[0].source.line = '12';
    const r = PlanDocument.safeParse(bad);
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => [i.path.join('.'), i.code])).toEqual([['sections.0.paragraphs.0.source.line', 'invalid_type']]);
    // the same value through the uncompiled shape of the schema gives the same issue
    const paragraph = bad.sections[0].paragraphs[0];
    const runtime = z.object(Paragraph.shape).strict().safeParse(paragraph);
    expect(Paragraph.safeParse(paragraph).error?.issues).toEqual(runtime.error?.issues);
    expect(Correction.safeParse({ ...doc.corrections[0], extra: 1 }).success).toBe(false);
    expect(Removal.safeParse({ ...doc.removals[0], rule: '' }).success).toBe(false);
  });

  it('refuse a schema with a cycle at import, not at the first document', () => {
    type Node = { children: Node[] };
    const Node: z.ZodType<Node> = z.lazy(() => z.object({ children: z.array(Node) }));
    expect(() => compiled(Node)).toThrow(/cycle/);
  });
});
