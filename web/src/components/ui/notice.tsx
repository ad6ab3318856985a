import type { ReactNode } from 'react';

export type NoticeTone = 'error' | 'success' | 'info';

/** A message after an action; errors are announced at once, other notices politely. */
export function Notice({ tone, children }: { tone: NoticeTone; children: ReactNode }) {
  return (
    <div className={`notice notice-${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      {children}
    </div>
  );
}
