import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { DateField } from '../../../components/ui/date-time-fields';
import { Loading } from '../../../components/ui/loading';
import { Notice } from '../../../components/ui/notice';
import { Panel } from '../../../components/ui/panel';
import { SelectField } from '../../../components/ui/select-field';
import { formatDateTime } from '../../../lib/format';
import { currentLocale, i18n, type Translation } from '../../../lib/i18n/i18n';
import { errorMessage } from '../../../lib/i18n/error-message';
import { useVisibleGroups } from '../../../lib/visible-groups';
import { NO_AUDIT_FILTERS, useAudit, type AuditFilters } from '../api/list-audit';
import { useStaff } from '../api/list-staff';
import { actorOf, AUDIT_TYPES, auditTypeKey, subjectOf, type AuditParty } from './audit-words';

/** The audit types the loaded language has words for. */
function knownAuditTypes(): object {
  return (i18n.getResourceBundle(currentLocale(), 'translation') as Translation | undefined)?.audit.types ?? {};
}

function usePartyText(): (party: AuditParty) => string {
  const { t } = useTranslation();
  return (party) => {
    switch (party.kind) {
      case 'staff':
        return party.name === party.login ? party.name : t('audit.staffName', { name: party.name, login: party.login });
      case 'group':
        return t('audit.group', { name: party.name });
      case 'system':
        return t('audit.system');
      case 'self':
        return t('audit.self');
      case 'participant':
        return t('audit.participant');
      case 'none':
        return t('audit.none');
      case 'not-shown':
        return t('audit.notShown');
    }
  };
}

function AuditFilterForm({ filters, onChange }: { filters: AuditFilters; onChange: (filters: AuditFilters) => void }) {
  const { t } = useTranslation();
  const options = AUDIT_TYPES.map((type) => {
    const key = auditTypeKey(type, knownAuditTypes());
    return { value: type, label: key ? t(`audit.types.${key}`) : type };
  });
  return (
    <div className="audit-filters" role="search" aria-label={t('audit.filterTitle')}>
      <SelectField
        label={t('audit.filterType')}
        name="type"
        value={filters.type}
        options={options}
        placeholder={t('audit.filterAllTypes')}
        onChange={(type) => onChange({ ...filters, type })}
      />
      <div className="audit-filter-days">
        <DateField
          label={t('audit.filterFrom')}
          name="from"
          value={filters.from}
          onChange={(from) => onChange({ ...filters, from })}
        />
        <DateField
          label={t('audit.filterTo')}
          name="to"
          value={filters.to}
          onChange={(to) => onChange({ ...filters, to })}
        />
      </div>
      {filters.type || filters.from || filters.to ? (
        <Button variant="secondary" onPress={() => onChange(NO_AUDIT_FILTERS)}>
          {t('audit.filterClear')}
        </Button>
      ) : null}
    </div>
  );
}

/**
 * The security history in words: what happened, who did it (staff by name, "a participant", "Tryg
 * itself") and what it concerns — never a raw key or an id — with filters by kind and by day.
 */
export function AuditPanel() {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<AuditFilters>(NO_AUDIT_FILTERS);
  const audit = useAudit(filters);
  const staff = useStaff();
  const groups = useVisibleGroups();
  const partyText = usePartyText();
  const locale = currentLocale();
  const staffById = new Map((staff.data?.items ?? []).map((person) => [person.id, person]));
  const groupsById = new Map((groups.data?.items ?? []).map((group) => [group.id, group]));
  const items = audit.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <>
      <AuditFilterForm filters={filters} onChange={setFilters} />
      <Panel title={t('audit.listLabel')}>
        {audit.isPending ? <Loading label={t('app.loading')} /> : null}
        {audit.isError ? <Notice tone="error">{errorMessage(t, audit.error)}</Notice> : null}
        {audit.isSuccess && items.length === 0 ? <p>{t('audit.empty')}</p> : null}
        {items.length > 0 ? (
          <ul className="item-list audit-list">
            {items.map((item) => {
              const typeKey = auditTypeKey(item.type, knownAuditTypes());
              return (
                <li key={item.id} className="item">
                  <p className="item-title">{typeKey ? t(`audit.types.${typeKey}`) : t('audit.unknownType')}</p>
                  <dl className="facts">
                    <div>
                      <dt>{t('audit.when')}</dt>
                      <dd>{formatDateTime(item.createdAt, locale)}</dd>
                    </div>
                    <div>
                      <dt>{t('audit.actor')}</dt>
                      <dd>{partyText(actorOf(item, staffById))}</dd>
                    </div>
                    <div>
                      <dt>{t('audit.subject')}</dt>
                      <dd>{partyText(subjectOf(item, staffById, groupsById))}</dd>
                    </div>
                  </dl>
                </li>
              );
            })}
          </ul>
        ) : null}
        {audit.hasNextPage ? (
          <Button variant="secondary" isBusy={audit.isFetchingNextPage} onPress={() => void audit.fetchNextPage()}>
            {audit.isFetchingNextPage ? t('audit.loadingMore') : t('audit.more')}
          </Button>
        ) : null}
      </Panel>
    </>
  );
}
