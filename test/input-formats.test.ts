import { mkdtempSync, readFileSync, writeFileSync, mkdirSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { processDocument } from '../pipeline/document.js';
import { buildCorpus } from '../corpus/build.js';
import type { PlanDocument } from '../schemas/document.js';
import { allSections, allParagraphs, FIXTURES } from './helpers.js';
import { corporaBytes } from './shared-corpora.js';

async function built(rel: string): Promise<{ document: PlanDocument; extractedText?: string }> {
  const r = await processDocument(rel.replace(/\W+/g, '-'), rel, corporaBytes(rel));
  if (r.status !== 'ok') throw new Error(`${rel}: ${r.error.code}: ${r.error.message}`);
  return r;
}
const titles = (doc: PlanDocument, depth: number): string[] => allSections(doc.sections).filter((s) => s.depth === depth).map((s) => `${s.marker}${s.title}`);

describe('inputs that are not an input format', () => {
  it('fail alone with unsupported-format naming the supported formats, found in a folder or named', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plancorpus-formats-'));
    mkdirSync(join(dir, 'in'));
    copyFileSync(join(FIXTURES, '002_9fd36254901f4f2d.txt'), join(dir, 'in', 'report.txt'));
    writeFileSync(join(dir, 'in', 'indicators.json'), '{"rows": []}');
    writeFileSync(join(dir, 'in', 'indicators.xlsx'), Buffer.from('PK\x03\x04xlsx', 'latin1'));
    const { index, failed } = await buildCorpus({ inputs: [join(dir, 'in')], outDir: join(dir, 'out') });
    expect(failed).toBe(2);
    const byName = Object.fromEntries(index.documents.map((d) => [d.source, d]));
    expect(byName['report.txt'].status).toBe('ok');
    expect(byName['indicators.json'].error?.code).toBe('unsupported-format');
    expect(byName['indicators.json'].error?.message).toMatch(/^\.json .* is not an input format; supported input formats: \.txt, \.text, \.pdf, \.docx, \.html/);
    expect(byName['indicators.xlsx'].error?.code).toBe('unsupported-format');
    const named = await processDocument('x', 'x.xlsx', new Uint8Array(readFileSync(join(dir, 'in', 'indicators.xlsx'))));
    expect(named.status).toBe('failed');
  });
});

describe('.docx provincial work reports (shared corpora, pasted newspaper text)', () => {
  it('Guangdong 2025: parts 一、二、, its twelve run-in tasks, the source line, paragraphs; positions in the saved extracted text', async () => {
    const { document: doc, extractedText } = await built('local/guangdong-gov-work-report-2025.docx');
    expect(doc.source).toMatchObject({ format: 'docx', encoding: 'docx-text' });
    expect(doc.source.extracted?.extractor).toMatch(/^plancorpus docx reader \(fflate \d/);
    expect(extractedText?.length).toBe(doc.source.extracted?.chars);
    expect(titles(doc, 1).slice(0, 2)).toEqual(['一、2024年工作回顾', '二、2025年工作安排']);
    expect(titles(doc, 2)).toContain('（十二）全面加强政府自身建设，努力建设人民满意的政府');
    const para = allParagraphs(doc).find((p) => p.text.startsWith('各位代表！过去一年'))!;
    expect(para).toBeDefined();
    expect(extractedText!.slice(para.source.offset, para.source.offset + 9)).toBe('各位代表！过去一年');
  });

  it('Chongqing, Zhejiang: parts and sections; Sichuan, Xizang: the （一） sections of their unnumbered parts', async () => {
    const cq = (await built('local/chongqing-gov-work-report-2025.docx')).document;
    expect(titles(cq, 1)).toEqual(['一、2024年工作回顾', '二、2025年主要任务', '三、持续提升政府']);
    expect(titles(cq, 2)[0]).toBe('（一）抓战略担使命增势能，以一域服务全局的贡献度持续提升');
    const zj = (await built('local/zhejiang-gov-work-report-2025.docx')).document;
    expect(titles(zj, 1)).toEqual(['一、2024年工作回顾', '二、2025年目标任务和重点工作']);
    const sc = (await built('local/sichuan-gov-work-report-2025.docx')).document;
    expect(allSections(sc.sections).map((s) => s.title)).toContain('巩固增强经济回升向好态势');
    const xz = (await built('local/xizang-gov-work-report-2025.docx')).document;
    expect(allSections(xz.sections).map((s) => s.title)).toContain('坚决维护社会和谐稳定');
    for (const doc of [cq, zj, sc, xz]) expect(allParagraphs(doc).length).toBeGreaterThan(20);
  });
});
