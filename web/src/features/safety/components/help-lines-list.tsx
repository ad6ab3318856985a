import { useTranslation } from 'react-i18next';
import type { HelpLine } from '@tryg/shared';
import { Loading } from '../../../components/ui/loading';
import { Notice } from '../../../components/ui/notice';
import { currentLocale } from '../../../lib/i18n/i18n';
import { useHelpLines } from '../api/get-help-lines';
import { localHelpLines, telHref } from '../safety-rules';

/** Help lines as a list of phone links (a tap calls on a phone); the numbers come from the server only. */
export function HelpLinesList({ lines }: { lines: readonly HelpLine[] }) {
  const { t } = useTranslation();
  return (
    <ul className="help-lines" aria-label={t('moderation.member.helpLinesLabel')}>
      {lines.map((line) => (
        <li key={`${line.number}:${line.name}`} className="help-line">
          <p className="help-line-name">{line.name}</p>
          <p>
            <a className="help-line-number" href={telHref(line.number)}>
              {t('moderation.member.call', { number: line.number })}
            </a>
          </p>
          {line.hours ? <p className="muted">{line.hours}</p> : null}
          {line.description ? <p>{line.description}</p> : null}
        </li>
      ))}
    </ul>
  );
}

/** The administrator's help lines, fetched when shown. */
export function HelpLinesFromServer() {
  const { t } = useTranslation();
  const lines = useHelpLines();
  if (lines.isPending) return <Loading label={t('app.loading')} />;
  if (lines.isError) return <Notice tone="error">{t('moderation.member.helpLinesFailed')}</Notice>;
  return <HelpLinesList lines={localHelpLines(lines.data.items, currentLocale())} />;
}
