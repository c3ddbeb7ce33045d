import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OcrRules } from '../../../schemas/ocr-rules.js';
import { loadGazetteer } from '../../../core/gazetteer/index.js';
import { ocrCorrections } from './ocr-corrections.js';
import { defaultRules, defaultRulesPath, loadRules } from './rules.js';
import { detectSubject } from './subject.js';
import { offsetsOf, readFixture } from '../../../test/builders/ocr-fixtures.js';
import { sharedScratchFolders } from '../../../test/helpers.js';

const dir = sharedScratchFolders('ocr-rules')();
const file = (name: string, text: string) => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};

describe('default rules (data/ocr-confusions.json)', () => {
  it('validate, state their source, and hold the pairs of the issue', () => {
    const r = defaultRules();
    expect(OcrRules.safeParse(r).success).toBe(true);
    expect(r.source).toMatch(/pycorrector/);
    const sets = r.confusions.map((c) => c.chars.join(''));
    for (const s of ['湛漯', '湛淮', '己已巳', '末未', '戊戌戍', '拨拔', '侯候', '洁浩', '汩汨', '杨扬', '账帐']) expect(sets).toContain(s);
    expect(r.confusions.every((c) => c.source.length > 0)).toBe(true);
    expect(r.protected.map((p) => p.text)).toEqual(expect.arrayContaining(['平漯周', '郑漯']));
    expect(defaultRulesPath()).toMatch(/data[\\/]ocr-confusions\.json$/);
  });
});

describe('loadRules (user rules file)', () => {
  it('reads YAML and adds to the defaults', () => {
    const p = file('rules.yaml', ['protected:', '  - text: 健康漯河', '    note: a test', 'forced:', '  - from: 湛河区域', '    to: 湛河区', ''].join('\n'));
    const r = loadRules(p);
    expect(r.protected.map((x) => x.text)).toEqual(expect.arrayContaining(['平漯周', '健康漯河']));
    expect(r.forced).toEqual([{ from: '湛河区域', to: '湛河区' }]);
    expect(r.confusions.length).toBe(defaultRules().confusions.length);
  });

  it('reads JSON with new confusion pairs', () => {
    const r = loadRules(file('rules.json', JSON.stringify({ confusions: [{ chars: ['卫', '卩'], scope: 'names' }] })));
    expect(r.confusions.at(-1)).toMatchObject({ chars: ['卫', '卩'], kind: 'glyph', source: 'user rules file' });
  });

  it('names the file and the bad key in its errors', () => {
    const p = file('bad.yaml', ['confusions:', '  - chars: [湛, ab]', '    scope: names', 'protectd: []', ''].join('\n'));
    expect(() => loadRules(p)).toThrow(/bad\.yaml: confusions\[0\]\.chars\[1\]: must be a single Chinese character/);
    expect(() => loadRules(p)).toThrow(/bad\.yaml: protectd: unknown key/);
    expect(() => loadRules(file('broken.json', '{ nope'))).toThrow(/broken\.json: cannot parse JSON/);
  });

  it('drives the corrections: a protected name stays, a forced one applies', () => {
    const text = readFixture('004');
    const subject = detectSubject(text, loadGazetteer());
    const rules = loadRules(file('r.yaml', ['protected:', '  - text: 健康漯河', '    note: test', 'forced:', '  - from: 制梁场', '    to: 制梁厂', ''].join('\n')));
    const { edits } = ocrCorrections(text, { subject, rules });
    const kept = offsetsOf(text, '健康漯河').map((o) => o + 2);
    expect(kept).toHaveLength(1);
    expect(edits.some((e) => kept.includes(e.start))).toBe(false);
    const forced = edits.filter((e) => e.rule === 'ocr/forced');
    expect(forced).toHaveLength(1);
    expect(text.slice(forced[0].start - 2, forced[0].start + 1)).toBe('制梁场');
    expect(forced[0]).toMatchObject({ replacement: '厂', kind: 'correction' });
  });
});
