import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { detectFormat, inputFormat, UnsupportedFormatError } from './format.js';

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

describe('inputFormat', () => {
  it('reads the format from the extension, PDF magic first', () => {
    expect(inputFormat('a/report.txt', bytes('各位代表'))).toBe('txt');
    expect(inputFormat('report.TXT', bytes('各位代表'))).toBe('txt');
    expect(inputFormat('report.md', bytes('# 标题'))).toBe('md');
    expect(inputFormat('page.htm', bytes('<html>'))).toBe('html');
    expect(inputFormat('page.html', bytes('<html>'))).toBe('html');
    expect(inputFormat('report.docx', bytes('PK\x03\x04rest'))).toBe('docx');
    expect(inputFormat('saved-as.txt', bytes('%PDF-1.7\n'))).toBe('pdf');
    // an empty file of a known format is for the decoder to reject (empty-input)
    expect(inputFormat('empty.docx', new Uint8Array(0))).toBe('txt');
  });

  it('rejects any other file with a coded error naming the supported formats', () => {
    const reject = (path: string, data = 'x'): string => {
      try {
        inputFormat(path, bytes(data));
      } catch (err) {
        expect(err).toBeInstanceOf(UnsupportedFormatError);
        return (err as UnsupportedFormatError).message;
      }
      throw new Error(`${path} was accepted`);
    };
    expect(reject('index.json', '{}')).toBe(
      '.json (data, not a document (a corpus output folder inside the inputs?)) is not an input format; supported input formats: .txt, .text, .pdf, .docx, .html, .htm, .shtml, .xhtml, .md, .markdown',
    );
    expect(reject('指标.xlsx', 'PK\x03\x04')).toMatch(/^\.xlsx \(a spreadsheet, not a document\) is not an input format; supported input formats: \.txt/);
    expect(reject('old.doc')).toMatch(/^\.doc \(a legacy binary Word file: save it as \.docx\)/);
    expect(reject('README')).toMatch(/^a file without an extension is not an input format/);
    expect(reject('renamed.docx', '\xd0\xcf\x11\xe0')).toMatch(/^the \.docx file is not a zip archive/);
    expect(reject('zipped.txt', 'PK\x03\x04')).toMatch(/^the \.txt file is a zip archive, not txt text/);
  });
});
