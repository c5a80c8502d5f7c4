// Where a card may be cut when a platform needs several messages: never
// between a line and the buttons or form that act on it, nor after a header.
import type { Block } from '../model.ts';

const interactive = (b: Block): boolean => b.type === 'actions' || b.type === 'form' || b.type === 'file_request';

/**
 * Splits blocks into runs that must stay in one message: an optional header,
 * one content block, and the interactive blocks that follow it.
 * Example: [header, md, actions, md, form] -> [[header, md, actions], [md, form]].
 */
export function groupBlocks(blocks: readonly Block[]): Block[][] {
  const groups: Block[][] = [];
  let current: Block[] = [];
  let hasContent = false;
  for (const b of blocks) {
    const startsNew = b.type === 'header' ? current.length > 0 : !interactive(b) && hasContent;
    if (startsNew) {
      groups.push(current);
      current = [];
      hasContent = false;
    }
    current.push(b);
    if (b.type !== 'header' && !interactive(b)) hasContent = true;
    // Interactive blocks end a run: the next content starts a new one.
    if (interactive(b)) hasContent = true;
  }
  if (current.length > 0) groups.push(current);
  return groups;
}

/**
 * Packs runs of items into parts no bigger than `limit` by `measure`; a run
 * too big on its own is split item by item. `reserve(i)` is room kept in
 * part i (e.g. a continuation line). Returns the parts in order.
 */
export function packGroups<T>(groups: readonly T[][], limit: number, measure: (items: readonly T[]) => number, reserve: (part: number) => number): T[][] {
  const parts: T[][] = [];
  let part: T[] = [];
  const room = () => limit - reserve(parts.length);
  const push = (items: readonly T[]) => {
    if (part.length > 0 && measure([...part, ...items]) > room()) {
      parts.push(part);
      part = [];
    }
    part.push(...items);
  };
  for (const g of groups) {
    if (measure(g) <= limit - reserve(1)) push(g);
    else for (const item of g) push([item]);
  }
  if (part.length > 0) parts.push(part);
  return parts;
}
