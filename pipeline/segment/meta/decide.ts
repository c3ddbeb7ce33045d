import type { DocType, Meta, MetaEvidence } from '../../../schemas/document.js';
import type { SourceSpan } from '../../../schemas/source.js';
import { loadHistory, type History } from '../../../core/gazetteer/history.js';
import type { Block } from '../../types.js';
import type { MetaInput } from './input.js';
import { firstHit, type Hit, type PrintedLine, type TextLine } from './hit.js';
import { dateLineOf, parseDate, type DateValue } from './dates.js';
import { docTypeOfFormula, docTypeOfNotice, docTypeOfStructure, docTypeOfTitle } from './doc-type.js';
import { datedSessionYear, npcSessionYear, relativeSessionYear, sessionsOf } from './session.js';
import { inferredYearFrom, planExecutionYear, titleYearOf } from './year.js';
import { fieldValue, splitScraperHeader } from './scraper-header.js';
import { notAPlanDocument } from './not-a-plan.js';
import { regionOf, subjectRegion } from './region.js';
import { decideTitle } from './title.js';

/** Lines of the opening searched for formulas, date and session lines. */
export const OPENING_LINES = 25;

type Region = Meta['region'];
const NO_REGION: Region = { province: null, city: null, county: null, code: null };

export interface MetaParts {
  title: string | null;
  period: (title: string | null, docType: DocType) => Meta['period'];
  /** speaker and issuer from the opening's printed lines (null: the caller's own blocks) */
  people: (opening: readonly TextLine[] | null) => { speaker: Meta['speaker']; issuer: string | null; at: number | null; lines: number };
  report?: (code: string, message: string, source: SourceSpan | null) => void;
  history?: History;
}

const asLine = (b: Block): TextLine => ({ text: b.text, start: b.start });

function evidenceOf(h: Hit<unknown>, locate: MetaInput['locate']): MetaEvidence {
  // start -1: a value read from text that could not be located (a title joined from several lines)
  return { rule: h.rule, text: h.text, source: locate && h.start >= 0 ? locate(h.start, h.end) : null, inferred: h.inferred, confidence: h.confidence };
}

/** The speaker's formula naming the national government: 我代表国务院 / 中央人民政府 / 我受中共中央和国务院的委托, or a State Council premier's digest. */
const NATIONAL = /(?:代表|受)(?:中共中央和)?(?:中华人民共和国)?(?:国务院|中央人民政府)|国务院总理|^\s*国务院\s*$|总理在(?:政府工作)?报告中/;
/** Speaker lines are short: a formula-like phrase inside a long line of running text is not one. */
const SPEAKER_MAX = 30;

