import { useTranslation } from 'react-i18next';
import type { Meeting, RsvpResponse } from '@tryg/shared';
import { Button } from '../../../components/ui/button';
import { Notice } from '../../../components/ui/notice';
import { errorMessage } from '../../../lib/i18n/error-message';
import { useRsvp } from '../api/rsvp';
import { placesLeft, rsvpState } from '../agenda';

/** Going / not going for one meeting, with the places left and the member's place in line said plainly. */
export function RsvpButtons({ meeting, label }: { meeting: Meeting; label: string }) {
  const { t } = useTranslation();
  const mutation = useRsvp(meeting.groupId);
  const state = rsvpState(meeting);
  const free = placesLeft(meeting);
  const joinsLine = free === 0 && state !== 'going' && state !== 'waitlisted';
  const answer = (response: RsvpResponse) => {
    if (mutation.isPending) return;
    mutation.mutate({ meetingId: meeting.id, response });
  };

  return (
    <div className="rsvp">
      <p className="muted">
        {free > 0
          ? t('scheduling.agenda.placesLeft', { count: free, capacity: meeting.capacity })
          : t('scheduling.agenda.full', { count: meeting.capacity })}
      </p>
      {/* The answer as it stands, announced politely after each change. */}
      <div role="status" className="rsvp-state">
        {state === 'going' ? <p>{t('scheduling.agenda.youAreGoing')}</p> : null}
        {state === 'not-going' ? <p>{t('scheduling.agenda.youAreNotGoing')}</p> : null}
        {state === 'waitlisted' ? (
          <p className="rsvp-waitlist">
            {t('scheduling.agenda.waitlistPosition', { position: meeting.waitlistPosition })}
          </p>
        ) : null}
      </div>
      {mutation.isError ? <Notice tone="error">{errorMessage(t, mutation.error)}</Notice> : null}
      <div className="rsvp-buttons" role="group" aria-label={label}>
        {state === 'waitlisted' ? (
          <>
            {/* On the waiting list: its own state and its own way out, never a plain "I'm coming". */}
            <Button variant="primary" aria-pressed isBusy={mutation.isPending} onPress={() => answer('yes')}>
              {t('scheduling.agenda.onWaitlist', { position: meeting.waitlistPosition })}
            </Button>
            <Button variant="secondary" isBusy={mutation.isPending} onPress={() => answer('no')}>
              {t('scheduling.agenda.leaveWaitlist')}
            </Button>
          </>
        ) : (
          <>
            <Button
              variant={state === 'going' ? 'primary' : 'secondary'}
              aria-pressed={state === 'going'}
              isBusy={mutation.isPending}
              onPress={() => answer('yes')}
            >
              {joinsLine ? t('scheduling.agenda.joinWaitlist') : t('scheduling.agenda.going')}
            </Button>
            <Button
              variant={state === 'not-going' ? 'primary' : 'secondary'}
              aria-pressed={state === 'not-going'}
              isBusy={mutation.isPending}
              onPress={() => answer('no')}
            >
              {t('scheduling.agenda.notGoing')}
            </Button>
          </>
        )}
      </div>
    </div>
  );
}
