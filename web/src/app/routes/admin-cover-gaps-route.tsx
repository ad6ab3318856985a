import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hasPermission } from '@tryg/shared';
import { CoverGapsPanel } from '../../features/cover/components/cover-gaps-panel';
import { WeekSwitcher } from '../../features/cover/components/week-switcher';
import { weekStart } from '../../features/cover/cover-week';
import { useNow } from '../../lib/use-now';
import { deviceTimeZone } from '../../lib/zoned-time';
import { NotFoundRoute } from './not-found-route';
import { useSignedIn } from './signed-in-layout';

/** Admin: every group's meetings that no facilitator has taken, week by week. */
export function AdminCoverGapsRoute() {
  const { t } = useTranslation();
  const { account } = useSignedIn();
  const now = useNow();
  const [offset, setOffset] = useState(0);
  // Facilitators see their gaps on their own cover page, where they can take them.
  if (!hasPermission(account.role, 'cover-gaps.read') || hasPermission(account.role, 'meeting.cover'))
    return <NotFoundRoute />;
  const timeZone = deviceTimeZone();
  const monday = weekStart(now, timeZone, offset);
  return (
    <div className="page">
      <h1>{t('cover.admin.title')}</h1>
      <p className="lead">{t('cover.admin.intro')}</p>
      <WeekSwitcher monday={monday} offset={offset} timeZone={timeZone} now={now} onChange={setOffset} />
      <CoverGapsPanel monday={monday} timeZone={timeZone} now={now} canTake={false} />
    </div>
  );
}
