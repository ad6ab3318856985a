import { useTranslation } from 'react-i18next';
import type { ClientCase } from '@tryg/shared';

/** What a case needs now, in words (colour only repeats them). Nothing when it needs nothing. */
export function AttentionMarks({ client }: { client: ClientCase }) {
  const { t } = useTranslation();
  const marks = [
    client.overdueTasks > 0 ? t('clients.attention.overdue', { count: client.overdueTasks }) : null,
    client.rescreenDue ? t('clients.attention.rescreen') : null,
    client.reviewDue ? t('clients.attention.review') : null,
  ].filter((mark): mark is string => mark !== null);
  if (marks.length === 0) return null;
  return (
    <ul className="case-attention">
      {marks.map((mark) => (
        <li key={mark}>{mark}</li>
      ))}
    </ul>
  );
}
