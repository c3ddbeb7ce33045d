import { describe, expect, it } from 'vitest';
import type { Correction, Diagnostic } from '../../schemas/messages.js';
import { OcrRulesFile } from '../../schemas/ocr-rules.js';
import { acceptEntry, markedForm, rejectEntry } from './rules-entry.js';

const span = { line: 130, column: 6, endLine: 130, endColumn: 7, offset: 4451, endOffset: 4452 };
// cut from rendered-004.pdf's build (ocr/subject-entity) and the shared corpus' baoding 2022 report (ocr/word-evidence)
const correction = (rule: string, context: unknown): Correction => ({ stage: 'ocr', rule, from: '漯', to: '湛', source: span, evidence: { context } });
const suspect: Diagnostic = {
  severity: 'warning',
  code: 'ocr-suspect',
  stage: 'ocr',
  rule: 'ocr/word-evidence',
  source: span,
  message: '既 → 即? 化名城神韵，既能各美其美、又能美美与共，【既】可触摸历史、又能拥抱未来，既崇尚人人奋斗 — ocr/word-evidence: a dictionary word against a non-word, but the document never writes the word next to these characters',
  actual: '既',
  expected: '即',
};

describe('markedForm', () => {
  it.each([
    ['劳动力转移就业2623人。着力打造“技能【漯河】”名片，开展', { before: '技能', form: '漯河', after: '”名' }],
    ['【漯河】区', { before: '', form: '漯河', after: '区' }],
    ['no mark here', null],
  ])('%s', (ctx, expected) => expect(markedForm(ctx)).toEqual(expected));
});

describe('rejectEntry', () => {
  it('turns a rejected OCR correction into a protected form of that occurrence', () => {
    const e = rejectEntry(correction('ocr/subject-entity', '打造“技能【漯河】”名片'), 'rendered-004 L130:6');
    expect(e).toEqual({ kind: 'protected', text: '技能漯河”名', note: 'rejected in review: 漯 → 湛 at rendered-004 L130:6' });
    expect(OcrRulesFile.safeParse({ protected: [{ text: e!.kind === 'protected' ? e!.text : '', note: e!.note }] }).success).toBe(true);
  });
  it.each([
    ['unicode/fullwidth-ascii', '打造“技能【漯河】”名片'],
    ['opencc/t2s', '打造“技能【漯河】”名片'],
    ['ocr/forced', '打造“技能【漯河】”名片'],
    ['ocr/subject-entity', undefined],
    ['ocr/subject-entity', '打造技能漯河名片'],
  ])('gives no rule for %s with context %s', (rule, ctx) => expect(rejectEntry(correction(rule, ctx), 'x')).toBeNull());
});

describe('acceptEntry', () => {
  it('turns an accepted ocr-suspect into a forced correction of its neighbourhood', () => {
    expect(acceptEntry(suspect, 'baoding L33:638')).toEqual({ kind: 'forced', from: '共，既可触', to: '共，即可触', note: 'accepted in review: 既 → 即 at baoding L33:638' });
  });
  it.each([
    ['another code', { ...suspect, code: 'numbering-gap' }],
    ['no expected form', { ...suspect, expected: undefined }],
    ['an unmarked message', { ...suspect, message: '既 → 即? 既可触摸历史 — rule' }],
  ])('gives no rule for %s', (_why, d) => expect(acceptEntry(d as Diagnostic, 'x')).toBeNull());
});
