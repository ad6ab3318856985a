import { createContext, useContext, type ReactNode } from 'react';

/**
 * What every modal overlay shows besides its dialog. A modal makes the rest of the page inert,
 * so the app puts its quick-exit button here to keep it working, in the same place, in dialogs.
 */
export const OverlayExtrasContext = createContext<ReactNode>(null);

export function OverlayExtras() {
  return <>{useContext(OverlayExtrasContext)}</>;
}
