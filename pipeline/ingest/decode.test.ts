import { describe, expect, it } from 'vitest';
import { decodeText, DecodeError } from './decode.js';
import { fixtureBytes } from '../../test/helpers.js';

const utf8 = (s: string) => new TextEncoder().encode(s);
const code = (f: () => unknown): string | undefined => {
  try {
    f();
  } catch (e) {
    return e instanceof DecodeError ? e.code : 'other';
  }
  return undefined;
};

describe('decodeText', () => {
  it('decodes UTF-8 with and without a BOM, and UTF-16 with a BOM', () => {
    expect(decodeText(utf8('湛河区')).encoding).toBe('utf-8');
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('湛河区')]))).toMatchObject({ text: '湛河区', encoding: 'utf-8-bom' });
    const le = Buffer.from('\ufeff湛河区', 'utf16le');
    expect(decodeText(le)).toMatchObject({ text: '湛河区', encoding: 'utf-16le' });
    const be = Buffer.from(le).swap16();
    expect(decodeText(be)).toMatchObject({ text: '湛河区', encoding: 'utf-16be' });
  });

  it('decodes the GBK national report (1,400-character lines) as GB18030', () => {
    const d = decodeText(fixtureBytes('gbk'));
    expect(d.encoding).toBe('gb18030');
    expect(d.text.startsWith('2016年国务院政府工作报告')).toBe(true);
  });

  it('treats a NUL anywhere as binary, and warns on a cut UTF-16 file', () => {
    const late = new Uint8Array([...utf8('湛河区'.repeat(4000)), 0, ...utf8('规划')]);
    expect(code(() => decodeText(late))).toBe('binary-input');
    const cut = Buffer.from('\ufeff湛河区规划', 'utf16le').subarray(0, 9);
    const d = decodeText(cut);
    expect(d.encoding).toBe('utf-16le');
    expect(d.warnings.map((w) => w.code)).toEqual(['invalid-utf16']);
  });

  it('gives clear errors for empty, binary and undecodable input, and a warning for a truncated last character', () => {
    expect(code(() => decodeText(new Uint8Array()))).toBe('empty-input');
    expect(code(() => decodeText(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13])))).toBe('binary-input');
    expect(code(() => decodeText(new Uint8Array(Array.from({ length: 400 }, (_, i) => 0x80 + (i % 0x7f)))))).toBe('undecodable');
    const cut = utf8('规划纲要').subarray(0, 10);
    const d = decodeText(cut);
    expect(d).toMatchObject({ text: '规划纲', encoding: 'utf-8' });
    expect(d.warnings.map((w) => w.code)).toEqual(['truncated-utf8']);
  });
});
