import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { LoginForm } from '../../features/auth/components/login-form';

export function LoginRoute() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <div className="page page-narrow">
      <h1>{t('login.title')}</h1>
      <p>{t('login.intro')}</p>
      <LoginForm onSignedIn={() => void navigate('/', { replace: true })} />
      <p className="aside">
        {t('login.forgot')} <Link to="/recover">{t('login.useRecoveryCode')}</Link>
      </p>
    </div>
  );
}
