/**
 * The review site in a real browser: Debian's chromium driven by playwright-core (never a
 * downloaded browser). A corpus of fixture 000 (text) and rendered-004.pdf is built with the real
 * CLI, the site generated, and the pages opened from disk.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { OcrRulesFile } from '../schemas/ocr-rules.js';
import { PlanDocument } from '../schemas/document.js';
import { sharedScratchFolders } from './helpers.js';

const ROOT = join(import.meta.dirname, '..');
const CLI = join(ROOT, 'bin', 'plancorpus.js');
const TEXT_ID = '000_5e002ab9d4a7d847';
const PDF_ID = 'rendered-004';
/** the screenshots, kept for a person to look at after the run: one folder, replaced by each run */
const SHOTS = join(tmpdir(), 'review-shots');

const tmp = sharedScratchFolders('review-site')();
let browser: Browser;
const cli = (...args: string[]) => execFileSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
const readDoc = (dir: string, id: string) => PlanDocument.parse(JSON.parse(readFileSync(join(dir, `${id}.json`), 'utf8')));

beforeAll(async () => {
  execFileSync('bash', [join(ROOT, 'scripts/ensure-apt.sh'), 'chromium'], { stdio: 'inherit' });
  const inputs = join(tmp, 'inputs');
  mkdirSync(inputs);
  copyFileSync(join(ROOT, 'fixtures', `${TEXT_ID}.txt`), join(inputs, `${TEXT_ID}.txt`));
  copyFileSync(join(ROOT, 'fixtures/pdf/rendered-004.pdf'), join(inputs, 'rendered-004.pdf'));
  cli('build', inputs, '--out', join(tmp, 'corpus'));
  cli('review', join(tmp, 'corpus'), '--html', join(tmp, 'site'), '--sources', inputs);
  mkdirSync(join(tmp, 'test-artifacts'));
  mkdirSync(SHOTS, { recursive: true });
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}, 120_000);

afterAll(async () => {
  await browser?.close();
});

async function open(rel: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('request', (r) => {
    if (!r.url().startsWith('file:') && !r.url().startsWith('blob:')) errors.push(`network request: ${r.url()}`);
  });
  await page.goto(pathToFileURL(join(tmp, 'site', rel)).href);
  expect(errors).toEqual([]);
  return page;
}

async function shoot(page: Page, name: string): Promise<void> {
  const file = join(tmp, 'test-artifacts', name);
  await page.screenshot({ path: file });
  copyFileSync(file, join(SHOTS, name));
}

