import { useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Notice } from '../../../components/ui/notice';

export type LogNoticeKind = 'created' | 'edited' | 'unchanged' | 'deleted';

const KINDS: readonly LogNoticeKind[] = ['created', 'edited', 'unchanged', 'deleted'];

/** The navigation state a log page passes on ("saved", "deleted"), so the next page can say it. */
export function logNoticeState(kind: LogNoticeKind, version?: number) {
  return { logNotice: kind, version };
}

/** Says what just happened on the page before (saved, deleted), once. */
export function LogNotice() {
  const { t } = useTranslation();
  const state = useLocation().state as { logNotice?: unknown; version?: unknown } | null;
  const kind = KINDS.find((known) => known === state?.logNotice);
  if (!kind) return null;
  const version = typeof state?.version === 'number' ? state.version : 0;
  return <Notice tone="success">{t(`incidentLog.notices.${kind}`, { version })}</Notice>;
}
