import { useTranslation } from 'react-i18next';
import type { Role } from '@tryg/shared';
import { CapabilityList } from './capability-list';

/** The calm opening every home page shares: one heading, what this place is for, how to leave fast. */
export function Welcome({ role }: { role: Role }) {
  const { t } = useTranslation();
  return (
    <>
      <h1>{t('home.title')}</h1>
      <p className="lead">{t(`home.intro.${role}`)}</p>
      <p className="muted">{t('home.quickExitTip')}</p>
      <CapabilityList role={role} />
    </>
  );
}
