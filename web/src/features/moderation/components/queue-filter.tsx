import { useTranslation } from 'react-i18next';
import type { QueueFilter } from '@tryg/shared';
import { CheckboxField } from '../../../components/ui/checkbox-field';

/** "Also show what has been handled": queues show open items unless asked for all. */
export function QueueFilterField({
  name,
  value,
  onChange,
}: {
  name: string;
  value: QueueFilter;
  onChange: (value: QueueFilter) => void;
}) {
  const { t } = useTranslation();
  return (
    <CheckboxField
      label={t('moderation.queue.showHandled')}
      name={name}
      checked={value === 'all'}
      onChange={(checked) => onChange(checked ? 'all' : 'open')}
    />
  );
}
