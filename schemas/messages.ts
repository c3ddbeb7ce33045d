import { z } from 'zod';
import { compiled } from './compiled.js';
import { SourceSpan } from './source.js';

export const Stage = z.enum(['ingest', 'normalize', 'ocr', 'segment', 'tables', 'facts']).describe('The pipeline stage that reported (ocr is the OCR step of normalize)').meta({ id: 'Stage' });
export type Stage = z.infer<typeof Stage>;

export const Severity = z.enum(['error', 'warning', 'info']).meta({ id: 'Severity' });
export type Severity = z.infer<typeof Severity>;

/** A message about one document (vfile-message's shape). */
export const Diagnostic = compiled(
  z
  .object({
    severity: Severity,
    code: z.string().min(1).describe('Stable machine-readable code, e.g. empty-input, ocr-suspect, numbering-gap'),
    message: z.string().min(1),
    stage: Stage,
    rule: z.string().min(1).describe('The step or rule that reported it, stamped by the runner: a normalize step (unicode, unwrap…), a segment pass (numbering, toc-check…), an OCR rule (ocr/subject-entity…), parse-table, ingest'),
    source: SourceSpan.nullable().describe('Raw position the message concerns; null for whole-document messages'),
    actual: z.string().optional(),
    expected: z.string().optional(),
  })
  .strict()
  .meta({ id: 'Diagnostic' }),
);
export type Diagnostic = z.infer<typeof Diagnostic>;

/** A change to the text: a conversion or a correction. Every applied one is logged here. */
export const Correction = compiled(
  z
  .object({
    stage: Stage,
    rule: z.string().min(1).describe('Identity of the rule that made the change, e.g. unicode/fullwidth-ascii, opencc/t2s, ocr/subject-entity'),
    from: z.string().describe('Text as it stood before the change (after earlier steps)'),
    to: z.string(),
    source: SourceSpan,
    evidence: z.record(z.string(), z.unknown()).describe('Why the rule fired: the data it relied on'),
  })
  .strict()
  .meta({ id: 'Correction' }),
);
export type Correction = z.infer<typeof Correction>;

/** Source text that is deliberately not part of the output text, kept with its position. */
export const Removal = compiled(
  z
  .object({
    stage: Stage,
    rule: z.string().min(1).describe('e.g. furniture/page-number, furniture/running-header, markup/bold, zero-width, toc'),
    text: z.string().describe('The removed raw text'),
    source: SourceSpan,
  })
  .strict()
  .meta({ id: 'Removal' }),
);
export type Removal = z.infer<typeof Removal>;
