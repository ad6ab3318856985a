import { quickExit } from '../quick-exit';
import { useDoubleEscape } from './use-double-escape';

/** Escape twice within a second, anywhere (inputs and dialogs too): quick exit. Mount once per page. */
export function useQuickExitShortcut(): void {
  useDoubleEscape(quickExit);
}
