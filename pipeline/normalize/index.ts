import type { DocContext } from '../../core/context.js';
import { fromRaw, rawGap, type MappedText } from '../../core/provenance/mapped-text.js';
import { lowerBound } from '../../core/provenance/lower-bound.js';
import type { Normalized, RawDocument, Region } from '../types.js';
import { normalizeLineBreaks } from './line-breaks.js';
import { removePageFurniture, removeFormFeeds } from './page-furniture.js';
import { removeInvisible } from './invisible.js';
import { normalizeUnicode } from './unicode.js';
import { convertTraditional } from './traditional.js';
import { correctOcr, type OcrSetup } from './ocr/step.js';
import { unwrapEdits } from './unwrap.js';
import { removeExtractionSpaces } from './spacing.js';
import { removeMarkup } from './markup.js';
import { buildBlocks } from './blocks.js';
import { removeScraperChrome, scraperHeader, splitRunTogetherLines } from './scraped-text.js';
import { frontMatter, isMarkdownPath, removeMarkdownSyntax } from './markdown.js';
import { removePageChrome } from './page-chrome.js';
import { fixedBreaks } from './layout-breaks.js';

/** A character-level step: text in, text out, changes reported through doc. */
export type TextStep = (mt: MappedText, doc: DocContext) => MappedText;

export interface NormalizeOptions {
  /** the OCR step's data (prepareOcr); null leaves OCR confusions as printed and finds no subject */
  ocr: OcrSetup | null;
}

/**
 * Character steps, in order: markup and a scraper's chrome first, one-line web text split into its
 * lines before anything reads lines; furniture before zero-width removal (zero-width marks are page
 * breaks); characters before OCR.
 */
const CHARACTER_STEPS: ReadonlyArray<readonly [rule: string, step: TextStep]> = [
  ['line-breaks', normalizeLineBreaks],
  ['markdown', removeMarkdownSyntax],
  ['scraper-chrome', removeScraperChrome],
  ['run-together', splitRunTogetherLines],
  ['page-furniture', removePageFurniture],
  ['form-feeds', removeFormFeeds],
  ['page-chrome', removePageChrome],
  ['invisible', removeInvisible],
  ['unicode', normalizeUnicode],
  ['traditional', convertTraditional],
];

/**
 * normalize: the raw text is never modified; each step emits edits that doc.edit applies, composing
 * the map back to raw offsets. Steps: the character steps above → OCR confusions (stage "ocr") →
 * unwrapping hard-wrapped lines → extraction spaces → markup (bold kept as emphasis) → blocks.
 */
export function normalize(raw: Pick<RawDocument, 'text' | 'layout'>, doc: DocContext, options: NormalizeOptions): Normalized {
  let mt = fromRaw(raw.text);
  for (const [rule, step] of CHARACTER_STEPS) mt = doc.step('normalize', rule, () => step(mt, doc));
  let subject: Region | null = null;
  if (options.ocr) {
    const setup = options.ocr;
    const ocr = doc.step('ocr', 'ocr', () => correctOcr(mt, doc, setup));
    mt = ocr.text;
    subject = ocr.subject;
  }
  const chars = mt;
  const unwrapped = doc.step('normalize', 'unwrap', () => {
    const breaks = doc.pages.map((p) => p.source.offset).sort((x, y) => x - y);
    // a structured input's tables and boxes keep their line breaks
    const fixed = fixedBreaks(raw.layout);
    const { edits, profile } = unwrapEdits(
      chars.text,
      (a, b) => {
        // the raw gap between two lines holds a page marker
        const [lo, hi] = rawGap(chars, a, b);
        const k = lowerBound(breaks, lo);
        return k < breaks.length && breaks[k] < hi;
      },
      fixed && ((a, b) => fixed(...rawGap(chars, a, b))),
    );
    return { text: doc.edit(chars, edits), wrap: profile };
  });
  mt = unwrapped.text;
  mt = doc.step('normalize', 'spacing', () => removeExtractionSpaces(mt, doc));
  const { text, emphasis } = doc.step('normalize', 'markup', () => removeMarkup(mt, doc));
  const blocks = doc.step('normalize', 'blocks', () => buildBlocks(text, emphasis, doc));
  // a scraper's header and Markdown front matter: removed from the text, kept as metadata evidence
  const printed = raw.text.includes('\r') ? raw.text.replace(/\r\n?/g, '\n') : raw.text;
  const sourceFields = { ...(isMarkdownPath(doc.path) ? frontMatter(printed)?.fields : {}), ...scraperHeader(printed)?.fields };
  return { text, chars, wrap: unwrapped.wrap, emphasis, blocks, subject, sourceFields, layout: raw.layout };
}
