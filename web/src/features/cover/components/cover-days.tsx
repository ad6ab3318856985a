import type { ReactNode } from 'react';
import type { CoverItem } from '@tryg/shared';
import { currentLocale } from '../../../lib/i18n/i18n';
import { formatDay, fromLocalDateTime } from '../../../lib/zoned-time';
import type { CoverDay } from '../cover-week';
import './cover.css';

export interface CoverDaysProps {
  days: CoverDay[];
  timeZone: string;
  now: Date;
  /** Names the list for screen readers (e.g. "Meetings without a facilitator"). */
  label: string;
  card: (item: CoverItem) => ReactNode;
}

/** A week as days (a heading each) with their meetings: one column, so it reads the same on a phone. */
export function CoverDays({ days, timeZone, now, label, card }: CoverDaysProps) {
  const locale = currentLocale();
  return (
    <div aria-label={label} role="group">
      {days.map((day) => (
        <section key={day.date} className="cover-day">
          <h3>{formatDay(fromLocalDateTime(day.date, '12:00', timeZone), locale, timeZone, now)}</h3>
          <ul className="meeting-list">{day.items.map(card)}</ul>
        </section>
      ))}
    </div>
  );
}
