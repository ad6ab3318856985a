import { Link, useParams, useSearchParams } from 'react-router';
import { Tab, TabList, TabPanel, Tabs, type Key } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { hasPermission } from '@tryg/shared';
import { Notice } from '../../components/ui/notice';
import { useGroup } from '../../features/moderation/api/get-group';
import { useSummary } from '../../features/moderation/api/get-summary';
import { GroupWatchedWordsPanel } from '../../features/moderation/components/group-watched-words-panel';
import { HeldMessagesPanel } from '../../features/moderation/components/held-messages-panel';
import { ModerationMembersPanel } from '../../features/moderation/components/members-panel';
import { ModerationLogPanel } from '../../features/moderation/components/moderation-log-panel';
import { MutesPanel } from '../../features/moderation/components/mutes-panel';
import { ReportsPanel } from '../../features/moderation/components/reports-panel';
import { RoomControlsPanel } from '../../features/moderation/components/room-controls-panel';
import { SafetyAlertsPanel } from '../../features/moderation/components/safety-alerts-panel';
import { errorMessage } from '../../lib/i18n/error-message';
import { pathTo } from '../pages';
import { NotFoundRoute } from './not-found-route';
import { useSignedIn } from './signed-in-layout';
import '../../components/ui/tabs.css';

const TABS = ['queue', 'members', 'room', 'log'] as const;
type DeskTab = (typeof TABS)[number];

function isDeskTab(value: unknown): value is DeskTab {
  return (TABS as readonly unknown[]).includes(value);
}

/**
 * The desk in four tabs instead of one long page: what waits (safety, reports, held messages), the
 * members, the room's settings, and the log. The tab is kept in the address (`?tab=`), so Back and
 * a link can open one directly.
 */
function ModerationDesk({ groupId }: { groupId: string }) {
  const { t } = useTranslation();
  const group = useGroup(groupId);
  const summary = useSummary(groupId);
  const [params, setParams] = useSearchParams();
  const requested = params.get('tab');
  const tab: DeskTab = isDeskTab(requested) ? requested : 'queue';
  const timeZone = group.data?.timezone;
  const waiting = summary.data
    ? summary.data.openSafetyAlerts + summary.data.openReports + summary.data.heldMessages
    : 0;
  const select = (key: Key) => {
    if (isDeskTab(key)) setParams(key === 'queue' ? {} : { tab: key }, { replace: true });
  };
  return (
    <div className="page moderation-desk">
      <h1>{t('moderation.desk.title')}</h1>
      {group.data ? <p className="lead">{t('moderation.desk.groupLead', { name: group.data.name })}</p> : null}
      {group.isError ? <Notice tone="error">{errorMessage(t, group.error)}</Notice> : null}
      {group.isError ? null : (
        <>
          <p>
            <Link to={pathTo('room', { groupId })}>{t('moderation.desk.toRoom')}</Link>
          </p>
          <Tabs selectedKey={tab} onSelectionChange={select} className="tabs">
            <TabList aria-label={t('moderation.desk.tabsLabel')} className="tab-list">
              <Tab id="queue" className="tab">
                {waiting > 0
                  ? t('moderation.desk.tabs.queueCount', { count: waiting })
                  : t('moderation.desk.tabs.queue')}
              </Tab>
              <Tab id="members" className="tab">
                {t('moderation.desk.tabs.members')}
              </Tab>
              <Tab id="room" className="tab">
                {t('moderation.desk.tabs.room')}
              </Tab>
              <Tab id="log" className="tab">
                {t('moderation.desk.tabs.log')}
              </Tab>
            </TabList>
            <TabPanel id="queue" className="tab-panel">
              <p className="muted">{t('moderation.desk.refreshNote')}</p>
              <SafetyAlertsPanel groupId={groupId} timeZone={timeZone} />
              <ReportsPanel groupId={groupId} timeZone={timeZone} />
              <HeldMessagesPanel groupId={groupId} timeZone={timeZone} />
            </TabPanel>
            <TabPanel id="members" className="tab-panel">
              <MutesPanel groupId={groupId} timeZone={timeZone} />
              <ModerationMembersPanel groupId={groupId} timeZone={timeZone} />
            </TabPanel>
            <TabPanel id="room" className="tab-panel">
              <RoomControlsPanel groupId={groupId} />
              <GroupWatchedWordsPanel groupId={groupId} />
            </TabPanel>
            <TabPanel id="log" className="tab-panel">
              <ModerationLogPanel groupId={groupId} timeZone={timeZone} />
            </TabPanel>
          </Tabs>
        </>
      )}
    </div>
  );
}

/** `/groups/:groupId/moderation`: a group's moderation desk, for its facilitators. */
export function ModerationRoute() {
  const { account } = useSignedIn();
  const { groupId = '' } = useParams();
  if (!hasPermission(account.role, 'group.moderate')) return <NotFoundRoute />;
  return <ModerationDesk key={groupId} groupId={groupId} />;
}
