import { useTranslation } from 'react-i18next';
import { Loading } from '../../../components/ui/loading';
import { Notice } from '../../../components/ui/notice';
import { Panel } from '../../../components/ui/panel';
import { errorMessage } from '../../../lib/i18n/error-message';
import { useAdminWatchedWords, useReplaceAdminWatchedWords } from '../api/admin-watched-words';
import { WatchedWordsEditor } from './watched-words-editor';

/** The words every group watches (each group's facilitators may add their own). */
export function AdminWatchedWordsPanel() {
  const { t } = useTranslation();
  const words = useAdminWatchedWords();
  const replace = useReplaceAdminWatchedWords();
  return (
    <Panel title={t('moderation.words.adminTitle')}>
      <p>{t('moderation.words.adminIntro')}</p>
      {words.isPending ? <Loading label={t('app.loading')} /> : null}
      {words.isError ? <Notice tone="error">{errorMessage(t, words.error)}</Notice> : null}
      {words.data ? (
        <WatchedWordsEditor
          words={words.data.words}
          onSave={(next) => replace.mutate(next)}
          isSaving={replace.isPending}
          error={replace.error}
          listLabel={t('moderation.words.adminListLabel')}
        />
      ) : null}
    </Panel>
  );
}
