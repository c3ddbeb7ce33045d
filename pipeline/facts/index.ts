/**
 * facts: metric statements read from the prose — paragraphs and 专栏 items — as facts with the
 * normalized metric, value and unit, change, period, polarity and qualifiers, each pointing at its
 * raw span (the paragraph's run map; a 专栏 item through its whitespace-free text).
 */
import type { DocContext } from '../../core/context.js';
import { runRange } from '../../core/provenance/run-map.js';
import { compactText, originalRange } from '../../core/provenance/compact-text.js';
import { lowerBound } from '../../core/provenance/lower-bound.js';
import type { Box, Meta, Paragraph, Section } from '../../schemas/document.js';
import type { Fact } from '../../schemas/fact.js';
import type { Quantity } from '../../schemas/table.js';
import { findStatements, type Span, type Statement } from './statements.js';
import { lastNamedPeriod, periodOf, type ContextYear } from './period.js';
import { headingMood, polarityOf, type HeadingMood } from './polarity.js';
import { loadVocabulary, type Vocabulary } from './vocabulary.js';

export interface FactsInput {
  meta: Meta;
  paragraphs: Paragraph[];
  sections: Section[];
  boxes: Box[];
}

/** What the headings above a passage say: the section, its year and mood. */
interface Context {
  sectionId: string | null;
  headingYear: number | null;
  /** the plan a heading above names (“十三五”主要成就) */
  headingPlan: { start: number; end: number } | null;
  mood: HeadingMood;
}

/** A passage of prose and how its offsets reach the raw text. */
interface Passage {
  id: string;
  /** 专栏 items mostly list measures and projects: only vocabulary metrics are taken from them */
  boxItem: boolean;
  text: string;
  context: Context;
  toRaw: (a: number, b: number) => [number, number] | null;
}

/** How far back (characters) in its paragraph a statement looks for the year it is about. */
const NEARBY = 300;

const DIGIT = /\d/;

/** A 专栏 that lists projects. */
const PROJECT_BOX = /项目|工程/u;

/** A paragraph that opens on the five years behind it. */
const FIVE_YEARS = /^[—\s*]*(?:过去的?|这)?五年/u;

const HEADING_YEAR = /(?<!\d)(\d{4})\s*年(?!\s*[-—–至到]\s*\d)/u;

/** A heading's year sets the context of its section, unless it is a distant vision year (2035年远景目标). */
function childContext(parent: Context, s: Section, reportYear: number | null): Context {
  const y = HEADING_YEAR.exec(s.title);
  const named = y ? Number(y[1]) : null;
  const year = named !== null && (reportYear === null || named <= reportYear + 1) ? named : null;
  const named2 = lastNamedPeriod(s.title);
  const plan = named2 && named2.period.end > named2.period.start ? named2.period : null;
  return { sectionId: s.id, headingYear: year ?? parent.headingYear, headingPlan: plan ?? parent.headingPlan, mood: headingMood(s.title) ?? parent.mood };
}

/** The year the document speaks from: a report's year, a plan's first year. */
export function reportYearOf(meta: Meta): number | null {
  if (meta.docType === 'five-year-plan' && meta.period) return meta.period.start;
  if (meta.year !== null) return meta.year;
  return meta.date ? Number(meta.date.slice(0, 4)) : null;
}

function passages(x: FactsInput, raw: string, reportYear: number | null): Passage[] {
  const out: Passage[] = [];
  const paragraph = (p: Paragraph, context: Context): void => {
    if (!DIGIT.test(p.text)) return; // no number, no statement
    const run = { text: p.text, map: p.map, rawStart: p.source.offset, rawEnd: p.source.endOffset };
    out.push({ id: p.id, boxItem: false, text: p.text, context, toRaw: (a, b) => runRange(run, a, b, raw) });
  };
  const root: Context = { sectionId: null, headingYear: null, headingPlan: null, mood: null };
  const contexts = new Map<string, Context>();
  for (const p of x.paragraphs) paragraph(p, root);
  const walk = (sections: Section[], parent: Context): void => {
    for (const s of sections) {
      const c = childContext(parent, s, reportYear);
      contexts.set(s.id, c);
      for (const p of s.paragraphs) paragraph(p, c);
      walk(s.children, c);
    }
  };
  walk(x.sections, root);
  for (const box of x.boxes) {
    // a box of projects (重大项目, 重点工程) states each project's own figures, not the region's
    if (PROJECT_BOX.test(box.title)) continue;
    const context = (box.sectionId !== null ? contexts.get(box.sectionId) : undefined) ?? root;
    box.items.forEach((item, i) => {
      if (!DIGIT.test(item.text)) return; // no number, no statement
      // an item's text is its raw text unwrapped, after its ordinal and title: the same characters once whitespace is cut
      const itemCompact = compactText(item.text);
      const rawCompact = compactText(raw.slice(item.source.offset, item.source.endOffset));
      const at = rawCompact.text.lastIndexOf(itemCompact.text);
      if (itemCompact.text === '' || at < 0 || at + itemCompact.text.length !== rawCompact.text.length) return;
      const toCompact = (t: number): number => lowerBound(itemCompact.offsets, t);
      out.push({
        id: `${box.id}#${i + 1}`,
        boxItem: true,
        text: item.text,
        context,
        toRaw: (a, b) => {
          const ca = toCompact(a);
          const cb = toCompact(b);
          if (cb <= ca) return null;
          const [s, e] = originalRange(rawCompact, at + ca, at + cb);
          return [item.source.offset + s, item.source.offset + e];
        },
      });
    });
  }
  return out;
}

