import { useState } from 'react';

/**
 * A saved switch: what a person just chose is shown from the click itself until the saved value
 * has been read back, and the switch takes no second click meanwhile (that would send a second
 * change). A mutation's own pending state arrives a tick after the click, and in between a
 * controlled checkbox would spring back to the old value (a browser test caught it there).
 * `save` sends the change and calls `settled` once the saved value has been read again, whatever
 * the answer.
 */
export function useChoiceUntilSaved(
  saved: boolean,
  save: (value: boolean, settled: () => void) => void,
): { value: boolean; pending: boolean; change: (value: boolean) => void } {
  const [choice, setChoice] = useState<boolean | null>(null);
  return {
    value: choice ?? saved,
    pending: choice !== null,
    change: (value) => {
      if (choice !== null) return;
      setChoice(value);
      save(value, () => setChoice(null));
    },
  };
}
