import { useId, useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { MODERATION_LIMITS } from '@tryg/shared';
import { Button } from '../../../components/ui/button';
import { Loading } from '../../../components/ui/loading';
import { Notice } from '../../../components/ui/notice';
import { TextAreaField } from '../../../components/ui/text-area-field';
import { errorMessage } from '../../../lib/i18n/error-message';
import { useAddMemberNote } from '../api/add-member-note';
import { useMemberNotes } from '../api/list-member-notes';
import type { ActionTarget } from './member-actions';
import { When } from './moderation-fields';

/**
 * Private notes on a member. Opened on request only: every read of the notes is written to the
 * audit trail, so they are not fetched just because the list of members is on screen.
 */
export function MemberNotes({
  groupId,
  member,
  timeZone,
}: {
  groupId: string;
  member: ActionTarget;
  timeZone?: string;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const regionId = useId();
  return (
    <div className="member-notes">
      <Button
        variant="quiet"
        aria-expanded={open}
        aria-controls={regionId}
        aria-label={t(open ? 'moderation.notes.hideLabel' : 'moderation.notes.showLabel', { name: member.displayName })}
        onPress={() => setOpen(!open)}
      >
        {open ? t('moderation.notes.hide') : t('moderation.notes.show')}
      </Button>
      <div id={regionId} hidden={!open}>
        {open ? <NotesBody groupId={groupId} member={member} timeZone={timeZone} /> : null}
      </div>
    </div>
  );
}

function NotesBody({ groupId, member, timeZone }: { groupId: string; member: ActionTarget; timeZone?: string }) {
  const { t } = useTranslation();
  const notes = useMemberNotes(groupId, member.memberId);
  const add = useAddMemberNote(groupId, member.memberId);
  const [body, setBody] = useState('');
  const items = notes.data?.items ?? [];
  return (
    <div className="notes-body">
      <p className="private-mark">{t('moderation.notes.privacy', { name: member.displayName })}</p>
      {notes.isPending ? <Loading label={t('app.loading')} /> : null}
      {notes.isError ? <Notice tone="error">{errorMessage(t, notes.error)}</Notice> : null}
      {notes.isSuccess && items.length === 0 ? <p className="muted">{t('moderation.notes.empty')}</p> : null}
      {items.length > 0 ? (
        <ul className="note-list" aria-label={t('moderation.notes.listLabel', { name: member.displayName })}>
          {items.map((note) => (
            <li key={note.id} className="note">
              <p className="muted">
                <When iso={note.createdAt} timeZone={timeZone} />
                {note.authorDisplayName ? (
                  <span>{t('moderation.notes.by', { name: note.authorDisplayName })}</span>
                ) : null}
              </p>
              <p dir="auto" className="note-body">
                {note.body ?? t('moderation.notes.unreadable')}
              </p>
            </li>
          ))}
        </ul>
      ) : null}
      <Form
        className="form"
        onSubmit={(event) => {
          event.preventDefault();
          if (add.isPending) return;
          add.mutate(body.trim(), { onSuccess: () => setBody('') });
        }}
      >
        <TextAreaField
          label={t('moderation.notes.newLabel', { name: member.displayName })}
          name="note"
          rows={3}
          value={body}
          onChange={setBody}
          maxLength={MODERATION_LIMITS.memberNoteMax}
          isRequired
          validate={(text) => (text.trim() === '' ? t('form.required') : null)}
        />
        {add.isError ? <Notice tone="error">{errorMessage(t, add.error)}</Notice> : null}
        {add.isSuccess && body === '' ? <Notice tone="success">{t('moderation.notes.saved')}</Notice> : null}
        <Button type="submit" variant="secondary" isBusy={add.isPending}>
          {t('moderation.notes.save')}
        </Button>
      </Form>
    </div>
  );
}
