import { lazy, Suspense, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNotifications } from '../api/list-notifications';
import { useRecentlyActive } from '../hooks/use-recently-active';
import { Loading } from '../../../components/ui/loading';
import './notification-bell.css';

// The list loads when the bell is first opened: the header is on every page, the list is not.
const NotificationList = lazy(async () => ({ default: (await import('./notification-list')).NotificationList }));

function BellIcon() {
  return (
    <svg className="bell-icon" viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" focusable="false">
      <path
        d="M12 3a6 6 0 0 0-6 6v3.6L4.3 15.4A1 1 0 0 0 5.2 17h13.6a1 1 0 0 0 .9-1.6L18 12.6V9a6 6 0 0 0-6-6Zm-2.2 15.5a2.3 2.3 0 0 0 4.4 0Z"
        fill="currentColor"
      />
    </svg>
  );
}

/**
 * The bell in the signed-in header: the unread count, and a panel with the list that opens below
 * it (a disclosure, not a modal, so the quick exit stays in reach and in its place).
 */
export function NotificationBell() {
  const { t } = useTranslation();
  const panelId = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const [open, setOpen] = useState(false);
  const notifications = useNotifications(useRecentlyActive());
  const unread = notifications.data?.pages[0]?.unread ?? 0;
  const countText = unread > 99 ? '99+' : String(unread);

  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setOpen(false);
      buttonRef.current?.focus();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [open]);

  return (
    <>
      {/* A native button: the panel hands focus back to it by ref when it closes. */}
      <button
        ref={buttonRef}
        type="button"
        className="button button-quiet notification-bell"
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        aria-label={
          unread > 0 ? t('scheduling.notifications.bellUnread', { count: unread }) : t('scheduling.notifications.bell')
        }
        onClick={() => setOpen((value) => !value)}
      >
        <BellIcon />
        {unread > 0 ? <span className="bell-count">{countText}</span> : null}
      </button>
      {open ? (
        <div id={panelId} className="notification-panel" role="region" aria-label={t('scheduling.notifications.title')}>
          <Suspense fallback={<Loading label={t('app.loading')} />}>
            <NotificationList
              query={notifications}
              onClose={() => {
                setOpen(false);
                buttonRef.current?.focus();
              }}
            />
          </Suspense>
        </div>
      ) : null}
    </>
  );
}
