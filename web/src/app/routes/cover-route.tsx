import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hasPermission } from '@tryg/shared';
import { CoverGapsPanel } from '../../features/cover/components/cover-gaps-panel';
import { MyCoverPanel } from '../../features/cover/components/my-cover-panel';
import { WeekSwitcher } from '../../features/cover/components/week-switcher';
import { weekStart } from '../../features/cover/cover-week';
import { useNow } from '../../lib/use-now';
import { deviceTimeZone } from '../../lib/zoned-time';
import { NotFoundRoute } from './not-found-route';
import { useSignedIn } from './signed-in-layout';

/** A facilitator's week: the meetings nobody covers yet (to take) and the ones they have taken. */
export function CoverRoute() {
  const { t } = useTranslation();
  const { account } = useSignedIn();
  const now = useNow();
  const [offset, setOffset] = useState(0);
  if (!hasPermission(account.role, 'meeting.cover')) return <NotFoundRoute />;
  const timeZone = deviceTimeZone();
  const monday = weekStart(now, timeZone, offset);
  return (
    <div className="page">
      <h1>{t('cover.page.title')}</h1>
      <p className="lead">{t('cover.page.intro')}</p>
      <WeekSwitcher monday={monday} offset={offset} timeZone={timeZone} now={now} onChange={setOffset} />
      <CoverGapsPanel monday={monday} timeZone={timeZone} now={now} canTake />
      <MyCoverPanel monday={monday} timeZone={timeZone} now={now} />
    </div>
  );
}