describe('review site (chromium)', () => {
  it('lists the corpus, searchable by title and region', async () => {
    const page = await open('index.html');
    const rows = page.locator('#documents tr[data-id]');
    await expect.poll(() => rows.count()).toBe(2);
    await expect.poll(() => page.locator(`tr[data-id="${TEXT_ID}"] td`).nth(1).textContent()).toBe('河南省 平顶山市 湛河区');
    await shoot(page, 'index.png');
    await page.fill('#search', '平顶山');
    expect(await rows.count()).toBe(2);
    await page.fill('#search', '纲要');
    expect(await page.locator('#documents tr[data-id] a').allTextContents()).toEqual([expect.stringContaining('第十四个五年规划和二〇三五年远景目标纲要')]);
    await page.fill('#search', '上海');
    expect(await rows.count()).toBe(0);
    await page.close();
  });

  it('keeps the index page fast with 5,000 documents (50 rows a page, search in memory)', async () => {
    // the generated index data, its two real rows repeated to 5,000 with distinct ids and years
    const file = join(tmp, 'site', 'data', 'index.js');
    const original = readFileSync(file, 'utf8');
    const data = JSON.parse(original.replace(/^window\.__INDEX__ = /, '').replace(/;\n$/, '')) as { documents: Array<{ id: string; year: number | null }> };
    const rows = Array.from({ length: 5000 }, (_, i) => ({ ...data.documents[i % 2], id: `doc-${i}`, year: 2000 + (i % 26) }));
    writeFileSync(file, `window.__INDEX__ = ${JSON.stringify({ ...data, documents: rows })};\n`);
    try {
      const t0 = Date.now();
      const page = await open('index.html');
      await page.locator('#documents tr[data-id]').first().waitFor();
      const loaded = Date.now() - t0;
      expect(await page.locator('#documents tr[data-id]').count()).toBe(50);
      expect(await page.locator('.pager span').textContent()).toBe('page 1 of 100');
      const t1 = Date.now();
      await page.fill('#search', '纲要');
      expect(await page.locator('#shown').textContent()).toBe('2500 shown');
      const searched = Date.now() - t1;
      await page.click('#next');
      expect(await page.locator('#documents tr[data-id]').first().getAttribute('data-id')).toBe('doc-100');
      expect(loaded).toBeLessThan(3000);
      expect(searched).toBeLessThan(1000);
      await page.close();
    } finally {
      writeFileSync(file, original);
    }
  });

  it('shows fixture 000: 12 boxes, both indicator tables, and an indicator value jumps to its raw line', async () => {
    const doc = readDoc(join(tmp, 'corpus'), TEXT_ID);
    const page = await open(`doc/${TEXT_ID}.html`);
    const outline = await page.locator('#panel-outline .jump').allTextContents();
    expect(outline[0]).toMatch(/^序言/);
    expect(outline.some((t) => t.startsWith('第一章'))).toBe(true);
    await page.click('#tab-boxes');
    expect(await page.locator('.card.box').count()).toBe(12);
    expect(await page.locator('.card.box h3').first().textContent()).toBe(doc.boxes[0].title);
    await page.click('#tab-tables');
    expect(await page.locator('.card.table').count()).toBe(2);
    expect(await page.locator('.card.table h3').allTextContents()).toEqual([expect.stringContaining('“十三五”经济社会发展主要指标完成情况'), expect.stringContaining('“十四五”')]);
    // 表1 row 8, 高新技术产业增加值占规上工业比重: target 2020 “40 以上”, typed atLeast 40
    const cell = page.locator('.card.table').first().locator('tr[data-id]').filter({ hasText: '高新技术产业增加值占规上工业比重' }).locator('td.val').nth(1);
    expect(await cell.textContent()).toBe('40 以上atLeast · 40');
    const q = doc.tables[0].indicators.find((i) => i.seq === '8')!.values['target-2020'].source!;
    await cell.click();
    await expect.poll(() => page.locator('.src .ln.hl').getAttribute('id')).toBe(`L${q.line}`);
    expect(await page.locator('.src .ln.hl mark').textContent()).toBe('40 以上');
    const rawLine = readFileSync(join(ROOT, 'fixtures', `${TEXT_ID}.txt`), 'utf8').split(/\r\n|\r|\n/)[q.line - 1];
    expect(rawLine).toContain('40 以上');
    expect(await page.locator('.src .ln.hl span').textContent()).toBe(rawLine);
    expect(await page.locator('#source-head').textContent()).toContain(`${q.line}:${q.column}`);
    await shoot(page, 'document-000.png');
    await page.close();
  });

  it('shows the PDF page with the box of a clicked indicator value (pdf.js, bundled, from disk)', async () => {
    const doc = readDoc(join(tmp, 'corpus'), PDF_ID);
    // 表 row 1 全区生产总值增速, 2024年完成 4.8
    const ind = doc.tables[0].indicators.find((i) => i.name === '全区生产总值增速')!;
    const key = doc.tables[0].columns.find((c) => c.header === '2024年完成')!.key;
    const q = ind.values[key];
    expect(q).toMatchObject({ raw: '4.8', kind: 'number', value: 4.8 });
    const page = await open(`doc/${PDF_ID}.html`);
    await page.click('#tab-tables');
    const cell = page.locator('.card.table tr[data-id]').filter({ hasText: '全区生产总值增速' }).locator('td.val').nth(1);
    expect(await cell.textContent()).toBe('4.8number');
    await cell.click();
    expect(await page.locator('.src .ln.hl mark').textContent()).toBe('4.8');
    await page.click('#view-page');
    const box = page.locator('#pdf-view .pdf-box');
    await box.waitFor({ timeout: 20_000 });
    expect(await page.getAttribute('#pdf-view', 'data-page')).toBe(String(q.source!.page));
    expect(await box.getAttribute('data-bbox')).toBe(q.source!.bbox!.join(' '));
    // the box sits inside the drawn page
    const [sheet, rect] = [await page.locator('#pdf-view .pdf-sheet canvas').boundingBox(), await box.boundingBox()];
    expect(rect!.width).toBeGreaterThan(5);
    expect(rect!.x).toBeGreaterThan(sheet!.x);
    expect(rect!.y + rect!.height).toBeLessThan(sheet!.y + sheet!.height);
    await shoot(page, 'document-pdf-page.png');
    await page.close();
  });

  it('rejecting an OCR correction of the PDF and exporting gives a rules file that a rebuild obeys', async () => {
    const before = readDoc(join(tmp, 'corpus'), PDF_ID);
    const target = before.corrections.find((c) => c.rule === 'ocr/subject-entity' && String(c.evidence.context).includes('技能【漯河】'))!;
    expect(target).toBeDefined();
    const page = await open(`doc/${PDF_ID}.html`);
    await page.click('#tab-review');
    await page.selectOption('#review-filter', 'correction: ocr/subject-entity');
    const row = page.locator('.review-row').filter({ hasText: '技能【漯河】' });
    expect(await row.count()).toBe(1);
    await row.locator('.what').click();
    await expect.poll(() => page.locator('.src .ln.hl').getAttribute('id')).toBe(`L${target.source.line}`);
    await row.locator('button[data-decision="reject"]').click();
    await shoot(page, 'document-pdf-review.png');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-rules')]);
    const rulesPath = join(tmp, 'rules.json');
    await download.saveAs(rulesPath);
    const rules = OcrRulesFile.parse(JSON.parse(readFileSync(rulesPath, 'utf8')));
    expect(rules.protected).toEqual([{ text: '技能漯河”名', note: expect.stringContaining('漯 → 湛') }]);
    expect(rules.forced).toEqual([]);
    await page.close();

    cli('build', join(tmp, 'inputs'), '--out', join(tmp, 'corpus2'), '--rules', rulesPath);
    const after = readDoc(join(tmp, 'corpus2'), PDF_ID);
    const ocr = (d: PlanDocument) => d.corrections.filter((c) => c.rule.startsWith('ocr/')).map((c) => c.source.offset);
    expect(ocr(after)).toEqual(ocr(before).filter((o) => o !== target.source.offset));
    const text = JSON.stringify(after.sections);
    expect(text).toContain('技能漯河');
    expect(text).toContain('健康湛河');
  });
}, 90_000);
