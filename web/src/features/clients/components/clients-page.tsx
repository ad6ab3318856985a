import { useTranslation } from 'react-i18next';
import { CaseList } from './case-list';
import { OpenCaseForm } from './open-case-form';
import '../clients.css';

/** "My clients": the cases that need attention first, and opening a new one. */
export function ClientsPage({ onOpened }: { onOpened: (clientId: string) => void }) {
  const { t } = useTranslation();
  return (
    <div className="page">
      <h1>{t('clients.title')}</h1>
      <p className="lead">{t('clients.intro')}</p>
      <CaseList />
      <OpenCaseForm onOpened={onOpened} />
    </div>
  );
}
