import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { npcSessionYears } from './npc-sessions.js';
import { scratchFolders } from '../test/helpers.js';

describe('data/npc-sessions.json', () => {
  const scratch = scratchFolders('npc');
  it('covers every term from the 1st NPC (1954) on, each session in a later year than the one before', () => {
    const terms = npcSessionYears();
    expect([...terms.keys()]).toEqual(Array.from({ length: terms.size }, (_, i) => i + 1));
    const years = [...terms.values()].flat();
    expect(years[0]).toBe(1954);
    expect(years.every((y, i) => i === 0 || y > years[i - 1])).toBe(true);
    expect(terms.get(2)).toEqual([1959, 1960, 1962, 1963]); // no session in 1961
    expect(terms.get(5)?.[4]).toBe(1982);
  });

  it('rejects a file whose sessions are out of order', () => {
    const file = join(scratch(), 'npc.json');
    writeFileSync(file, JSON.stringify({ source: { dataset: 'x', note: '' }, terms: { '1': [1955, 1954] } }));
    expect(() => npcSessionYears(file)).toThrow(/not an NPC sessions file/);
  });
});
