/**
 * Large documents build: no stage recurses or spreads arguments in proportion to the input
 * (a spread of 130,000 values already overflows V8's stack). Time growth from 1 MB to 100 MB is
 * measured by `npm run bench`, not here.
 */
import { describe, expect, it } from 'vitest';
import { createPipeline } from '../pipeline/document.js';

const pipeline = createPipeline({ ocr: false });
const run = (text: string) => pipeline.run('large', { path: 'large.txt', bytes: Buffer.from(text) });

describe('large documents', () => {
  it('a table of 150,000 rows', async () => {
    const r = await run(`表1 主要指标\n序号\t指标\t单位\t2020年\t2025年\t属性\n${'1\t甲\t%\t1\t2\t预期性\n'.repeat(150_000)}`);
    expect(r.status).toBe('ok');
    if (r.status === 'ok') expect(r.document.tables[0].rawRows).toHaveLength(150_001);
  }, 120_000);

  it('a 6 MB text on one line, and 200,000 short lines without a sentence end', async () => {
    const one = await run('全面推进乡村振兴加快农业农村现代化 '.repeat(200_000));
    expect(one.status).toBe('ok');
    const wrapped = await run('推动城乡融合发展取得新进展\n'.repeat(200_000));
    expect(wrapped.status).toBe('ok');
  }, 120_000);
});
