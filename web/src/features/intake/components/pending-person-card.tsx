import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Member } from '@tryg/shared';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog';
import { Loading } from '../../../components/ui/loading';
import { Notice } from '../../../components/ui/notice';
import { formatDateTime } from '../../../lib/format';
import { currentLocale } from '../../../lib/i18n/i18n';
import { errorMessage } from '../../../lib/i18n/error-message';
import { useMemberDetail } from '../api/get-member';

export interface PendingPersonCardProps {
  groupId: string;
  member: Member;
  position: number;
  total: number;
  busy: boolean;
  onApprove: () => void;
  onDecline: () => void;
}

/** One waiting person at a time, with the coordinator's note (reading it is audited). */
export function PendingPersonCard({
  groupId,
  member,
  position,
  total,
  busy,
  onApprove,
  onDecline,
}: PendingPersonCardProps) {
  const { t } = useTranslation();
  const detail = useMemberDetail(groupId, member.memberId);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const first = useRef(true);

  useEffect(() => {
    // When the next person comes up after a decision, start reading there.
    if (first.current) {
      first.current = false;
      return;
    }
    headingRef.current?.focus();
  }, [member.memberId]);

  return (
    <article className="person-card" aria-labelledby={`person-${member.memberId}`}>
      <p className="muted">{t('referralJourney.intake.position', { position, total })}</p>
      <h3 id={`person-${member.memberId}`} ref={headingRef} tabIndex={-1}>
        {member.displayName}
      </h3>
      {detail.isPending ? <Loading label={t('app.loading')} /> : null}
      {detail.isError ? <Notice tone="error">{errorMessage(t, detail.error)}</Notice> : null}
      {detail.data ? (
        <>
          <p className="muted">
            {t('referralJourney.intake.askedOn', { date: formatDateTime(detail.data.joinedAt, currentLocale()) })}
          </p>
          <h4>{t('referralJourney.intake.noteTitle')}</h4>
          {detail.data.referralNote ? (
            <blockquote className="referral-note">{detail.data.referralNote}</blockquote>
          ) : (
            <p>{t('referralJourney.intake.noNote')}</p>
          )}
        </>
      ) : null}
      <div className="actions actions-start">
        <ConfirmDialog
          triggerLabel={t('referralJourney.intake.approve')}
          triggerVariant="primary"
          title={t('referralJourney.intake.approveTitle', { name: member.displayName })}
          text={t('referralJourney.intake.approveText')}
          confirmLabel={t('referralJourney.intake.approveConfirm')}
          cancelLabel={t('common.cancel')}
          isDisabled={busy}
          onConfirm={onApprove}
        />
        <ConfirmDialog
          triggerLabel={t('referralJourney.intake.decline')}
          title={t('referralJourney.intake.declineTitle', { name: member.displayName })}
          text={t('referralJourney.intake.declineText')}
          confirmLabel={t('referralJourney.intake.declineConfirm')}
          cancelLabel={t('common.cancel')}
          isDisabled={busy}
          onConfirm={onDecline}
        />
      </div>
    </article>
  );
}
