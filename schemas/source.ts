import { z } from 'zod';

/**
 * A position in the decoded raw text of a source file. This is the single position
 * convention of the corpus: every item (paragraph, heading, box, table cell, correction,
 * removal, diagnostic) points back at the raw text with one of these.
 */
export const BBox = z
  .tuple([z.number(), z.number(), z.number(), z.number()])
  .describe('[x0, y0, x1, y1] in PDF units (1/72 inch), origin at the bottom-left corner of the page, y upwards');
export type BBox = z.infer<typeof BBox>;

export const Placement = z
  .object({ page: z.number().int().min(1).describe('1-based physical page of the PDF'), bbox: BBox })
  .strict()
  .describe('Where a piece of text sat on a PDF page');
export type Placement = z.infer<typeof Placement>;

export const SourceSpan = z
  .object({
    line: z.number().int().min(1).describe('1-based raw line of the first character'),
    column: z.number().int().min(0).describe('0-based column of the first character, in UTF-16 code units of the decoded raw line'),
    endLine: z.number().int().min(1).describe('1-based raw line of the end position'),
    endColumn: z.number().int().min(0).describe('0-based column of the end position (exclusive), in UTF-16 code units'),
    offset: z.number().int().min(0).describe('0-based UTF-16 offset of the first character in the decoded raw text'),
    endOffset: z.number().int().min(0).describe('0-based UTF-16 offset just past the last character (exclusive)'),
    page: z.number().int().min(1).optional().describe('PDF inputs: 1-based physical page of the first character'),
    bbox: BBox.optional().describe('PDF inputs: the box of the text on that page'),
    placements: z.array(Placement).min(2).optional().describe('PDF inputs, when the text spans pages: its box on each page, in order'),
  })
  .strict()
  .describe('Raw position: lines 1-based, columns 0-based UTF-16 code units of the decoded raw line; offsets 0-based, end exclusive')
  .meta({ id: 'SourceSpan' });
export type SourceSpan = z.infer<typeof SourceSpan>;
