/** What is being written in the room's composer. */
export interface ComposerDraft {
  body: string;
  warningOpen: boolean;
  warning: string;
}

export const EMPTY_DRAFT: ComposerDraft = { body: '', warningOpen: false, warning: '' };

/**
 * A message the writer chose not to send goes back into the composer to be changed: its text first,
 * then whatever was written meanwhile; its content warning when it had one.
 */
export function putBack(
  current: ComposerDraft,
  unsent: { body: string; contentWarning: string | null },
): ComposerDraft {
  const body = current.body.trim() === '' ? unsent.body : `${unsent.body}\n${current.body}`;
  if (unsent.contentWarning === null) return { ...current, body };
  return { body, warningOpen: true, warning: unsent.contentWarning };
}
