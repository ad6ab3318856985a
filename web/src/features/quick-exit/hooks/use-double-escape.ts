import { useEffect } from 'react';

export const DOUBLE_ESCAPE_WINDOW_MS = 1000;

/**
 * Calls `onTrigger` when Escape is pressed twice within one second, and `onFirstPress` when a press
 * starts that second (so the page can say what the next one does). Kept free of React and of the
 * clock so the timing rule can be tested on its own.
 */
export function createDoubleEscapeDetector(
  onTrigger: () => void,
  now: () => number = () => performance.now(),
  windowMs = DOUBLE_ESCAPE_WINDOW_MS,
  onFirstPress: () => void = () => undefined,
): (event: Pick<KeyboardEvent, 'key'>) => void {
  let lastEscape: number | null = null;
  return (event) => {
    if (event.key !== 'Escape' && event.key !== 'Esc') return;
    const time = now();
    if (lastEscape !== null && time - lastEscape <= windowMs) {
      lastEscape = null;
      onTrigger();
      return;
    }
    lastEscape = time;
    onFirstPress();
  };
}

/**
 * Listens on window in the capture phase, so it hears Escape before any input, menu or dialog
 * can stop it (a dialog closing on the first press must not swallow the quick exit).
 */
export function useDoubleEscape(onTrigger: () => void, onFirstPress?: () => void): void {
  useEffect(() => {
    const detector = createDoubleEscapeDetector(onTrigger, undefined, DOUBLE_ESCAPE_WINDOW_MS, onFirstPress);
    window.addEventListener('keydown', detector, { capture: true });
    return () => window.removeEventListener('keydown', detector, { capture: true });
  }, [onTrigger, onFirstPress]);
}
