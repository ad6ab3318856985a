import { useTranslation } from 'react-i18next';
import type { Role } from '@tryg/shared';
import { CapabilityList } from './capability-list';

/** The calm opening every home page shares: one heading and what this place is for. */
export function Welcome({ role }: { role: Role }) {
  const { t } = useTranslation();
  return (
    <>
      <h1>{t('home.title')}</h1>
      <p className="lead">{t(`home.intro.${role}`)}</p>
    </>
  );
}

/** At the end of every home page: what the role can do here, and how to leave fast. */
export function AboutHere({ role }: { role: Role }) {
  const { t } = useTranslation();
  return (
    <>
      <CapabilityList role={role} />
      <p className="muted">{t('home.quickExitTip')}</p>
    </>
  );
}
