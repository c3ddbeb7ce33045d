import { z } from 'zod';
import { compiled } from './compiled.js';
import { SourceSpan } from './source.js';
import { Correction, Diagnostic, Removal } from './messages.js';
import { Table } from './table.js';
import { Fact } from './fact.js';
import { unicodeString } from './patterns.js';

export const SCHEMA_VERSION = '1.0.0';

export const Encoding = z.enum(['utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be', 'gb18030', 'pdf-text', 'docx-text', 'html-text']).describe('How the raw text was obtained: a text encoding, or pdf-text / docx-text / html-text for text extracted from a PDF, a Word document or a web page (positions then refer to the extracted text)').meta({ id: 'Encoding' });
export type Encoding = z.infer<typeof Encoding>;

export const SourceInfo = z
  .object({
    path: z.string().describe('Path of the input relative to the build root, with / separators'),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    bytes: z.number().int().min(0),
    encoding: Encoding,
    format: z.enum(['txt', 'pdf', 'docx', 'html', 'md']),
    extracted: z
      .object({
        path: z.string().describe('The extracted text, saved beside the document JSON (relative to the corpus folder): what every position of a PDF, .docx or HTML document refers to'),
        sha256: z.string().regex(/^[0-9a-f]{64}$/),
        chars: z.number().int().min(0),
        extractor: z.string().describe('Extraction software and version, e.g. pdfjs-dist 5.6.205'),
      })
      .strict()
      .optional()
      .describe('Only for extracted inputs (PDF, .docx, HTML): positions refer to this extracted text, not to the file bytes'),
  })
  .strict()
  .meta({ id: 'SourceInfo' });
export type SourceInfo = z.infer<typeof SourceInfo>;

export const Emphasis = z
  .object({
    start: z.number().int().min(0).describe('0-based UTF-16 offset into the paragraph text'),
    end: z.number().int().min(0).describe('exclusive end offset into the paragraph text'),
    text: z.string(),
    source: SourceSpan,
  })
  .strict()
  .meta({ id: 'Emphasis' });
export type Emphasis = z.infer<typeof Emphasis>;

export const Paragraph = compiled(
  z
  .object({
    id: z.string(),
    kind: z.enum(['paragraph', 'list-item']).describe('list-item: a numbered entry in the paragraph flow, not a heading'),
    text: z.string(),
    emphasis: z.array(Emphasis),
    source: SourceSpan,
    map: z
      .array(z.tuple([z.number().int().min(0), z.number().int().min(0)]))
      .describe('Offset map: runs [textOffset, rawOffset]; from each run start to the next, characters map one to one'),
  })
  .strict()
  .meta({ id: 'Paragraph' }),
);
export type Paragraph = z.infer<typeof Paragraph>;

export const HeadingKind = z.enum([
  'part', 'chapter', 'section', 'cn-enum', 'cn-paren-enum', 'arabic-enum', 'arabic-paren-enum', 'preface', 'other',
]).meta({ id: 'HeadingKind' });
export type HeadingKind = z.infer<typeof HeadingKind>;

export type Section = {
  id: string;
  kind: HeadingKind;
  marker: string;
  ordinal: number | null;
  title: string;
  depth: number;
  source: SourceSpan;
  paragraphs: Paragraph[];
  boxes: string[];
  tables: string[];
  figures: string[];
  children: Section[];
};
export const Section: z.ZodType<Section> = z.lazy(() =>
  z
    .object({
      id: z.string(),
      kind: HeadingKind,
      marker: z.string().describe('The numbering marker as printed, e.g. 第一章, 一、, （一）; empty for unnumbered headings'),
      ordinal: z.number().int().nullable(),
      title: z.string(),
      depth: z.number().int().min(1),
      source: SourceSpan,
      paragraphs: z.array(Paragraph),
      boxes: z.array(z.string()).describe('ids of boxes cut out of this section'),
      tables: z.array(z.string()).describe('ids of tables cut out of this section'),
      figures: z.array(z.string()).describe('ids of figures cut out of this section'),
      children: z.array(Section),
    })
    .strict(),
).meta({ id: 'Section' });

export const BoxItem = z
  .object({ ordinal: z.number().int().nullable(), title: z.string().nullable(), text: z.string(), source: SourceSpan })
  .strict()
  .meta({ id: 'BoxItem' });
export const Box = compiled(
  z
  .object({
    id: z.string(),
    title: z.string(),
    sectionId: z.string().nullable(),
    source: SourceSpan,
    items: z.array(BoxItem),
    text: z.string(),
  })
  .strict()
  .meta({ id: 'Box' }),
);
export type Box = z.infer<typeof Box>;

export const Figure = compiled(
  z
  .object({ id: z.string(), title: z.string(), sectionId: z.string().nullable(), source: SourceSpan })
  .strict()
  .meta({ id: 'Figure' }),
);
export type Figure = z.infer<typeof Figure>;

export const PageMarker = compiled(
  z
  .object({
    page: z.number().int().nullable().describe('Printed page number, null for an unnumbered page break'),
    kind: z.enum(['page-number', 'page-break']),
    text: z.string(),
    source: SourceSpan,
  })
  .strict()
  .meta({ id: 'PageMarker' }),
);
export type PageMarker = z.infer<typeof PageMarker>;

export const PhysicalPage = z
  .object({
    number: z.number().int().min(1).describe('1-based physical page'),
    label: z.string().nullable().describe('the printed page number (— 19 — → "19"), null when none is printed'),
    width: z.number().describe('page width in PDF units'),
    height: z.number().describe('page height in PDF units'),
    source: SourceSpan.describe('the page in the extracted text'),
  })
  .strict();
