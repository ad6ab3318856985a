import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { currentLocale } from '../../../lib/i18n/i18n';
import { addDays, formatDay, fromLocalDateTime } from '../../../lib/zoned-time';
import { MAX_WEEK_OFFSET } from '../cover-week';
import './cover.css';

export interface WeekSwitcherProps {
  /** Monday of the shown week, `YYYY-MM-DD`. */
  monday: string;
  offset: number;
  timeZone: string;
  now: Date;
  onChange: (offset: number) => void;
}

/** Previous / next week, with the shown week's dates announced when they change. */
export function WeekSwitcher({ monday, offset, timeZone, now, onChange }: WeekSwitcherProps) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const day = (date: string) => formatDay(fromLocalDateTime(date, '12:00', timeZone), locale, timeZone, now);
  const range = t('cover.week.range', { from: day(monday), to: day(addDays(monday, 6)) });
  return (
    <div className="week-switcher">
      <Button variant="secondary" isDisabled={offset <= 0} onPress={() => onChange(offset - 1)}>
        {t('cover.week.previous')}
      </Button>
      <p className="week-switcher-label" aria-live="polite">
        {offset === 0 ? t('cover.week.thisWeekRange', { range }) : range}
      </p>
      <Button variant="secondary" isDisabled={offset >= MAX_WEEK_OFFSET} onPress={() => onChange(offset + 1)}>
        {t('cover.week.next')}
      </Button>
    </div>
  );
}
