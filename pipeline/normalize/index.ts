import type { DocContext } from '../../core/context.js';
import { fromRaw, type MappedText } from '../../core/provenance/mapped-text.js';
import { normalizeLineBreaks } from './line-breaks.js';
import { removePageFurniture, removeFormFeeds } from './page-furniture.js';
import { removeInvisible } from './invisible.js';
import { normalizeUnicode } from './unicode.js';
import { convertTraditional } from './traditional.js';
import { unwrapEdits, type WrapProfile } from './unwrap.js';
import { removeExtractionSpaces } from './spacing.js';
import { removeMarkup, type EmphasisSpan } from './markup.js';
import { buildBlocks, type Block } from './blocks.js';
import { fixedBreaks } from './layout-breaks.js';
import type { Layout } from '../ingest/layout.js';

/** A character-level step: text in, text out, changes reported through doc. */
export type TextStep = (mt: MappedText, doc: DocContext) => MappedText;

export interface NormalizeOptions {
  /** extra steps run after Unicode and traditional conversion, before unwrapping (the OCR step plugs in here) */
  characterSteps?: readonly TextStep[];
  /** a structured input's layout: its tables' and boxes' line breaks are kept */
  layout?: Layout;
}

export interface Normalized {
  text: MappedText;
  /** the text after the character steps, before unwrapping and spacing: lines and spaces as printed */
  chars: MappedText;
  /** how the source was wrapped: the body's line width when hard-wrapped */
  wrap: WrapProfile;
  emphasis: EmphasisSpan[];
  blocks: Block[];
}

/** The order matters: furniture before zero-width removal (zero-width marks are page breaks), characters before unwrapping. */
export function normalize(doc: DocContext, options: NormalizeOptions = {}): Normalized {
  let mt = fromRaw(doc.raw);
  const characterSteps: TextStep[] = [
    normalizeLineBreaks,
    removePageFurniture,
    removeFormFeeds,
    removeInvisible,
    normalizeUnicode,
    convertTraditional,
    ...(options.characterSteps ?? []),
  ];
  for (const step of characterSteps) mt = step(mt, doc);
  const chars = mt;
  const breaks = doc.pages.map((p) => p.source.offset).sort((x, y) => x - y);
  const rawGap = (a: number, b: number): [number, number] => [a > 0 ? chars.ends[a - 1] : 0, b < chars.text.length ? chars.starts[b] : chars.rawLength];
  const fixed = fixedBreaks(options.layout);
  const { edits, profile } = unwrapEdits(
    mt.text,
    (a, b) => {
      // raw range of the gap between two lines, and a page marker inside it
      const [lo, hi] = rawGap(a, b);
      return breaks.some((o) => o >= lo && o < hi);
    },
    fixed && ((a, b) => fixed(...rawGap(a, b))),
  );
  mt = doc.edit('normalize', mt, edits);
  mt = removeExtractionSpaces(mt, doc);
  const { text, emphasis } = removeMarkup(mt, doc);
  return { text, chars, wrap: profile, emphasis, blocks: buildBlocks(text, emphasis, doc) };
}
