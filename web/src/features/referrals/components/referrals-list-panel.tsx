import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { REFERRAL_STATUSES, type ReferralStatus } from '@tryg/shared';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog';
import { Loading } from '../../../components/ui/loading';
import { Notice } from '../../../components/ui/notice';
import { Panel } from '../../../components/ui/panel';
import { SelectField } from '../../../components/ui/select-field';
import { formatDateTime } from '../../../lib/format';
import { currentLocale } from '../../../lib/i18n/i18n';
import { errorMessage } from '../../../lib/i18n/error-message';
import { useGroups } from '../api/list-groups';
import { useReferrals, type OwnReferral } from '../api/list-referrals';
import { useRevokeReferral } from '../api/revoke-referral';
import { canRevoke } from '../referral-form';
import './care-nudge.css';
import { ALL_REFERRALS, filterReferrals, type ReferralFilters } from '../referral-filters';

function ReferralItem({
  referral,
  groupName,
  onRevoke,
  busy,
}: {
  referral: OwnReferral;
  groupName: string | null;
  onRevoke: () => void;
  busy: boolean;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <li className={referral.keepApartMatch ? 'item item-attention' : referral.care ? 'item item-care' : 'item'}>
      {referral.care ? (
        <p className="care-mark">
          <strong>{t('referralJourney.referrals.care.mark')}</strong>{' '}
          {t('referralJourney.referrals.care.text', {
            count: referral.care.missedInARow,
            date: formatDateTime(referral.care.since, locale),
          })}
        </p>
      ) : null}
      {referral.keepApartMatch ? (
        <p className="attention-mark">
          <strong>{t('referralJourney.referrals.attention.mark')}</strong>{' '}
          {t('referralJourney.referrals.attention.text')}
        </p>
      ) : null}
      {/* The coordinator's own reference or label names it; without one, when it was made. */}
      <p className="item-title" dir="auto">
        {referral.clientReference ??
          t('referralJourney.referrals.list.untitled', { date: formatDateTime(referral.createdAt, locale) })}
      </p>
      <dl className="facts">
        <div>
          <dt>{t('referralJourney.referrals.list.group')}</dt>
          <dd>{groupName ?? t('referralJourney.referrals.unknownGroup')}</dd>
        </div>
        <div>
          <dt>{t('referralJourney.referrals.list.status')}</dt>
          <dd>{t(`referralJourney.referrals.status.${referral.status}`)}</dd>
        </div>
        <div>
          <dt>{t('referralJourney.referrals.list.created')}</dt>
          <dd>{formatDateTime(referral.createdAt, locale)}</dd>
        </div>
        {referral.status === 'issued' ? (
          <div>
            <dt>{t('referralJourney.referrals.list.expires')}</dt>
            <dd>{formatDateTime(referral.expiresAt, locale)}</dd>
          </div>
        ) : null}
      </dl>
      {canRevoke(referral.status) ? (
        <ConfirmDialog
          triggerLabel={t('referralJourney.referrals.revoke.trigger')}
          title={t('referralJourney.referrals.revoke.title')}
          text={t('referralJourney.referrals.revoke.text')}
          confirmLabel={t('referralJourney.referrals.revoke.confirm')}
          cancelLabel={t('common.cancel')}
          isDisabled={busy}
          onConfirm={onRevoke}
        />
      ) : null}
    </li>
  );
}

function ReferralFilterForm({
  filters,
  groups,
  onChange,
}: {
  filters: ReferralFilters;
  groups: readonly { id: string; name: string }[];
  onChange: (filters: ReferralFilters) => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="referral-filters" role="search" aria-label={t('referralJourney.referrals.filters.title')}>
      <SelectField
        label={t('referralJourney.referrals.filters.status')}
        name="status"
        value={filters.status}
        placeholder={t('referralJourney.referrals.filters.all')}
        options={REFERRAL_STATUSES.map((status) => ({
          value: status,
          label: t(`referralJourney.referrals.status.${status}`),
        }))}
        onChange={(status) => onChange({ ...filters, status: status as ReferralStatus | '' })}
      />
      <SelectField
        label={t('referralJourney.referrals.filters.group')}
        name="groupId"
        value={filters.groupId}
        placeholder={t('referralJourney.referrals.filters.allGroups')}
        options={groups.map((group) => ({ value: group.id, label: group.name }))}
        onChange={(groupId) => onChange({ ...filters, groupId })}
      />
    </div>
  );
}

/** The coordinator's own referrals with their status in plain words; never the pseudonym, never chat. */
export function ReferralsListPanel() {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<ReferralFilters>(ALL_REFERRALS);
  const referrals = useReferrals();
  const groups = useGroups();
  const revoke = useRevokeReferral();
  const names = new Map((groups.data?.items ?? []).map((group) => [group.id, group.name]));
  const all = referrals.data?.items ?? [];
  const items = filterReferrals(all, filters);
  const attention = all.filter((item) => item.keepApartMatch).length;
  const missing = all.filter((item) => item.care).length;
  return (
    <Panel title={t('referralJourney.referrals.listTitle')}>
      {referrals.isPending ? <Loading label={t('app.loading')} /> : null}
      {referrals.isError ? <Notice tone="error">{errorMessage(t, referrals.error)}</Notice> : null}
      {revoke.isError ? <Notice tone="error">{errorMessage(t, revoke.error)}</Notice> : null}
      {revoke.isSuccess ? <Notice tone="success">{t('referralJourney.referrals.revoke.done')}</Notice> : null}
      {attention > 0 ? (
        <p className="attention-summary">{t('referralJourney.referrals.attention.summary', { count: attention })}</p>
      ) : null}
      {missing > 0 ? (
        <p className="care-summary">{t('referralJourney.referrals.care.summary', { count: missing })}</p>
      ) : null}
      {all.length > 0 ? (
        <ReferralFilterForm filters={filters} groups={groups.data?.items ?? []} onChange={setFilters} />
      ) : null}
      {all.length > 0 ? (
        <p role="status">{t('referralJourney.referrals.filters.shown', { shown: items.length, count: all.length })}</p>
      ) : null}
      {referrals.isSuccess && all.length === 0 ? <p>{t('referralJourney.referrals.list.empty')}</p> : null}
      {items.length > 0 ? (
        <ul className="item-list" aria-label={t('referralJourney.referrals.listTitle')}>
          {items.map((referral) => (
            <ReferralItem
              key={referral.id}
              referral={referral}
              groupName={names.get(referral.groupId) ?? null}
              busy={revoke.isPending}
              onRevoke={() => revoke.mutate(referral.id)}
            />
          ))}
        </ul>
      ) : null}
    </Panel>
  );
}
