import { useId } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { HelpLinesFromServer } from './help-lines-list';

/**
 * What a member sees once a facilitator took them out of the group (removed or banned): the
 * conversation is gone from the screen, and plain words say what happened and where help is.
 */
export function RemovedFromGroup({ kind, homePath }: { kind: 'removed' | 'banned'; homePath: string }) {
  const { t } = useTranslation();
  const titleId = useId();
  return (
    <section className="removed-from-group" aria-labelledby={titleId}>
      <h2 id={titleId}>{t('moderation.member.removedTitle')}</h2>
      <p>{kind === 'banned' ? t('moderation.member.bannedText') : t('moderation.member.removedText')}</p>
      <p>{t('moderation.member.removedHelp')}</p>
      <HelpLinesFromServer />
      <p>
        <Link to={homePath}>{t('moderation.member.removedHome')}</Link>
      </p>
    </section>
  );
}
