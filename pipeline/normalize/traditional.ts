import * as OpenCC from 'opencc-js/t2cn'; // the traditional → simplified dictionaries only (a tenth of the full package)
import type { DocContext } from '../../core/context.js';
import type { Edit, MappedText } from '../../core/provenance/mapped-text.js';
import { dictCharFrequency } from '../../core/lexicon/jieba-dict.js';
import { HAN } from '../../core/text/chars.js';

let phraseConverter: ((s: string) => string) | null = null;
const charCache = new Map<string, string>();

function t2s(s: string): string {
  const convert = (phraseConverter ??= OpenCC.Converter({ from: 't', to: 'cn' }));
  return convert(s);
}

function t2sChar(ch: string): string {
  let out = charCache.get(ch);
  if (out === undefined) {
    out = t2s(ch);
    charCache.set(ch, out);
  }
  return out;
}

/** Per BMP code unit: 0 not looked up yet, 1 not Han, 2 Han unchanged by OpenCC, 3 Han that OpenCC converts. */
const hanKinds = new Uint8Array(0x10000);
const NOT_HAN = 1;
const KEPT = 2;
const CONVERTIBLE = 3;

/** Look a code unit up once per process (OpenCC is asked once per distinct Han character, not per occurrence). */
function lookUpHanKind(code: number): number {
  // Han in the BMP; astral Han (extensions B+) are rare and never have simplified forms here
  const han = (code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf) || (code >= 0xf900 && code <= 0xfaff);
  const ch = han ? String.fromCharCode(code) : '';
  const kind = !han ? NOT_HAN : t2sChar(ch) !== ch ? CONVERTIBLE : KEPT;
  hanKinds[code] = kind;
  return kind;
}

/** Share of Han characters above which a document is treated as written in traditional characters. */
export const TRADITIONAL_DOCUMENT_RATIO = 0.1;
/**
 * In a simplified document a convertible character is a leftover traditional form when
 * simplified dictionaries barely use it: its jieba frequency is below this share of its
 * simplified form's (郟 0 vs 郏 114 → convert; 乾 5696 vs 干 69400 → keep, 乾 is also simplified).
 */
export const LEFTOVER_FREQUENCY_RATIO = 0.02;

const HAN_RUN = new RegExp(`[${HAN}]+`, 'g');

export interface TraditionalProfile {
  hanChars: number;
  convertible: number;
  /** offsets of the convertible characters, in text order */
  at: number[];
  ratio: number;
  traditional: boolean;
}

export function traditionalProfile(text: string): TraditionalProfile {
  let han = 0;
  const at: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let kind = hanKinds[c];
    if (kind === 0) kind = lookUpHanKind(c);
    if (kind === NOT_HAN) continue;
    han++;
    if (kind === CONVERTIBLE) at.push(i);
  }
  const count = at.length;
  const ratio = han === 0 ? 0 : count / han;
  return { hanChars: han, convertible: count, at, ratio, traditional: ratio >= TRADITIONAL_DOCUMENT_RATIO };
}

/** Edits converting traditional to simplified characters: whole runs in a traditional document, leftovers otherwise. */
export function traditionalEdits(text: string, profile: TraditionalProfile = traditionalProfile(text)): Edit[] {
  const edits: Edit[] = [];
  if (profile.convertible === 0) return edits;
  if (!profile.traditional) return leftoverEdits(text, profile);
  const evidence = { documentRatio: round(profile.ratio) };
  for (const m of text.matchAll(HAN_RUN)) {
    const run = m[0];
    // OpenCC converts whole phrases (乾隆 stays, 乾燥 → 干燥), so convert the run, not characters
    const converted = t2s(run);
    if (converted === run) continue;
    if (converted.length !== run.length) {
      edits.push({ start: m.index, end: m.index + run.length, replacement: converted, rule: 'opencc/t2s-document', kind: 'correction', evidence });
      continue;
    }
    // one correction per contiguous changed stretch
    let i = 0;
    while (i < run.length) {
      if (run[i] === converted[i]) {
        i++;
        continue;
      }
      let j = i;
      while (j < run.length && run[j] !== converted[j]) j++;
      edits.push({ start: m.index + i, end: m.index + j, replacement: converted.slice(i, j), rule: 'opencc/t2s-document', kind: 'correction', evidence });
      i = j;
    }
  }
  return edits;
}

/** In a simplified document: single characters that simplified dictionaries barely use (only the convertible ones the profile found are looked at). */
function leftoverEdits(text: string, profile: TraditionalProfile): Edit[] {
  const edits: Edit[] = [];
  for (const i of profile.at) {
    const ch = text[i];
    const s = t2sChar(ch);
    if (s.length !== 1) continue;
    const fTrad = dictCharFrequency(ch);
    const fSimp = dictCharFrequency(s);
    if (fSimp > 0 && fTrad < LEFTOVER_FREQUENCY_RATIO * fSimp) {
      edits.push({
        start: i,
        end: i + 1,
        replacement: s,
        rule: 'opencc/t2s-leftover',
        kind: 'correction',
        evidence: { documentRatio: round(profile.ratio), dictFrequency: { [ch]: fTrad, [s]: fSimp } },
      });
    }
  }
  return edits;
}

function round(x: number): number {
  return Math.round(x * 10000) / 10000;
}

/** Traditional → simplified with OpenCC: whole document when it is traditional, else only leftover traditional forms. */
export function convertTraditional(mt: MappedText, doc: DocContext): MappedText {
  const profile = traditionalProfile(mt.text);
  if (profile.traditional) {
    doc.report('info', 'traditional-document', `document written in traditional characters (${Math.round(profile.ratio * 100)}% convertible); converted to simplified with OpenCC`);
  }
  return doc.edit(mt, traditionalEdits(mt.text, profile));
}
