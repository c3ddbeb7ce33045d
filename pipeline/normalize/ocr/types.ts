import { z } from 'zod';

/** The document's own administrative division, found from its text. */
export const Subject = z
  .object({
    level: z.enum(['county', 'city', 'province']),
    name: z.string().describe('Full name, e.g. 湛河区'),
    short: z.string().describe('Stem without the generic suffix, e.g. 湛河 (the name itself when no stem is left)'),
    code: z.string().regex(/^\d{6}$/).describe('GB/T 2260 code of the most specific level'),
    county: z.string().nullable(),
    city: z.string().nullable(),
    province: z.string().nullable(),
    evidence: z
      .object({
        titleHits: z.number().int().min(0).describe('Mentions in the first lines (title area)'),
        bodyHits: z.number().int().min(0).describe('Mentions elsewhere'),
        variantHits: z.number().int().min(0).describe('Mentions in a form one confusable character away'),
        runnerUp: z.string().nullable().describe('The next best division at the same level'),
      })
      .strict(),
  })
  .strict();
export type Subject = z.infer<typeof Subject>;

/** A correction candidate below the bar: not applied, reported for review (code ocr-suspect). */
export const Suspect = z
  .object({
    start: z.number().int().min(0).describe('offset into the text given to ocrCorrections'),
    end: z.number().int().min(0),
    from: z.string(),
    to: z.string(),
    rule: z.string(),
    reason: z.string().describe('Why it was not applied'),
    evidence: z.record(z.string(), z.unknown()),
  })
  .strict();
export type Suspect = z.infer<typeof Suspect>;

/** A one-character finding of an OCR rule, before it becomes an edit or a suspect. */
export interface CharFinding {
  /** compact index of the changed character */
  readonly at: number;
  readonly from: string;
  readonly to: string;
  readonly action: 'correct' | 'suspect';
  readonly reason: string;
  readonly evidence: Record<string, unknown>;
}
