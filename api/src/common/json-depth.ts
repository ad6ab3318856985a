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
