import { useState } from 'react';

/**
 * What a person just chose on a saved switch, shown from the click itself until the saved value has
 * been read back. A mutation's own pending state arrives a tick after the click, and in between a
 * controlled checkbox would spring back to the old value (a browser test caught it there).
 */
export function useChoiceUntilSaved(saved: boolean): {
  value: boolean;
  /** From the click until settled: the switch takes no second click (that would send a second change). */
  pending: boolean;
  choose: (value: boolean) => void;
  settled: () => void;
} {
  const [choice, setChoice] = useState<boolean | null>(null);
  return { value: choice ?? saved, pending: choice !== null, choose: setChoice, settled: () => setChoice(null) };
}
