import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { ModalDialog } from '../../../components/ui/modal-dialog';
import { useMembers } from '../api/list-members';
import { otherMembers } from '../safety-rules';
import { HelpLinesFromServer } from './help-lines-list';
import { IgnoreButton } from './ignore-button';
import { KnowsMemberDialog } from './knows-member-dialog';
import { NotSafeButton } from './not-safe-button';

function MemberSafetyContent({ groupId, myMemberId }: { groupId: string; myMemberId: string }) {
  const { t } = useTranslation();
  const members = useMembers(groupId);
  const [helpOpen, setHelpOpen] = useState(false);
  const helpId = useId();
  const others = otherMembers(members.data?.items ?? [], myMemberId);
  return (
    <>
      <p>{t('moderation.member.panelIntro')}</p>
      <NotSafeButton groupId={groupId} />
      <div className="help-lines-toggle">
        <Button
          variant="secondary"
          aria-expanded={helpOpen}
          aria-controls={helpId}
          onPress={() => setHelpOpen(!helpOpen)}
        >
          {helpOpen ? t('moderation.member.hideHelpLines') : t('moderation.member.showHelpLines')}
        </Button>
        <div id={helpId} hidden={!helpOpen}>
          {helpOpen ? <HelpLinesFromServer /> : null}
        </div>
      </div>
      {others.length > 0 ? (
        <>
          <h3>{t('moderation.member.peopleTitle')}</h3>
          <p className="muted">{t('moderation.member.peopleIntro')}</p>
          <ul className="item-list" aria-label={t('moderation.member.peopleTitle')}>
            {others.map((member) => (
              <li key={member.memberId} className="item">
                <p className="item-title">{member.displayName}</p>
                <div className="item-actions">
                  <IgnoreButton groupId={groupId} member={member} />
                  <KnowsMemberDialog groupId={groupId} member={member} />
                </div>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}

/**
 * "Help" in the room's bar, for members: a sheet with the safety button, the help lines, and per
 * person "I think I know this person" and hide / show their messages. Nothing here is shown to the
 * other members.
 */
export function MemberSafetySheet({ groupId, myMemberId }: { groupId: string; myMemberId: string }) {
  const { t } = useTranslation();
  return (
    <ModalDialog
      triggerLabel={t('moderation.member.help')}
      triggerVariant="quiet"
      title={t('moderation.member.panelTitle')}
      presentation="sheet"
      closeLabel={t('moderation.member.close')}
    >
      {() => <MemberSafetyContent groupId={groupId} myMemberId={myMemberId} />}
    </ModalDialog>
  );
}
