import { createHash } from 'node:crypto';

/**
 * A stable document id from the input's relative path (never from run order): the path without
 * its extension, folders joined by "--", characters outside letters/digits/._- replaced by "-".
 * Letters include Han characters, so 湛河区政府工作报告.txt keeps its name.
 */
export function documentId(relativePath: string): string {
  const noExt = relativePath.replace(/\\/g, '/').replace(/\.[^./]*$/, '');
  const id = noExt
    .split('/')
    .filter((s) => s.length > 0 && s !== '.')
    .map((s) => s.normalize('NFC').toLowerCase().replace(/[^\p{L}\p{N}._-]+/gu, '-').replace(/^[-._]+|[-._]+$/g, ''))
    .filter((s) => s.length > 0)
    .join('--');
  // the corpus's own index.json must never be overwritten by a document called index
  if (id === 'index') return 'index-document';
  if (id.length > 0 && id.length <= 120) return id;
  return `doc-${createHash('sha256').update(relativePath).digest('hex').slice(0, 16)}`;
}

/** Make ids unique within a batch, deterministically (inputs are processed in sorted order). */
export function uniqueIds(paths: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  const used = new Set<string>();
  for (const p of paths) {
    let id = documentId(p);
    if (used.has(id)) id = `${id}-${createHash('sha256').update(p).digest('hex').slice(0, 8)}`;
    used.add(id);
    out.set(p, id);
  }
  return out;
}
