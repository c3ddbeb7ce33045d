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
import { removeScraperChrome, scraperHeader, splitRunTogetherLines } from './scraped-text.js';
import { frontMatter, isMarkdownPath, removeMarkdownSyntax } from './markdown.js';
import { removePageChrome } from './page-chrome.js';

/** A character-level step: text in, text out, changes reported through doc. */
export type TextStep = (mt: MappedText, doc: DocContext) => MappedText;

export interface NormalizeOptions {
  /** extra steps run after Unicode and traditional conversion, before unwrapping (the OCR step plugs in here) */
  characterSteps?: readonly TextStep[];
}

export interface Normalized {
  text: MappedText;
  /** the text after the character steps, before unwrapping and spacing: lines and spaces as printed */
  chars: MappedText;
  /** how the source was wrapped: the body's line width when hard-wrapped */
  wrap: WrapProfile;
  emphasis: EmphasisSpan[];
  blocks: Block[];
  /** fields of a scraper's header or of Markdown front matter, removed from the text and kept as metadata evidence (标题 → title) */
  sourceFields: Record<string, string>;
}

/** The order matters: furniture before zero-width removal (zero-width marks are page breaks), characters before unwrapping. */
export function normalize(doc: DocContext, options: NormalizeOptions = {}): Normalized {
  let mt = fromRaw(doc.raw);
  const characterSteps: TextStep[] = [
    normalizeLineBreaks,
    removeMarkdownSyntax,
    removeScraperChrome,
    splitRunTogetherLines,
    removePageFurniture,
    removeFormFeeds,
    removePageChrome,
    removeInvisible,
    normalizeUnicode,
    convertTraditional,
    ...(options.characterSteps ?? []),
  ];
  for (const step of characterSteps) mt = step(mt, doc);
  const chars = mt;
  const breaks = doc.pages.map((p) => p.source.offset).sort((x, y) => x - y);
  const { edits, profile } = unwrapEdits(mt.text, (a, b) => {
    // raw range of the gap between two lines, and a page marker inside it
    const lo = a > 0 ? chars.ends[a - 1] : 0;
    const hi = b < chars.text.length ? chars.starts[b] : chars.rawLength;
    return breaks.some((o) => o >= lo && o < hi);
  });
  mt = doc.edit('normalize', mt, edits);
  mt = removeExtractionSpaces(mt, doc);
  const { text, emphasis } = removeMarkup(mt, doc);
  const raw = doc.raw.replace(/\r\n?/g, '\n');
  const sourceFields = { ...(isMarkdownPath(doc.path) ? frontMatter(raw)?.fields : {}), ...scraperHeader(raw)?.fields };
  return { text, chars, wrap: profile, emphasis, blocks: buildBlocks(text, emphasis, doc), sourceFields };
}
