import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { detectFormat } from './format.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const bytes = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, 'latin1'));

describe('detectFormat', () => {
  it('recognises the PDF fixtures and the text fixtures', () => {
    expect(detectFormat(readFileSync(root + 'fixtures/pdf/zhanhe-excerpt.pdf'))).toBe('pdf');
    expect(detectFormat(readFileSync(root + 'test/fixtures/pdf/zhanhe-encrypted.pdf'))).toBe('pdf');
    expect(detectFormat(readFileSync(root + 'fixtures/000_5e002ab9d4a7d847.txt'))).toBe('txt');
    expect(detectFormat(readFileSync(root + 'fixtures/cn-state-council-gwr-2016-dxcarl-gbk.txt'))).toBe('txt');
  });

  it('looks for %PDF- at the start, after a BOM, or at a line start in the first 1024 bytes', () => {
    expect(detectFormat(bytes('%PDF-1.7\n'))).toBe('pdf');
    expect(detectFormat(bytes('\xef\xbb\xbf%PDF-1.4'))).toBe('pdf');
    expect(detectFormat(bytes('HTTP junk\r\n%PDF-1.4\n'))).toBe('pdf');
    expect(detectFormat(bytes('x'.repeat(1100) + '\n%PDF-1.4\n'))).toBe('txt');
    expect(detectFormat(bytes('关于 %PDF-1.4 的说明'))).toBe('txt');
    expect(detectFormat(bytes('%PDF'))).toBe('txt');
    expect(detectFormat(bytes('%pdf-1.4'))).toBe('txt');
    expect(detectFormat(new Uint8Array(0))).toBe('txt');
  });
});
