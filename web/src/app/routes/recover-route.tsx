import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { RecoverForm } from '../../features/auth/components/recover-form';

export function RecoverRoute() {
  const { t } = useTranslation();
  return (
    <div className="page page-narrow">
      <h1>{t('recover.title')}</h1>
      <p>{t('recover.intro')}</p>
      <RecoverForm />
      <p className="aside">
        <Link to="/login">{t('recover.backToLogin')}</Link>
      </p>
    </div>
  );
}
