import { useTranslation } from 'react-i18next';
import { Loading } from '../../../components/ui/loading';
import { Notice } from '../../../components/ui/notice';
import { Panel } from '../../../components/ui/panel';
import { errorMessage } from '../../../lib/i18n/error-message';
import { useGroupWatchedWords, useReplaceGroupWatchedWords } from '../api/group-watched-words';
import { WatchedWordsEditor } from './watched-words-editor';

/** The group's own watched words, added to the list the administrator keeps for every group. */
export function GroupWatchedWordsPanel({ groupId }: { groupId: string }) {
  const { t } = useTranslation();
  const words = useGroupWatchedWords(groupId);
  const replace = useReplaceGroupWatchedWords(groupId);
  const adminWords = words.data?.adminWords ?? [];
  return (
    <Panel title={t('moderation.words.groupTitle')}>
      <p>{t('moderation.words.groupIntro')}</p>
      {words.isPending ? <Loading label={t('app.loading')} /> : null}
      {words.isError ? <Notice tone="error">{errorMessage(t, words.error)}</Notice> : null}
      {words.data ? (
        <>
          <WatchedWordsEditor
            words={words.data.words}
            onSave={(next) => replace.mutate(next)}
            isSaving={replace.isPending}
            error={replace.error}
            listLabel={t('moderation.words.groupListLabel')}
          />
          <h3>{t('moderation.words.adminListTitle')}</h3>
          {adminWords.length === 0 ? (
            <p className="muted">{t('moderation.words.empty')}</p>
          ) : (
            <ul className="word-chips" aria-label={t('moderation.words.adminListTitle')}>
              {adminWords.map((word) => (
                <li key={`${word.pattern}:${word.action}`}>
                  <span dir="auto">{word.pattern}</span>
                  <span className="badge">{t(`moderation.words.action.${word.action}`)}</span>
                </li>
              ))}
            </ul>
          )}
        </>
      ) : null}
    </Panel>
  );
}
