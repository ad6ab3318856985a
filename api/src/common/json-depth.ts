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

/**
 * Whether a parsed JSON value holds a key named `__proto__` anywhere. JSON.parse makes it an own
 * field, but the object mapping before validation drops it silently, so the unknown-field rule never
 * sees it: it is refused here instead (and never reaches code that might copy it onto a prototype).
 */
export function holdsProtoKey(value: unknown): boolean {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === null || typeof node !== 'object') continue;
    if (Object.prototype.hasOwnProperty.call(node, '__proto__')) return true;
    for (const child of Object.values(node)) if (child !== null && typeof child === 'object') stack.push(child);
  }
  return false;
}