export type PhysicalPage = z.infer<typeof PhysicalPage>;

export const TocEntry = z
  .object({
    kind: HeadingKind,
    marker: z.string(),
    title: z.string(),
    page: z.number().int().nullable(),
    source: SourceSpan,
    sectionId: z.string().nullable().describe('The heading this entry was matched to, null when none matched'),
  })
  .strict()
  .meta({ id: 'TocEntry' });
export type TocEntry = z.infer<typeof TocEntry>;

export const DocType = z
  .enum(['five-year-plan', 'five-year-plan-report', 'government-work-report', 'annual-plan-report', 'budget-report', 'other'])
  .describe(
    'five-year-plan: a 规划纲要 itself; five-year-plan-report: a report to a people\'s congress on a five-year plan or another multi-year plan outline put before it (关于…第六个五年计划的报告, 关于一九五六年到一九六七年全国农业发展纲要…的报告); government-work-report: 政府工作报告; annual-plan-report: 计划执行情况…计划草案的报告; budget-report: 预算执行情况…预算草案的报告 (决算…预算的报告); other: anything else, and inputs that are not a plan document',
  )
  .meta({ id: 'DocType' });
export type DocType = z.infer<typeof DocType>;

export const MetaEvidence = z
  .object({
    rule: z.string().describe('The rule that set the value, e.g. opening-formula, date-line, npc-session, review-year'),
    text: z.string().describe('The normalized text the value was read from; when inferred, the text it was inferred from'),
    source: SourceSpan.nullable().describe('Raw span of that text; null when the value rests on no span (a default or a mention count)'),
    inferred: z.boolean().describe('true when the value was inferred rather than read as stated (the year 2020 from 2019年工作回顾)'),
    confidence: z.enum(['high', 'low']).describe('low: a last-resort signal (place-name mentions, a scraper header)'),
  })
  .strict()
  .meta({ id: 'MetaEvidence' });
export type MetaEvidence = z.infer<typeof MetaEvidence>;

export const Region = z
  .object({
    province: z.string().nullable(),
    city: z.string().nullable(),
    county: z.string().nullable(),
    code: z.string().nullable().describe('Administrative division code of the most specific level found (GB/T 2260)'),
  })
  .strict()
  .meta({ id: 'Region' });
export type Region = z.infer<typeof Region>;

export const Meta = z
  .object({
    title: z.string().nullable(),
    docType: DocType,
    region: Region,
    period: z.object({ start: z.number().int(), end: z.number().int() }).strict().nullable(),
    year: z.number().int().nullable(),
    date: z.string().regex(/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/).nullable(),
    speaker: z.object({ title: z.string().nullable(), name: z.string() }).strict().nullable(),
    issuer: z.string().nullable(),
    toc: z.array(TocEntry),
    evidence: z
      .object({
        title: MetaEvidence.nullable(),
        docType: MetaEvidence.nullable(),
        region: MetaEvidence.nullable().describe('For a State Council (national) report the region is all null and the rule is national'),
        period: MetaEvidence.nullable().describe('The plan number in the title (第十四个五年规划 → 2021–2025)'),
        year: MetaEvidence.nullable(),
        date: MetaEvidence.nullable(),
        speaker: MetaEvidence.nullable(),
        issuer: MetaEvidence.nullable(),
      })
      .strict()
      .describe('Why each field has its value: the rule and the raw span it came from; null when the field is null'),
  })
  .strict()
  .meta({ id: 'Meta' });
export type Meta = z.infer<typeof Meta>;

export const FrontMatter = z
  .object({ paragraphs: z.array(Paragraph), source: SourceSpan })
  .strict()
  .meta({ id: 'FrontMatter' });
export type FrontMatter = z.infer<typeof FrontMatter>;

export const Accounting = z
  .object({
    rawChars: z.number().int().min(0).describe('UTF-16 length of the decoded raw text'),
    textChars: z.number().int().min(0).describe('UTF-16 length of the normalized text'),
    removedChars: z.record(z.string(), z.number().int().min(0)).describe('Raw characters removed, by rule (whitespace layout included)'),
  })
  .strict()
  .meta({ id: 'Accounting' });

export const PlanDocument = z
  .object({
    schemaVersion: z.literal(SCHEMA_VERSION),
    // the pattern published for other validators is exact for ASCII and lets any other non-space character through
    id: unicodeString(/^[\p{L}\p{N}][\p{L}\p{N}._-]*$/u, /^(?:[0-9A-Za-z]|[^\x00-\x7F\s])(?:[0-9A-Za-z._-]|[^\x00-\x7F\s])*$/)
      .describe('Stable id derived from the relative source path: a letter or digit of any script, then letters, digits and . _ -'),
    source: SourceInfo,
    meta: Meta,
    frontMatter: FrontMatter.nullable(),
    paragraphs: z.array(Paragraph).describe('Paragraphs before the first heading'),
    sections: z.array(Section),
    boxes: z.array(Box),
    tables: z.array(Table),
    figures: z.array(Figure),
    facts: z.array(Fact).describe('metric statements read from paragraphs and 专栏 items (pipeline/facts)'),
    pages: z.array(PageMarker),
    physicalPages: z.array(PhysicalPage).optional().describe('PDF inputs: every physical page with its printed label'),
    corrections: z.array(Correction),
    removals: z.array(Removal),
    diagnostics: z.array(Diagnostic),
    accounting: Accounting,
  })
  .strict();
export type PlanDocument = z.infer<typeof PlanDocument>;
