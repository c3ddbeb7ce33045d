import { describe, expect, it } from 'vitest';
import { DocContext } from './context.js';
import { fromRaw } from './provenance/mapped-text.js';

describe('DocContext: messages stamped by the runner', () => {
  it('stamps stage and rule of the running step, and the step that ran outside it', () => {
    const doc = new DocContext('inline.txt', '第一章 总体要求\n');
    doc.step('segment', 'numbering', () => doc.report('warning', 'numbering-gap', 'gap', doc.span(0, 3)));
    doc.step('ocr', 'ocr', () => doc.report('warning', 'ocr-suspect', 'suspect', null, { rule: 'ocr/subject-entity', actual: '漯', expected: '湛' }));
    expect(doc.diagnostics.map((d) => [d.stage, d.rule, d.code])).toEqual([
      ['segment', 'numbering', 'numbering-gap'],
      ['ocr', 'ocr/subject-entity', 'ocr-suspect'],
    ]);
  });

  it('refuses a rule that is not the running step or one of its own rules', () => {
    const doc = new DocContext('inline.txt', 'x');
    expect(() => doc.step('segment', 'numbering', () => doc.report('warning', 'x', 'x', null, { rule: 'ocr/word-evidence' }))).toThrow(/inside step numbering/);
  });

  it('stamps corrections and removals with the running stage; skipped overlapping edits become a warning of that step', () => {
    const doc = new DocContext('inline.txt', 'ab');
    const mt = fromRaw('ab');
    doc.step('normalize', 'unicode', () =>
      doc.edit(mt, [
        { start: 0, end: 2, replacement: 'AB', rule: 'unicode/x', kind: 'correction' },
        { start: 1, end: 2, replacement: '', rule: 'unicode/y', kind: 'removal' },
      ]),
    );
    expect(doc.corrections.map((c) => [c.stage, c.rule, c.from, c.to])).toEqual([['normalize', 'unicode/x', 'ab', 'AB']]);
    expect(doc.diagnostics.map((d) => [d.stage, d.rule, d.code, d.source?.offset, d.source?.endOffset])).toEqual([['normalize', 'unicode', 'overlapping-edit', 1, 2]]);
  });
});