function metricOf(st: Statement, vocab: Vocabulary): { metric: string; known: boolean } {
  if (!st.growth) {
    const n = vocab.name(st.baseText);
    return { metric: n.metric, known: n.known };
  }
  const g = vocab.growth(st.baseText);
  return g.known ? { metric: g.metric, known: true } : { metric: `${vocab.name(st.baseText).metric}增长`, known: false };
}

/** facts: the metric statements of the document's prose, in raw order. */
export function extractFacts(x: FactsInput, doc: DocContext): Fact[] {
  const vocab = loadVocabulary();
  const raw = doc.raw;
  const reportYear = reportYearOf(x.meta);
  const known = (name: string, growth: boolean): boolean => (growth ? vocab.growth(name).known : vocab.name(name).known);
  const facts: Omit<Fact, 'id'>[] = [];
  for (const p of passages(x, raw, reportYear)) {
    for (const st of findStatements(p.text, known)) {
      const lead = st.lead;
      // ——五年拼搏进取… / 过去五年…: a review of the whole plan, whatever year the heading names
      const fiveYears = FIVE_YEARS.test(p.text) || /五年/u.test(lead);
      const plan = p.context.headingPlan;
      // the sentences just before may name the year (2016年，… 全年预计完成：…) when the headings do not
      const earlier = fiveYears || p.context.headingYear !== null ? null : lastNamedPeriod(p.text.slice(Math.max(0, st.sentence.start - NEARBY), st.sentence.start));
      const context: ContextYear | null = fiveYears
        ? plan && plan.end - plan.start === 4
          ? { year: plan.end, span: plan, text: `heading:${plan.start}-${plan.end}` }
          : null
        : p.context.headingYear !== null
          ? { year: p.context.headingYear, text: `heading:${p.context.headingYear}年`, reviewed: p.context.mood === 'review' }
          : earlier && earlier.period.start === earlier.period.end
            ? { year: earlier.period.start, text: `nearby:${earlier.text}` }
            : null;
      const found = periodOf(lead, context, reportYear);
      // over five years (五年新增…, 五年累计…) a single year named in the sentence is a comparison, not the period
      const read = fiveYears && found.period !== null && found.period.start === found.period.end && context === null ? { period: null, text: null } : found;
      // a 累计 total at “十四五”末 covers the whole plan
      let period = st.qualifiers.includes('cumulative') && read.plan ? read.plan : read.period;
      let periodText = read.text;
      // a five-year plan's 年均 target without a period is for the plan's years
      if (period === null && x.meta.docType === 'five-year-plan' && x.meta.period && st.qualifiers.includes('annualAverage') && /目标|年均/u.test(lead)) {
        period = x.meta.period;
        periodText = 'plan period';
      }
      const polarity = polarityOf({ lead, mood: p.context.mood, period, reportYear, qualifiers: st.qualifiers });
      if (polarity === null) continue;
      const whole = p.toRaw(st.start, st.end);
      const valueRaw = p.toRaw(st.valueSpan.start, st.valueSpan.end);
      if (!whole || !valueRaw) continue;
      const withSource = (q: Statement['value'], span: Span): Quantity | null => {
        const r = p.toRaw(span.start, span.end);
        return r ? { ...q, source: doc.span(r[0], r[1]) } : null;
      };
      const value = withSource(st.value, st.valueSpan);
      if (!value) continue;
      const { metric, known: inVocabulary } = metricOf(st, vocab);
      if (p.boxItem && !inVocabulary) continue;
      const fact: Omit<Fact, 'id'> = {
        sectionId: p.context.sectionId,
        paragraphId: p.id,
        metric,
        metricText: st.metricText,
        vocabulary: inVocabulary,
        value,
        unit: st.unit,
        period,
        periodText,
        polarity,
        qualifiers: st.qualifiers,
        raw: raw.slice(whole[0], whole[1]),
        source: doc.span(whole[0], whole[1]),
      };
      if (st.change) {
        const q = withSource(st.change.quantity, st.change);
        if (q) fact.change = { kind: st.change.kind, quantity: q, unit: st.change.unit };
      }
      facts.push(fact);
    }
  }
  facts.sort((a, b) => a.source.offset - b.source.offset || a.source.endOffset - b.source.endOffset);
  return facts.map((f, i) => ({ id: `fact-${i + 1}`, ...f }));
}
