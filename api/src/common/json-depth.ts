/**
 * Whether a parsed JSON value nests objects or arrays deeper than `max` levels (the top level is
 * 1). Walked with an explicit stack: the point is that a deep body must not overflow the call
 * stack here or in the validation that would otherwise follow.
 */
export function nestsDeeperThan(value: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (node === null || typeof node !== 'object') continue;
    if (depth > max) return true;
    for (const child of Object.values(node)) {
      if (child !== null && typeof child === 'object') stack.push([child, depth + 1]);
    }
  }
  return false;
}

/** Keys the object mapping before validation (class-transformer) skips silently, at any depth. */
const DROPPED_KEYS = ['__proto__', 'constructor'] as const;

/**
 * The first key named `__proto__` or `constructor` a parsed JSON value holds, at any depth, or null.
 * JSON.parse makes each an own field, but the object mapping before validation drops both silently,
 * so the unknown-field rule never sees them (`{"constructor":{…}}` was answered 200 as an empty
 * body): they are refused here instead, and never reach code that might copy them onto a prototype.
 */
export function droppedKey(value: unknown): (typeof DROPPED_KEYS)[number] | null {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === null || typeof node !== 'object') continue;
    for (const key of DROPPED_KEYS) if (Object.prototype.hasOwnProperty.call(node, key)) return key;
    for (const child of Object.values(node)) if (child !== null && typeof child === 'object') stack.push(child);
  }
  return null;
}
