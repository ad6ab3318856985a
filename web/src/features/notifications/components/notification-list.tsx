import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { Loading } from '../../../components/ui/loading';
import { Notice } from '../../../components/ui/notice';
import { formatDateTime } from '../../../lib/format';
import { currentLocale } from '../../../lib/i18n/i18n';
import { errorMessage } from '../../../lib/i18n/error-message';
import type { useNotifications } from '../api/list-notifications';
import { useMarkRead } from '../api/mark-read';

/** The notifications, newest first; the texts come from the server, already neutral and translated. */
export function NotificationList({
  query,
  onClose,
}: {
  query: ReturnType<typeof useNotifications>;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const markRead = useMarkRead();
  const items = query.data?.pages.flatMap((page) => page.items) ?? [];
  const unread = query.data?.pages[0]?.unread ?? 0;

  return (
    <div className="notification-list">
      {query.isPending ? <Loading label={t('app.loading')} /> : null}
      {query.isError ? <Notice tone="error">{errorMessage(t, query.error)}</Notice> : null}
      {markRead.isError ? <Notice tone="error">{errorMessage(t, markRead.error)}</Notice> : null}
      {query.isSuccess && items.length === 0 ? <p>{t('scheduling.notifications.empty')}</p> : null}
      {items.length > 0 ? (
        <ul aria-label={t('scheduling.notifications.listLabel')}>
          {items.map((item) => (
            <li key={item.id} className={item.readAt ? 'notification' : 'notification notification-unread'}>
              {item.readAt ? null : <span className="badge">{t('scheduling.notifications.new')}</span>}
              <p className="notification-text">{item.text}</p>
              <p className="muted notification-time">{formatDateTime(item.createdAt, locale)}</p>
              {item.readAt ? null : (
                <Button variant="quiet" isBusy={markRead.isPending} onPress={() => markRead.mutate({ ids: [item.id] })}>
                  {t('scheduling.notifications.markOne')}
                </Button>
              )}
            </li>
          ))}
        </ul>
      ) : null}
      <div className="actions actions-start">
        {query.hasNextPage ? (
          <Button variant="secondary" isBusy={query.isFetchingNextPage} onPress={() => void query.fetchNextPage()}>
            {t('scheduling.notifications.more')}
          </Button>
        ) : null}
        {unread > 0 ? (
          <Button variant="secondary" isBusy={markRead.isPending} onPress={() => markRead.mutate({})}>
            {t('scheduling.notifications.markAll')}
          </Button>
        ) : null}
        <Button variant="quiet" onPress={onClose}>
          {t('scheduling.notifications.close')}
        </Button>
      </div>
    </div>
  );
}
