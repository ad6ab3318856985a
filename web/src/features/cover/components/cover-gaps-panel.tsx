import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CoverItem } from '@tryg/shared';
import { Button } from '../../../components/ui/button';
import { Loading } from '../../../components/ui/loading';
import { Notice } from '../../../components/ui/notice';
import { Panel } from '../../../components/ui/panel';
import { errorMessage } from '../../../lib/i18n/error-message';
import { useChangeCover } from '../api/change-cover';
import { useCoverGaps } from '../api/list-cover-gaps';
import { daysOfWeek } from '../cover-week';
import { CoverCard } from './cover-card';
import { CoverDays } from './cover-days';

export interface CoverGapsPanelProps {
  monday: string;
  timeZone: string;
  now: Date;
  /** Facilitators take meetings here; an admin only sees them. */
  canTake: boolean;
}

/** The week's meetings nobody covers, day by day; a facilitator takes one (or the rest of its series). */
export function CoverGapsPanel({ monday, timeZone, now, canTake }: CoverGapsPanelProps) {
  const { t } = useTranslation();
  const gaps = useCoverGaps();
  const change = useChangeCover();
  const [taken, setTaken] = useState(false);
  const days = daysOfWeek(gaps.data?.items ?? [], monday);
  const count = days.reduce((sum, day) => sum + day.items.length, 0);
  const take = (item: CoverItem, scope: 'this' | 'following') => {
    setTaken(false);
    change.mutate(
      { meetingId: item.meeting.id, groupId: item.groupId, action: 'take', scope },
      { onSuccess: () => setTaken(true) },
    );
  };
  return (
    <Panel title={t('cover.gaps.title')}>
      <div role="status">{taken ? <p className="notice notice-success">{t('cover.done.taken')}</p> : null}</div>
      {change.isError ? <Notice tone="error">{errorMessage(t, change.error)}</Notice> : null}
      {gaps.isPending ? <Loading label={t('app.loading')} /> : null}
      {gaps.isError ? <Notice tone="error">{errorMessage(t, gaps.error)}</Notice> : null}
      {gaps.isSuccess && count === 0 ? <p>{t('cover.gaps.empty')}</p> : null}
      {count > 0 ? <p>{t('cover.gaps.count', { count })}</p> : null}
      <CoverDays
        days={days}
        timeZone={timeZone}
        now={now}
        label={t('cover.gaps.title')}
        card={(item) => (
          <CoverCard key={item.meeting.id} item={item}>
            {canTake ? (
              <>
                <Button isBusy={change.isPending} onPress={() => take(item, 'this')}>
                  {t('cover.card.take')}
                </Button>
                {item.meeting.scheduleId ? (
                  <Button variant="secondary" isBusy={change.isPending} onPress={() => take(item, 'following')}>
                    {t('cover.card.takeSeries')}
                  </Button>
                ) : null}
              </>
            ) : null}
          </CoverCard>
        )}
      />
    </Panel>
  );
}
