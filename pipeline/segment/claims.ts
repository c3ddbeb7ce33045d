import type { Block } from '../types.js';

/** Blocks already claimed, as the finders read them (a Set<number> will do in tests). */
export interface Taken {
  has(i: number): boolean;
}

/** A run of blocks [start, end) that a pass has claimed: the heading walk steps over it (or places it). */
export interface Claim {
  kind: 'toc' | 'front-matter' | 'table' | 'box';
  start: number;
  end: number;
}

/**
 * The blocks of a document and which of them the passes have claimed so far. Passes run in order
 * and each claims only unclaimed blocks, so the table of contents is never read as headings, a
 * table's rows never as paragraphs.
 */
export class ClaimedBlocks implements Taken {
  readonly blocks: readonly Block[];
  private readonly owner: Array<Claim | undefined>;

  constructor(blocks: readonly Block[]) {
    this.blocks = blocks;
    this.owner = new Array(blocks.length);
  }

  claim(c: Claim): void {
    for (let k = c.start; k < c.end; k++) this.owner[k] = c;
  }

  /** The claim that starts at block i, if any. */
  startingAt(i: number): Claim | undefined {
    const c = this.owner[i];
    return c !== undefined && c.start === i ? c : undefined;
  }

  /** Is block i claimed? (the Taken view the finders read) */
  has(i: number): boolean {
    return this.owner[i] !== undefined;
  }

  firstUnclaimed(): number {
    let k = 0;
    while (k < this.blocks.length && this.owner[k] !== undefined) k++;
    return k;
  }
}
