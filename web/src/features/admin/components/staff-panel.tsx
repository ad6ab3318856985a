import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../../components/ui/loading';
import { Notice } from '../../../components/ui/notice';
import { Panel } from '../../../components/ui/panel';
import { formatDateTime } from '../../../lib/format';
import { currentLocale } from '../../../lib/i18n/i18n';
import { errorMessage } from '../../../lib/i18n/error-message';
import { useStaff } from '../api/list-staff';
import { CreateStaffForm } from './create-staff-form';
import { StaffAccessDialog } from './staff-access-dialog';

/** Staff accounts, turning one off or on again, and a new one. `myAccountId`: the admin's own (never turned off here). */
export function StaffPanel({ myAccountId }: { myAccountId: string }) {
  const { t } = useTranslation();
  const staff = useStaff();
  const [done, setDone] = useState<'disabled' | 'enabled' | null>(null);
  const locale = currentLocale();
  const items = staff.data?.items ?? [];
  return (
    <Panel title={t('staff.listTitle')}>
      {staff.isPending ? <Loading label={t('app.loading')} /> : null}
      {staff.isError ? <Notice tone="error">{errorMessage(t, staff.error)}</Notice> : null}
      {staff.isSuccess && items.length === 0 ? <p>{t('staff.empty')}</p> : null}
      <div role="status">{done ? <p className="notice notice-success">{t(`staff.done.${done}`)}</p> : null}</div>
      {items.length > 0 ? (
        <div className="table-scroll" tabIndex={0} role="region" aria-label={t('staff.listLabel')}>
          <table>
            <caption className="visually-hidden">{t('staff.listLabel')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('staff.login')}</th>
                <th scope="col">{t('staff.displayName')}</th>
                <th scope="col">{t('staff.role')}</th>
                <th scope="col">{t('staff.status')}</th>
                <th scope="col">{t('staff.createdAt')}</th>
                <th scope="col">{t('staff.access')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <tr key={item.id}>
                  <td>
                    <code>{item.login}</code>
                  </td>
                  <td>{item.displayName ?? t('staff.noName')}</td>
                  <td>{t(`roles.${item.role}`)}</td>
                  <td>{item.disabled ? t('staff.disabled') : t('staff.active')}</td>
                  <td>{formatDateTime(item.createdAt, locale)}</td>
                  <td>
                    {item.id === myAccountId ? t('staff.you') : <StaffAccessDialog person={item} onDone={setDone} />}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <CreateStaffForm />
    </Panel>
  );
}
