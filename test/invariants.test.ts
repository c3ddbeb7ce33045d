import { describe, expect, it } from 'vitest';
import { checkInvariants } from './invariants.js';
import { fixtureDocument, fixtureText, FIXTURE_FILES } from './helpers.js';

describe('document invariants over every fixture', () => {
  it.each(Object.keys(FIXTURE_FILES).sort())('%s', (name) => {
    expect(checkInvariants(fixtureDocument(name), fixtureText(name))).toEqual([]);
  });

  it('catches a broken document (the checker is not vacuous)', () => {
    const doc = structuredClone(fixtureDocument('004'));
    doc.sections[0].paragraphs[0].text = `X${doc.sections[0].paragraphs[0].text.slice(1)}`;
    doc.sections[0].source.line += 1;
    doc.removals = [];
    const problems = checkInvariants(doc, fixtureText('004'));
    expect(problems.some((p) => p.includes('differs from raw'))).toBe(true);
    expect(problems.some((p) => p.includes('line/column disagree'))).toBe(true);
  });
});
