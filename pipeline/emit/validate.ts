import type { z } from 'zod';
import { PlanDocument } from '../../schemas/document.js';
import type { SourceSpan } from '../../schemas/source.js';

export interface ValidationProblem {
  path: string;
  message: string;
  /** raw position of the nearest enclosing item that has one */
  source: SourceSpan | null;
}

function isSpan(x: unknown): x is SourceSpan {
  return typeof x === 'object' && x !== null && typeof (x as SourceSpan).line === 'number' && typeof (x as SourceSpan).column === 'number';
}

/** Walk a zod issue path into the value and return the nearest enclosing item's source span. */
export function sourceAt(value: unknown, path: readonly PropertyKey[]): SourceSpan | null {
  let node: unknown = value;
  let found: SourceSpan | null = null;
  for (const key of path) {
    if (typeof node !== 'object' || node === null) break;
    const s = (node as { source?: unknown }).source;
    if (isSpan(s)) found = s;
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  if (typeof node === 'object' && node !== null && isSpan((node as { source?: unknown }).source)) found = (node as { source: SourceSpan }).source;
  return found;
}

export function describeIssues(value: unknown, error: z.ZodError): ValidationProblem[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: issue.message,
    source: sourceAt(value, issue.path),
  }));
}

export function formatProblems(problems: readonly ValidationProblem[], limit = 5): string {
  const lines = problems.slice(0, limit).map((p) => `${p.path || '(document)'}: ${p.message}${p.source ? ` (raw line ${p.source.line}, column ${p.source.column})` : ''}`);
  if (problems.length > limit) lines.push(`… and ${problems.length - limit} more`);
  return lines.join('; ');
}

export type ValidateResult = { ok: true; document: PlanDocument } | { ok: false; problems: ValidationProblem[] };

/** Validate a document against the schema; problems point at the item and its raw position. */
export function validateDocument(value: unknown): ValidateResult {
  const r = PlanDocument.safeParse(value);
  if (r.success) return { ok: true, document: r.data };
  return { ok: false, problems: describeIssues(value, r.error) };
}
