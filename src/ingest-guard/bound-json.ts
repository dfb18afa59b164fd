/**
 * A copy of a parsed JSON value with nesting below `maxDepth` and strings beyond
 * `maxStringLength` cut. Iterative (an explicit stack), so a 100,000-deep array cannot
 * overflow the call stack the way JSON.stringify of the original would.
 */
export interface BoundedJson {
  readonly value: unknown;
  /** What was cut (empty when nothing was): e.g. `nesting deeper than 32`, `3 string(s) longer than 4096`. */
  readonly cuts: readonly string[];
}

export const CUT_MARK = '…[cut]';

interface Frame {
  readonly source: unknown;
  readonly depth: number;
  readonly assign: (value: unknown) => void;
}

export function boundJson(input: unknown, maxDepth: number, maxStringLength: number): BoundedJson {
  let deep = false;
  let longStrings = 0;
  let root: unknown = null;
  const stack: Frame[] = [{ source: input, depth: 0, assign: (value) => (root = value) }];
  while (stack.length > 0) {
    const { source, depth, assign } = stack.pop()!;
    if (typeof source === 'string') {
      if (source.length > maxStringLength) {
        longStrings++;
        assign(source.slice(0, maxStringLength) + CUT_MARK);
      } else assign(source);
      continue;
    }
    if (source === null || typeof source !== 'object') {
      assign(typeof source === 'number' || typeof source === 'boolean' ? source : null);
      continue;
    }
    if (depth >= maxDepth) {
      deep = true;
      assign(CUT_MARK);
      continue;
    }
    if (Array.isArray(source)) {
      const copy: unknown[] = new Array<unknown>(source.length).fill(null);
      assign(copy);
      source.forEach((item: unknown, index) => stack.push({ source: item, depth: depth + 1, assign: (value) => (copy[index] = value) }));
      continue;
    }
    const copy: Record<string, unknown> = {};
    assign(copy);
    for (const [key, item] of Object.entries(source)) {
      const name = key.length > maxStringLength ? key.slice(0, maxStringLength) + CUT_MARK : key;
      if (name !== key) longStrings++;
      copy[name] = null; // keeps the keys in their order; filled when its frame is popped
      stack.push({ source: item, depth: depth + 1, assign: (value) => (copy[name] = value) });
    }
  }
  const cuts: string[] = [];
  if (deep) cuts.push(`nesting deeper than ${maxDepth}`);
  if (longStrings > 0) cuts.push(`${longStrings} string(s) longer than ${maxStringLength}`);
  return { value: root, cuts };
}
