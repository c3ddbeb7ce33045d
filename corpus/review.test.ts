import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { suspectMessage } from '../pipeline/normalize/ocr/suspect-message.js';
import { formatReview, readReview, reviewItems, type ReviewInput } from './review.js';
import { SCHEMA_VERSION } from '../schemas/document.js';
import { scratchFolders } from '../test/helpers.js';

const span = (line: number, column: number) => ({ line, column, endLine: line, endColumn: column + 1, offset: 100, endOffset: 101 });

const doc001: ReviewInput = {
  id: '001',
  doc: {
    corrections: [
      { stage: 'ocr', rule: 'ocr/subject-entity', from: '漯', to: '湛', source: span(47, 12), evidence: { score: 3, threshold: 2, signals: { suffixForm: '漯河新区' }, context: '城乡面貌不断改善。**【漯河】新区加速推进。**' } },
      { stage: 'normalize', rule: 'opencc/t2s', from: '郟', to: '郏', source: span(662, 3), evidence: { context: '宝丰、【郟】县' } },
      { stage: 'ocr', rule: 'ocr/subject-entity', from: '江', to: '河', source: span(31, 80), evidence: { context: '活动，“【湛江】营商”微信程序' } },
    ],
    diagnostics: [
      {
        severity: 'info', code: 'ocr-suspect', stage: 'ocr', rule: 'ocr/word-evidence', source: span(532, 7),
        message: suspectMessage({ start: 0, end: 1, from: '既', to: '即', rule: 'ocr/word-evidence', reason: 'the segmenter does not cut the corrected word out', evidence: { context: '上游区域，【既】可以享受' } }),
      },
      { severity: 'warning', code: 'numbering-gap', stage: 'segment', rule: 'numbering', source: null, message: 'gap' },
    ],
  },
};

describe('formatReview', () => {
  const out = formatReview([doc001, { id: '002', doc: { corrections: [], diagnostics: [] } }]);
  it('summarises the batch', () => {
    expect(out.split('\n')[0]).toBe('2 document(s): 3 correction(s) applied, 1 suspect(s) open, 1 other warning(s)');
  });
  it('groups applied corrections by rule, each with position, change and context', () => {
    const ocr = out.indexOf('== applied: ocr/subject-entity (2)');
    const t2s = out.indexOf('== applied: opencc/t2s (1)');
    expect(ocr).toBeGreaterThan(0);
    expect(t2s).toBeGreaterThan(ocr); // rules sorted by name
    expect(out).toContain('001  L47:12  漯 → 湛  城乡面貌不断改善。**【漯河】新区加速推进。**  [score 3/2; suffixForm]');
    expect(out).toContain('001  L31:80  江 → 河  活动，“【湛江】营商”微信程序');
  });
  it('lists open ocr-suspect diagnostics by rule', () => {
    expect(out).toContain('== open suspects: ocr/word-evidence (1)');
    expect(out).toContain('001  L532:7  既 → 即? 上游区域，【既】可以享受 — ocr/word-evidence: the segmenter does not cut the corrected word out');
  });
  it('lists every other warning by code, with the rule that reported it', () => {
    expect(out).toContain('== warnings: numbering-gap (1)');
    expect(out).toContain('001  -  gap  [numbering]');
  });
  it('filters by code: only those warnings, no corrections', () => {
    const only = reviewItems([doc001], { code: 'numbering-gap' });
    expect(only.corrections).toEqual([]);
    expect(only.warnings.map((w) => [w.code, w.rule])).toEqual([['numbering-gap', 'numbering']]);
  });
  it('filters by rule prefix', () => {
    const only = formatReview([doc001], { rule: 'ocr/' });
    expect(only).not.toContain('opencc');
    expect(only.split('\n')[0]).toBe('1 document(s): 2 correction(s) applied, 1 suspect(s) open, 0 other warning(s)');
  });
});

describe('readReview', () => {
  const scratch = scratchFolders('review');
  const entry = (id: string, status: 'ok' | 'failed', output: string | null) => ({
    id,
    source: `${id}.txt`,
    sha256: status === 'ok' ? '0'.repeat(64) : null,
    bytes: status === 'ok' ? 1 : null,
    status,
    error: status === 'ok' ? null : { code: 'no-text', message: 'the file holds only whitespace' },
    warnings: 0,
    output,
  });
  const index = (documents: unknown[]) => JSON.stringify({ schemaVersion: SCHEMA_VERSION, tool: { name: 'plancorpus', version: '0.0.0' }, documents });

  it('reads index.json and the documents it lists; a document it cannot read is a problem, not a crash', async () => {
    const dir = scratch();
    mkdirSync(join(dir, 'docs'));
    writeFileSync(join(dir, 'docs/001.json'), JSON.stringify({ id: '001', ...doc001.doc }));
    writeFileSync(join(dir, 'docs/002.json'), '{ not json');
    writeFileSync(join(dir, 'index.json'), index([entry('001', 'ok', 'docs/001.json'), entry('002', 'ok', 'docs/002.json'), entry('009', 'failed', null)]));
    const { inputs, problems } = await readReview(dir);
    expect(inputs.map((i) => i.id)).toEqual(['001']);
    expect(inputs[0].doc.corrections).toHaveLength(3);
    expect(problems.map((p) => p.id)).toEqual(['002']);
    expect(problems[0].message).toMatch(/docs\/002\.json is not valid JSON/);
  });
  it('names the file when index.json is not valid', async () => {
    const dir = scratch();
    writeFileSync(join(dir, 'index.json'), '{"documents": [{"id": 1}]}');
    await expect(readReview(dir)).rejects.toThrow(/index\.json does not validate/);
  });
});
