import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CoverItem } from '@tryg/shared';
import { currentLocale } from '../../../lib/i18n/i18n';
import { formatClock } from '../../../lib/zoned-time';
import { soonness } from '../cover-week';

/** One meeting in the week view: when (on its group's clock), which group, how soon; actions below. */
export function CoverCard({ item, children }: { item: CoverItem; children?: ReactNode }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { meeting } = item;
  const from = formatClock(meeting.startsAt, locale, item.timezone);
  const to = formatClock(meeting.endsAt, locale, item.timezone);
  const soon = soonness(item);
  return (
    <li className="meeting-card">
      <p className="meeting-when">
        <strong>{t('cover.card.time', { from, to })}</strong>
        {meeting.covered ? null : <span className="badge cover-gap-mark">{t('cover.card.noFacilitator')}</span>}
      </p>
      <p className="meeting-what">
        <span>{item.groupName}</span>
        {meeting.title ? <span className="muted">{meeting.title}</span> : null}
        {meeting.scheduleId ? <span className="muted">{t('cover.card.series')}</span> : null}
      </p>
      <p className="muted">
        {soon.kind === 'in-progress'
          ? t('cover.card.inProgress')
          : soon.kind === 'soon'
            ? t('cover.card.soon')
            : t('cover.card.inHours', { count: soon.hours })}
      </p>
      {children ? <div className="actions actions-start">{children}</div> : null}
    </li>
  );
}
