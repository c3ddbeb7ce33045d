import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { controlBytes, decodeText, DecodeError, plausibility, validUtf8 } from './decode.js';
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

  it('reads UTF-8 exactly as a fatal TextDecoder does, BOMs and invalid bytes included (seeded)', () => {
    const fatal = (b: Uint8Array): string | null => {
      try {
        return new TextDecoder('utf-8', { fatal: true }).decode(b);
      } catch {
        return null;
      }
    };
    const piece = fc.oneof(
      fc.constantFrom('湛', '河', 'a', '\n', '\ufeff', '𠀀', '—', '\u00e9').map((c) => [...utf8(c)]),
      fc.array(fc.integer({ min: 0x80, max: 0xff }), { minLength: 1, maxLength: 3 }),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        const bytes = new Uint8Array(pieces.flat());
        expect(validUtf8(bytes)).toBe(fatal(bytes));
      }),
      { seed: 20261130, numRuns: 2000 },
    );
    expect(validUtf8(new Uint8Array([0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf, 0x61]))).toBe(fatal(new Uint8Array([0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf, 0x61])));
    expect(validUtf8(new Uint8Array())).toBe('');
  });

  it('counts Han and suspicious code units as the regexes do', () => {
    const text = '湛河区\u0085\ufffd\ue000\ud800a\u9fa5\u9fa6\uf8ff𠀀 ';
    const n = text.length;
    expect(plausibility(text)).toEqual({
      hanShare: (text.match(/[\u4e00-\u9fa5]/g)?.length ?? 0) / n,
      suspiciousShare: (text.match(/[\u0080-\u009f\ufffd\ue000-\uf8ff]|[\ud800-\udfff]/g)?.length ?? 0) / n,
    });
  });

  it('counts control bytes as a byte-by-byte scan does, at any alignment (seeded)', () => {
    const plain = (b: Uint8Array, n: number): number => {
      let c = 0;
      for (let i = 0; i < n; i++) if (b[i] < 9 || (b[i] > 13 && b[i] < 32 && b[i] !== 27)) c++;
      return c;
    };
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), fc.nat(3), (raw, cut) => {
        const bytes = raw.subarray(Math.min(cut, raw.length));
        for (const n of [bytes.length, bytes.length >> 1]) expect(controlBytes(bytes, n)).toBe(plain(bytes, n));
      }),
      { seed: 20261130, numRuns: 3000 },
    );
  });
});
