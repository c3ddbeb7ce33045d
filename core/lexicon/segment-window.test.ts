import nodejieba from 'nodejieba';
import { describe, expect, it } from 'vitest';
import { compactText } from '../provenance/compact-text.js';
import { readFixture } from '../../test/builders/ocr-fixtures.js';
import { jiebaLexicon } from './lexicon.js';
import { segmentWindow } from './segment-window.js';

const lexicon = jiebaLexicon();

describe('segmentWindow (jieba’s dictionary-only route, without loading the segmenter)', () => {
  it('cuts words as the dictionary weighs them', () => {
    expect(segmentWindow('加强生态治理', lexicon)).toEqual(['加强', '生态', '治理']);
    expect(segmentWindow('面向未来发展', lexicon)).toEqual(['面向未来', '发展']);
  });

  it('agrees with nodejieba.cut(text, false) on 13-character windows of the fixtures', () => {
    let same = 0;
    const differ: string[] = [];
    for (const id of ['000', '001', '003']) {
      const text = compactText(readFixture(id)).text;
      for (let i = 0; i + 13 <= text.length; i += 97) {
        const w = text.slice(i, i + 13);
        const a = segmentWindow(w, lexicon).join('/');
        const b = nodejieba.cut(w, false).join('/');
        if (a === b) same++;
        else differ.push(`${a}  ≠  ${b}`);
      }
    }
    expect(same + differ.length).toBeGreaterThan(1000);
    expect(differ.slice(0, 10)).toEqual([]);
  });
});