export function decideMeta(input: MetaInput, parts: MetaParts): Meta {
  const locate = input.locate;
  const allLines: readonly PrintedLine[] = input.lines ?? [...input.front, ...input.cover].map((b) => ({ ...asLine(b), rawStart: b.rawStart }));
  const { body, fields } = splitScraperHeader(allLines);
  const opening = body.slice(0, OPENING_LINES);
  const within = (blocks: readonly Block[]) => allLines.filter((l) => blocks.some((b) => l.rawStart >= b.rawStart && l.rawStart < b.rawEnd));
  const front = within(input.front);
  const closing = input.lines ? body.slice(-6) : (input.closing ?? []).map(asLine);
  const ev: Meta['evidence'] = { title: null, docType: null, region: null, period: null, year: null, date: null, speaker: null, issuer: null };

  // title: the document's own; a scraper header's 标题 only as a last resort
  const { title, line: tLine, end: titleEnd, evidence: titleEvidence } = decideTitle(parts.title, allLines, fields.get('标题') ?? null, locate);
  ev.title = titleEvidence;
  const headerTitle = fields.get('标题');

  // not a plan document at all: no confident type or region
  const notAPlan = notAPlanDocument(body, { titled: ev.title?.rule === 'title-line' && tLine !== null && docTypeOfTitle(tLine) !== null });
  if (notAPlan) parts.report?.('not-a-plan-document', notAPlan.message, body[0] && locate ? locate(body[0].start, body[body.length - 1].start + body[body.length - 1].text.length) : null);

  // date: a date line of the opening, the front matter (issuing notice), or the closing
  const dateHit = firstHit([...opening, ...front], dateLineOf) ?? [...closing].reverse().map(dateLineOf).find((h) => h !== null) ?? null;
  if (dateHit) ev.date = evidenceOf(dateHit, locate);

  // the formula of the speaker and the sessions named in the opening's formula and date lines
  const formula = firstHit(opening, docTypeOfFormula);
  const formulaLines = opening.filter((l) => (formula && l.start <= formula.start && formula.start < l.start + l.text.length) || dateLineOf(l) !== null);
  // a session the opening looks back on (从去年…会议闭幕, …会议以来) is not the current one
  const inFormulaOrDateLine = (h: Hit<unknown>) => (formula !== null && h.start >= formula.start && h.end <= formula.end) || formulaLines.some((l) => dateLineOf(l) !== null && l.start <= h.start && h.end <= l.start + l.text.length);
  const sessions = formulaLines.flatMap(sessionsOf).filter(inFormulaOrDateLine).filter((h) => {
    const l = formulaLines.find((x) => x.start <= h.start && h.start < x.start + x.text.length)!;
    const at = h.start - l.start;
    return !/(?:从|自|去年[^，。]{0,4})$/.test(l.text.slice(Math.max(0, at - 8), at)) && !/^(?:以来|闭幕|期间|到)/.test(l.text.slice(at + h.text.length));
  });
  const people = parts.people(input.lines ? opening : null);
  // the speaker line as evidence (only where the lines are the text's own, with positions)
  if (input.lines && people.at !== null) {
    const first = opening[people.at];
    const last = opening[people.at + people.lines - 1] ?? first;
    const e: MetaEvidence = { rule: 'speaker-line', text: [first, last].filter((l, i) => i === 0 || l !== first).map((l) => l.text.trim()).join(' '), source: locate ? locate(first.start, last.start + last.text.length) : null, inferred: false, confidence: 'high' };
    if (people.speaker) ev.speaker = e;
    if (people.issuer) ev.issuer = { ...e, rule: people.speaker ? 'speaker-line' : 'issuer-line' };
  }
  const national = sessions.some((s) => s.value.national) || (formula !== null && NATIONAL.test(formula.text)) || opening.some((l) => l.text.trim().length <= SPEAKER_MAX && NATIONAL.test(l.text)) || (people.speaker?.title?.endsWith('总理') ?? false);

  // year: stated by the date; else the national session; else the title; else inferred from the parts of the report; else a scraper header
  let yearHit: Hit<number> | null = dateHit ? { ...dateHit, value: dateHit.value.year } : null;
  if (!yearHit) {
    for (const s of sessions) {
      const y = npcSessionYear(s.value);
      if (y !== null) {
        yearHit = { ...s, value: y, rule: 'npc-session', inferred: true };
        break;
      }
    }
  }
  if (!yearHit && national) {
    const text = opening.map((l) => l.text).join('\n');
    yearHit = firstHit(opening, (l) => relativeSessionYear(l, text));
  }
  if (!yearHit && tLine && ev.title?.rule === 'title-line') yearHit = titleYearOf(tLine);
  // inferred from the parts of a report (2024年工作回顾 → 2025): only in a text that is a report, not in a
  // catalogue or a page that quotes such headings (a not-a-plan document)
  if (!notAPlan) yearHit ??= inferredYearFrom(body);
  // a State Council report that dates a session of the National People's Congress from the present (去年五届人大四次会议)
  if (!yearHit && national) yearHit = firstHit(body, datedSessionYear);
  // a report on a plan named in its formula that says how long the plan has run (纲要在过去四年中执行的情况)
  if (!yearHit && formula) yearHit = planExecutionYear(formula.text, body);
  if (!yearHit) {
    const dated = fields.get('发文时间') ?? fields.get('发布时间');
    const v = dated ? fieldValue(dated) : null;
    const m = v ? /^(\d{4})(?:[-/年.]\s*(\d{1,2}))?/.exec(v.text) : null;
    if (v && m) yearHit = { value: Number(m[1]), rule: 'scraper-header', text: m[0], start: v.start, end: v.start + m[0].length, inferred: false, confidence: 'low' };
    if (!yearHit && headerTitle) {
      const t = fieldValue(headerTitle);
      const d: DateValue | null = parseDate(t.text);
      const ty = d ? null : titleYearOf(t);
      if (d) yearHit = { value: d.year, rule: 'scraper-header', text: t.text, start: t.start, end: t.start + t.text.length, inferred: false, confidence: 'low' };
      else if (ty) yearHit = { ...ty, rule: 'scraper-header', confidence: 'low' };
    }
  }

  // type: title, the speaker's formula, the issuing notice, the structure
  let docType: DocType = 'other';
  const typeHit =
    (tLine && ev.title?.rule === 'title-line' ? docTypeOfTitle(tLine) : null) ??
    formula ??
    firstHit(front, docTypeOfNotice) ??
    docTypeOfStructure(body.slice(0, 60)) ??
    (tLine && ev.title?.rule === 'scraper-header' ? ((h) => (h ? { ...h, rule: 'scraper-header', confidence: 'low' as const } : null))(docTypeOfTitle(tLine)) : null);
  if (notAPlan) {
    ev.docType = { rule: 'not-a-plan-document', text: notAPlan.message, source: null, inferred: true, confidence: 'high' };
  } else if (typeHit) {
    docType = typeHit.value;
    ev.docType = evidenceOf(typeHit, locate);
  }

  // a plan outline that states no date: the first year of its period (第十五个五年规划 → 2026), inferred
  const period = parts.period(title, docType);
  if (period && tLine) ev.period = { rule: 'title-plan-number', text: tLine.text, source: tLine.start >= 0 && locate ? locate(tLine.start, titleEnd) : null, inferred: true, confidence: 'high' };
  if ((!yearHit || yearHit.rule === 'scraper-header') && docType === 'five-year-plan' && period && tLine) {
    yearHit = { value: period.start, rule: 'plan-period-start', text: tLine.text, start: tLine.start, end: tLine.start < 0 ? -1 : titleEnd, inferred: true, confidence: 'low' };
  }
  if (yearHit) ev.year = evidenceOf(yearHit, locate);
  const year = yearHit?.value ?? null;

  // region: national reports have none; else the formulas' place names, strongest first; the mentions last
  let region: Region = NO_REGION;
  const weakNational = formula && /全国人民代表大会|全国政协|国务院/.test(formula.text) ? opening.find((l) => l.start <= formula.start && formula.start < l.start + l.text.length) : undefined;
  const found = notAPlan || national ? null : subjectRegion({ title: tLine && ev.title?.rule === 'title-line' ? tLine : null, opening, formulaLines, front, header: [...fields.values()].map(fieldValue) }, year, parts.history ?? loadHistory());
  if (notAPlan) {
    // no region for what is not a plan document
  } else if (national) {
    const basis = sessions.find((s) => s.value.national) ?? formula;
    ev.region = { rule: 'national', text: basis?.text ?? '国务院', source: basis && locate && basis.start >= 0 ? locate(basis.start, basis.end) : null, inferred: true, confidence: 'high' };
  } else if (found) {
    region = regionOf(found.match.division);
    const at = found.match.index;
    ev.region = { rule: found.rule, text: found.text, source: locate && found.line.start >= 0 ? locate(at, at + found.match.length) : null, inferred: false, confidence: found.rule === 'scraper-header' ? 'low' : 'high' };
  } else if (weakNational) {
    // a report to the National People's Congress that names no place of its own
    ev.region = { rule: 'national', text: weakNational.text.trim().slice(0, 60), source: locate ? locate(weakNational.start, weakNational.start + weakNational.text.length) : null, inferred: true, confidence: 'low' };
  } else if (input.region.province !== null || input.region.city !== null || input.region.county !== null) {
    region = { ...input.region };
    ev.region = { rule: 'mentions', text: [input.region.province, input.region.city, input.region.county].filter(Boolean).join(''), source: null, inferred: true, confidence: 'low' };
  }
  return {
    title,
    docType,
    region,
    period,
    year,
    date: dateHit?.value.date ?? null,
    speaker: people.speaker,
    issuer: people.issuer,
    toc: input.toc,
    evidence: ev,
  };
}
