import type { LinkDocument } from './index.js';

export interface RegionKey {
  /** province/city/county as named, or 全国 */
  label: string;
  code: string | null;
}

/** A State Council report says who speaks: 我代表国务院，向大会报告政府工作. */
const NATIONAL = /代表国务院/u;

/**
 * The region a document is about: meta.region; a document without one is national when its
 * opening speaks for the State Council; otherwise unknown (null), and never linked.
 */
export function regionOf(doc: LinkDocument): RegionKey | null {
  const r = doc.meta.region;
  const names = [r.province, r.city, r.county].filter((x): x is string => x !== null);
  if (names.length > 0) return { label: names.join('/'), code: r.code };
  const opening = [...doc.paragraphs, ...doc.sections.slice(0, 1).flatMap((s) => s.paragraphs)].slice(0, 8);
  return opening.some((p) => NATIONAL.test(p.text)) ? { label: '全国', code: null } : null;
}
