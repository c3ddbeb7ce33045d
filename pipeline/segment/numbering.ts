import type { DocContext } from '../../core/context.js';
import type { HeadingKind } from '../../schemas/document.js';
import type { SourceSpan } from '../../schemas/source.js';

interface Numbered {
  kind: HeadingKind;
  marker: string;
  title: string;
  ordinal: number | null;
  source: SourceSpan;
  children: Numbered[];
}

/** Warn on gaps and repeats in numbering: chapters and parts count through the document, the rest restart under their parent. */
export function checkNumbering(roots: readonly Numbered[], doc: DocContext): void {
  const global = new Map<string, Numbered>();
  const visit = (siblings: readonly Numbered[]): void => {
    const last = new Map<string, Numbered>();
    for (const s of siblings) {
      if (s.ordinal !== null && s.kind !== 'preface' && s.kind !== 'other') {
        const scope = s.kind === 'part' || s.kind === 'chapter' ? global : last;
        const prev = scope.get(s.kind);
        const expected = prev?.ordinal != null ? prev.ordinal + 1 : 1;
        if (s.ordinal !== expected) {
          const code = prev && s.ordinal === prev.ordinal ? 'numbering-repeat' : 'numbering-gap';
          doc.report('warning', code, `${s.marker}${s.title}: expected number ${expected} after ${prev ? prev.marker : 'the start'}`, s.source, { actual: String(s.ordinal), expected: String(expected) });
        }
        scope.set(s.kind, s);
      }
      visit(s.children);
    }
  };
  visit(roots);
}
