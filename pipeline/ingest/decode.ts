import { isUtf8, transcode } from 'node:buffer';
import type { Encoding } from '../../schemas/document.js';

export interface Decoded {
  text: string;
  encoding: Encoding;
  /** problems that did not stop decoding, e.g. a truncated last character */
  warnings: Array<{ code: string; message: string }>;
}

export class DecodeError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.name = 'DecodeError';
    this.code = code;
  }
}

/**
 * Shares of basic Han code units ([\u4e00-\u9fa5]) and of suspicious ones (C1 controls, U+FFFD,
 * private use, surrogates: [\u0080-\u009f\ufffd\ue000-\uf8ff\ud800-\udfff]) in the text, counted in one pass.
 */
export function plausibility(text: string): { hanShare: number; suspiciousShare: number } {
  let han = 0;
  let suspicious = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    if (c >= 0x4e00 && c <= 0x9fa5) han++;
    else if (c <= 0x9f || c === 0xfffd || (c >= 0xd800 && c <= 0xdfff) || (c >= 0xe000 && c <= 0xf8ff)) suspicious++;
  }
  const n = Math.max(1, text.length);
  // named as shares, not han/suspicious: V8 gives object literals that start with the same key one
  // shape, and a fraction in `han` made letterCounts' { han, latin } box its counts as doubles
  // (4–8× slower counting in the metadata step once a GBK text had been decoded)
  return { hanShare: han / n, suspiciousShare: suspicious / n };
}

/**
 * Valid UTF-8 as TextDecoder('utf-8', { fatal: true }) reads it, or null when it is not valid:
 * validated by Node's isUtf8, converted by ICU to UTF-16 (many times faster than TextDecoder for Han
 * text), and a leading byte order mark dropped as TextDecoder drops it.
 */
export function validUtf8(bytes: Uint8Array): string | null {
  if (!isUtf8(bytes)) return null;
  const text = transcode(bytes, 'utf8', 'utf16le').toString('utf16le');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

const isControlByte = (b: number): boolean => b < 9 || (b > 13 && b < 32 && b !== 27);

/**
 * Control bytes (below 0x20 but tab, LF, VT, FF, CR and ESC) among the first n bytes. Four bytes at a
 * time where the bytes are aligned: a word with no byte below 0x20 ((w - 0x20202020) & ~w & 0x80808080
 * is 0) has none, and only the other words are looked at byte by byte.
 */
export function controlBytes(bytes: Uint8Array, n: number): number {
  let controls = 0;
  let i = 0;
  while (i < n && (bytes.byteOffset + i) % 4 !== 0) if (isControlByte(bytes[i++])) controls++;
  // (fewer than four bytes to the boundary: no words)
  const count = (bytes.byteOffset + i) % 4 === 0 ? (n - i) >> 2 : 0;
  const words = count > 0 ? new Uint32Array(bytes.buffer, bytes.byteOffset + i, count) : new Uint32Array(0);
  for (let k = 0; k < words.length; k++) {
    const w = words[k];
    if (((w - 0x20202020) & ~w & 0x80808080) === 0) continue;
    for (let j = i + 4 * k; j < i + 4 * k + 4; j++) if (isControlByte(bytes[j])) controls++;
  }
  for (i += 4 * words.length; i < n; i++) if (isControlByte(bytes[i])) controls++;
  return controls;
}

/** Binary: a NUL byte anywhere (text files without a UTF-16 BOM have none), or many control bytes. */
function looksBinary(bytes: Uint8Array): boolean {
  if (bytes.indexOf(0) !== -1) return true;
  const n = Math.min(bytes.length, 65536);
  return controlBytes(bytes, n) / Math.max(1, n) > 0.05;
}

/**
 * Decode a text file: UTF-8 with or without BOM, UTF-16 with BOM, or GB18030/GBK (which covers GB2312).
 * A truncated final UTF-8 sequence is decoded with a warning; binary or undecodable input is an error.
 */
export function decodeText(bytes: Uint8Array): Decoded {
  if (bytes.length === 0) throw new DecodeError('empty-input', 'the file is empty (0 bytes)');
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    const encoding = bytes[0] === 0xff ? 'utf-16le' : 'utf-16be';
    const body = bytes.subarray(2);
    try {
      return { text: new TextDecoder(encoding, { fatal: true }).decode(body), encoding, warnings: [] };
    } catch {
      // an odd byte count (a cut file) or a lone surrogate: decode what is there and say so
      const text = new TextDecoder(encoding).decode(body);
      const bad = (text.match(/\ufffd/g) ?? []).length;
      if (bad > Math.max(2, text.length / 100)) throw new DecodeError('undecodable', `the file has a ${encoding} byte order mark but is not valid ${encoding}`);
      return { text, encoding, warnings: [{ code: 'invalid-utf16', message: `${bad} invalid ${encoding} sequence(s) (a cut file or a lone surrogate) were replaced by U+FFFD` }] };
    }
  }
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = bom ? bytes.subarray(3) : bytes;
  if (looksBinary(body)) throw new DecodeError('binary-input', 'the file looks binary (NUL or control bytes), not text');
  const utf8 = validUtf8(body);
  if (utf8 !== null) return { text: utf8, encoding: bom ? 'utf-8-bom' : 'utf-8', warnings: [] };
  // a UTF-8 file cut in the middle of its last character
  const cut = truncatedUtf8Length(body);
  if (cut !== null) {
    try {
      const text = new TextDecoder('utf-8', { fatal: true }).decode(body.subarray(0, cut));
      return {
        text,
        encoding: bom ? 'utf-8-bom' : 'utf-8',
        warnings: [{ code: 'truncated-utf8', message: `the file ends inside a UTF-8 character: the last ${body.length - cut} byte(s) were dropped` }],
      };
    } catch {
      // not UTF-8 after all
    }
  }
  if (bom) throw new DecodeError('invalid-utf8', 'the file has a UTF-8 byte order mark but is not valid UTF-8');
  let text: string;
  try {
    text = new TextDecoder('gb18030', { fatal: true }).decode(body);
  } catch {
    throw new DecodeError('undecodable', 'the file is neither valid UTF-8 nor GB18030/GBK text');
  }
  const p = plausibility(text);
  if (p.suspiciousShare > 0.01 || p.hanShare < 0.05) {
    throw new DecodeError('undecodable', `the file is not valid UTF-8 and decodes to implausible text as GB18030 (${Math.round(p.hanShare * 100)}% Han characters)`);
  }
  return { text, encoding: 'gb18030', warnings: [] };
}

/** If the bytes are valid UTF-8 except for an incomplete sequence at the very end, the length without it. */
function truncatedUtf8Length(bytes: Uint8Array): number | null {
  const n = bytes.length;
  for (let back = 1; back <= 3 && back <= n; back++) {
    const b = bytes[n - back];
    if ((b & 0xc0) === 0x80) continue; // continuation byte
    const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return need > back ? n - back : null;
  }
  return null;
}
