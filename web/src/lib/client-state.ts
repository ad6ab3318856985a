/**
 * Everything the client holds about the person, in one place to forget: quick exit and
 * sign-out run every registered reset (query caches, in-memory choices).
 */
const resets = new Set<() => void>();

export function onClientStateReset(reset: () => void): () => void {
  resets.add(reset);
  return () => resets.delete(reset);
}

export function resetClientState(): void {
  for (const reset of resets) {
    try {
      reset();
    } catch {
      // One failing reset must not keep the others (or a quick exit) from running.
    }
  }
}
