import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog';
import { Loading } from '../../../components/ui/loading';
import { Notice } from '../../../components/ui/notice';
import { Panel } from '../../../components/ui/panel';
import { errorMessage } from '../../../lib/i18n/error-message';
import { currentLocale } from '../../../lib/i18n/i18n';
import { formatMeetingTime } from '../../../lib/zoned-time';
import { useChangeCover } from '../api/change-cover';
import { useMyCover } from '../api/list-my-cover';
import { daysOfWeek } from '../cover-week';
import { CoverCard } from './cover-card';
import { CoverDays } from './cover-days';

/** The week's meetings I have taken, day by day; giving one back says what follows first. */
export function MyCoverPanel({ monday, timeZone, now }: { monday: string; timeZone: string; now: Date }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const mine = useMyCover();
  const change = useChangeCover();
  const [givenBack, setGivenBack] = useState(false);
  const days = daysOfWeek(mine.data?.items ?? [], monday);
  return (
    <Panel title={t('cover.mine.title')}>
      <div role="status">{givenBack ? <p className="notice notice-success">{t('cover.done.givenBack')}</p> : null}</div>
      {change.isError ? <Notice tone="error">{errorMessage(t, change.error)}</Notice> : null}
      {mine.isPending ? <Loading label={t('app.loading')} /> : null}
      {mine.isError ? <Notice tone="error">{errorMessage(t, mine.error)}</Notice> : null}
      {mine.isSuccess && days.length === 0 ? <p>{t('cover.mine.empty')}</p> : null}
      <CoverDays
        days={days}
        timeZone={timeZone}
        now={now}
        label={t('cover.mine.title')}
        card={(item) => (
          <CoverCard key={item.meeting.id} item={item}>
            <ConfirmDialog
              triggerLabel={t('cover.card.giveBack')}
              title={t('cover.card.giveBackTitle', {
                when: formatMeetingTime(item.meeting.startsAt, locale, item.timezone, now),
              })}
              text={t('cover.card.giveBackText')}
              confirmLabel={t('cover.card.giveBackConfirm')}
              cancelLabel={t('common.cancel')}
              triggerVariant="quiet"
              isDisabled={change.isPending}
              onConfirm={() => {
                setGivenBack(false);
                change.mutate(
                  { meetingId: item.meeting.id, groupId: item.groupId, action: 'give-back', scope: 'this' },
                  { onSuccess: () => setGivenBack(true) },
                );
              }}
            />
          </CoverCard>
        )}
      />
    </Panel>
  );
}
