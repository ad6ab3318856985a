import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { Loading } from '../../../components/ui/loading';
import { Notice } from '../../../components/ui/notice';
import { Panel } from '../../../components/ui/panel';
import { formatDateTime } from '../../../lib/format';
import { currentLocale, i18n, type Translation } from '../../../lib/i18n/i18n';
import { errorMessage } from '../../../lib/i18n/error-message';
import { useAudit } from '../api/list-audit';

type AuditTypeKey = keyof Translation['audit']['types'];

/** `recovery-codes.created` → `recoveryCodesCreated`, the key of its translated name. */
export function auditTypeKey(type: string): AuditTypeKey | null {
  const key = type.replace(/[.-](\w)/g, (_match, letter: string) => letter.toUpperCase());
  return i18n.exists(`audit.types.${key}`) ? (key as AuditTypeKey) : null;
}

/** Ids are shortened: enough to tell entries apart, less to read aloud. */
function shortId(id: string): string {
  return id.slice(0, 8);
}

export function AuditPanel() {
  const { t } = useTranslation();
  const audit = useAudit();
  const locale = currentLocale();
  const items = audit.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <Panel title={t('audit.title')}>
      {audit.isPending ? <Loading label={t('app.loading')} /> : null}
      {audit.isError ? <Notice tone="error">{errorMessage(t, audit.error)}</Notice> : null}
      {audit.isSuccess && items.length === 0 ? <p>{t('audit.empty')}</p> : null}
      {items.length > 0 ? (
        <div className="table-scroll" tabIndex={0} role="region" aria-label={t('audit.listLabel')}>
          <table>
            <caption className="visually-hidden">{t('audit.listLabel')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('audit.when')}</th>
                <th scope="col">{t('audit.event')}</th>
                <th scope="col">{t('audit.actor')}</th>
                <th scope="col">{t('audit.subject')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => {
                const typeKey = auditTypeKey(item.type);
                return (
                  <tr key={item.id}>
                    <td>{formatDateTime(item.createdAt, locale)}</td>
                    <td>{typeKey ? t(`audit.types.${typeKey}`) : <code>{item.type}</code>}</td>
                    <td>{item.actorId ? <code>{shortId(item.actorId)}</code> : t('audit.none')}</td>
                    <td>{item.subjectId ? <code>{shortId(item.subjectId)}</code> : t('audit.none')}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : null}
      {audit.hasNextPage ? (
        <Button variant="secondary" isBusy={audit.isFetchingNextPage} onPress={() => void audit.fetchNextPage()}>
          {audit.isFetchingNextPage ? t('audit.loadingMore') : t('audit.more')}
        </Button>
      ) : null}
    </Panel>
  );
}
