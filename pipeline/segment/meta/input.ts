import type { Paragraph, TocEntry } from '../../../schemas/document.js';
import type { SourceSpan } from '../../../schemas/source.js';
import type { Block, Region } from '../../types.js';
import type { PrintedLine } from './hit.js';

/** What the metadata pass reads: the structure found so far and the text's lines as printed. */
export interface MetaInput {
  cover: readonly Block[];
  front: readonly Block[];
  /** the first paragraphs of the body, for documents without a cover (title from the preface's first sentence) */
  leadParagraphs: ReadonlyArray<Pick<Paragraph, 'text'>>;
  toc: TocEntry[];
  region: Region;
  /** the last blocks of the document: a signature and a date often close it */
  closing?: readonly Block[];
  /**
   * the text's lines as printed (before unwrapping joins them), for the opening formulas, date and
   * session lines, the year rules and the not-a-plan check (default: the front and cover blocks)
   */
  lines?: readonly PrintedLine[];
  /** raw span of a range of the text the lines come from, for evidence (default: none) */
  locate?: (start: number, end: number) => SourceSpan;
  /** a title read outside the text (a scraper's 标题 field, removed as furniture): used when the text has none */
  fallbackTitle?: string | null;
}
