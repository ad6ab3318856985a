import { useTranslation } from 'react-i18next';
import { hasPermission, type Permission, type Role } from '@tryg/shared';
import type { Translation } from '../../../lib/i18n/i18n';
import { Panel } from '../../../components/ui/panel';

type CapabilityKey = keyof Translation['home']['capabilities'];

/** What each permission lets a person do, in their words; shown only for the permissions their role holds. */
const CAPABILITIES: readonly { permission: Permission; key: CapabilityKey }[] = [
  { permission: 'group.join', key: 'groupJoin' },
  { permission: 'incident-log.keep', key: 'incidentLog' },
  { permission: 'referral.issue', key: 'referralIssue' },
  { permission: 'referral.read-own', key: 'referralRead' },
  { permission: 'client.keep', key: 'clientKeep' },
  { permission: 'group.moderate', key: 'groupModerate' },
  { permission: 'meeting.schedule', key: 'meetingSchedule' },
  { permission: 'staff.manage', key: 'staffManage' },
  { permission: 'audit.read', key: 'auditRead' },
  { permission: 'group.create', key: 'groupCreate' },
  { permission: 'account.self', key: 'accountSelf' },
];

export function CapabilityList({ role }: { role: Role }) {
  const { t } = useTranslation();
  return (
    <Panel title={t('home.canTitle')}>
      <ul className="capabilities">
        {CAPABILITIES.filter(({ permission }) => hasPermission(role, permission)).map(({ key }) => (
          <li key={key}>{t(`home.capabilities.${key}`)}</li>
        ))}
      </ul>
    </Panel>
  );
}
