import { z } from 'zod';
import { unicodeString } from './patterns.js';

// should this schema ever be published: one non-ASCII character (two UTF-16 units for one beyond the BMP)
const Han = unicodeString(/^\p{Script=Han}$/u, /^[^\x00-\x7F]{1,2}$/, 'must be a single Chinese character');

/** A set of characters that OCR output confuses with each other (each member with each other). */
export const ConfusionSet = z
  .object({
    chars: z.array(Han).min(2).describe('Characters confused with each other, e.g. ["湛", "漯"]'),
    scope: z
      .enum(['names', 'all'])
      .describe('names: only inside place names (subject and local names); all: also ordinary words (word-evidence rule)'),
    kind: z
      .enum(['glyph', 'lookalike'])
      .default('glyph')
      .describe('glyph: similar shapes; lookalike: different shapes that make another real name (湛河/湛江) — needs stronger evidence'),
    source: z.string().min(1).describe('Where the pair comes from'),
    note: z.string().optional(),
  })
  .strict();
export type ConfusionSet = z.infer<typeof ConfusionSet>;

export const ProtectedText = z
  .object({
    text: z.string().min(2).describe('A genuine compound that must never be corrected, e.g. 平漯周 (railway)'),
    note: z.string().min(1).describe('Why it is genuine'),
  })
  .strict();
export type ProtectedText = z.infer<typeof ProtectedText>;

export const ForcedCorrection = z
  .object({
    from: z.string().min(1),
    to: z.string().min(1),
    note: z.string().optional(),
  })
  .strict()
  .refine((f) => f.from !== f.to, { message: 'from and to must differ' });
export type ForcedCorrection = z.infer<typeof ForcedCorrection>;

const Words = z.array(z.string().min(1));

export const ContextLists = z
  .object({
    before: Words.describe('Text that may stand right before the name'),
    after: Words.describe('Text that may stand right after the name'),
  })
  .strict();
export type ContextLists = z.infer<typeof ContextLists>;

export const WordEvidenceSettings = z
  .object({
    minFrequency: z.number().int().min(1).describe('Dictionary frequency the corrected word needs at least'),
    minRatio: z.number().min(1).describe('How many times more frequent the corrected word must be than the uncorrected form'),
  })
  .strict();
export type WordEvidenceSettings = z.infer<typeof WordEvidenceSettings>;

/** The complete rules the ocr step runs with (data/ocr-confusions.json is one of these). */
export const OcrRules = z
  .object({
    source: z.string().optional().describe('Where this rule set comes from'),
    confusions: z.array(ConfusionSet),
    protected: z.array(ProtectedText),
    forced: z.array(ForcedCorrection),
    subjectContexts: ContextLists.describe('Where the document’s own name fits: 五个X, 健康X, X区, X力量 …'),
    placeContexts: ContextLists.describe('Where a genuine other place fits: 与X, X市, X的 …'),
    waterContexts: ContextLists.describe('Where a river name fits: X流域, X段, X两岸 …'),
    wordEvidence: WordEvidenceSettings,
  })
  .strict();
export type OcrRules = z.infer<typeof OcrRules>;

/**
 * A user rules file (--rules FILE): every list is optional and is added to the defaults;
 * set replaceDefaults to use only the file's lists.
 */
export const OcrRulesFile = z
  .object({
    source: z.string().optional(),
    replaceDefaults: z.boolean().optional(),
    confusions: z.array(ConfusionSet.extend({ source: z.string().min(1).default('user rules file') })).optional(),
    protected: z.array(ProtectedText.extend({ note: z.string().min(1).default('user rules file') })).optional(),
    forced: z.array(ForcedCorrection).optional(),
    subjectContexts: ContextLists.partial().strict().optional(),
    placeContexts: ContextLists.partial().strict().optional(),
    waterContexts: ContextLists.partial().strict().optional(),
    wordEvidence: WordEvidenceSettings.partial().strict().optional(),
  })
  .strict();
export type OcrRulesFile = z.infer<typeof OcrRulesFile>;
