import { quickExit } from '../quick-exit';
import { hidePressAgainHint, showPressAgainHint } from '../press-again-hint';
import { DOUBLE_ESCAPE_WINDOW_MS, useDoubleEscape } from './use-double-escape';

const leave = () => {
  hidePressAgainHint();
  quickExit();
};
const hint = () => showPressAgainHint(DOUBLE_ESCAPE_WINDOW_MS);

/** Escape twice within a second, anywhere (inputs and dialogs too): quick exit. Mount once per page. */
export function useQuickExitShortcut(): void {
  useDoubleEscape(leave, hint);
}
