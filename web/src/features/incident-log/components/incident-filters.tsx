import { useTranslation } from 'react-i18next';
import { INCIDENT_CONTACT_TYPES } from '@tryg/shared';
import { Button } from '../../../components/ui/button';
import { isFiltered, NO_FILTERS, type FilterValues } from '../lib/list-filters';
import { CheckboxField, SelectField } from './form-fields';
import { DateField } from '../../../components/ui/date-time-fields';

/** Narrow the list by type of contact, dates (Danish time) and key examples; applied as they change. */
export function IncidentFilters({
  filters,
  onChange,
  rangeInvalid,
}: {
  filters: FilterValues;
  onChange: (filters: FilterValues) => void;
  rangeInvalid: boolean;
}) {
  const { t } = useTranslation();
  const update = (change: Partial<FilterValues>) => onChange({ ...filters, ...change });
  return (
    <details className="log-filters" open={isFiltered(filters) || undefined}>
      <summary>{t('incidentLog.filters.title')}</summary>
      <div className="log-filters-body">
        <SelectField
          label={t('incidentLog.filters.contactType')}
          name="filterContactType"
          value={filters.contactType}
          onChange={(contactType) => update({ contactType })}
          options={INCIDENT_CONTACT_TYPES.map((type) => ({
            value: type,
            label: t(`incidentLog.contactTypes.${type}`),
          }))}
          emptyLabel={t('incidentLog.filters.allTypes')}
        />
        <div className="log-row">
          <DateField
            label={t('incidentLog.filters.from')}
            name="filterFrom"
            value={filters.from}
            onChange={(from) => update({ from })}
          />
          <DateField
            label={t('incidentLog.filters.to')}
            name="filterTo"
            value={filters.to}
            onChange={(to) => update({ to })}
            error={rangeInvalid ? t('incidentLog.filters.rangeInvalid') : null}
          />
        </div>
        <CheckboxField
          label={t('incidentLog.filters.keyOnly')}
          name="filterKeyOnly"
          checked={filters.keyOnly}
          onChange={(keyOnly) => update({ keyOnly })}
        />
        {isFiltered(filters) ? (
          <Button variant="secondary" onPress={() => onChange(NO_FILTERS)}>
            {t('incidentLog.filters.reset')}
          </Button>
        ) : null}
      </div>
    </details>
  );
}
