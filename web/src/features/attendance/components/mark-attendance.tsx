import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AttendanceItem, Group, Meeting } from '@tryg/shared';
import { Notice } from '../../../components/ui/notice';
import { Panel } from '../../../components/ui/panel';
import { errorMessage } from '../../../lib/i18n/error-message';
import { currentLocale } from '../../../lib/i18n/i18n';
import { formatMeetingTime } from '../../../lib/zoned-time';
import { useSetAttendance } from '../api/set-attendance';

/**
 * Present / not present per member for one meeting. The API has no read of one meeting's records,
 * so nothing is pre-selected: what is chosen here is saved at once and replaces what the room
 * recorded from presence.
 */
export function MarkAttendance({
  group,
  meetings,
  members,
  now,
}: {
  group: Group;
  meetings: readonly Meeting[];
  members: readonly AttendanceItem[];
  now: Date;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const selectId = useId();
  const [meetingId, setMeetingId] = useState<string | null>(null);
  const selected = meetings.find((m) => m.id === meetingId) ?? meetings[0];

  return (
    <Panel title={t('scheduling.attendance.markTitle')}>
      <p>{t('scheduling.attendance.markIntro')}</p>
      {meetings.length === 0 ? <p>{t('scheduling.attendance.noMeetings')}</p> : null}
      {meetings.length > 0 ? (
        <div className="field">
          <label className="field-label" htmlFor={selectId}>
            {t('scheduling.attendance.meeting')}
          </label>
          <select
            id={selectId}
            className="field-input"
            value={selected?.id}
            onChange={(event) => setMeetingId(event.target.value)}
          >
            {meetings.map((meeting) => (
              <option key={meeting.id} value={meeting.id}>
                {formatMeetingTime(meeting.startsAt, locale, group.timezone, now)}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      {selected && members.length === 0 ? <p>{t('scheduling.attendance.noMembers')}</p> : null}
      {selected && members.length > 0 ? (
        // Keyed by meeting: choices shown belong to the meeting they were made for.
        <ul className="attendance-marks" key={selected.id}>
          {members.map((member) => (
            <MemberMark key={member.memberId} groupId={group.id} meetingId={selected.id} member={member} />
          ))}
        </ul>
      ) : null}
    </Panel>
  );
}

function MemberMark({ groupId, meetingId, member }: { groupId: string; meetingId: string; member: AttendanceItem }) {
  const { t } = useTranslation();
  const id = useId();
  const mutation = useSetAttendance(groupId);
  const [choice, setChoice] = useState<boolean | null>(null);
  const choose = (present: boolean) => {
    const before = choice;
    setChoice(present);
    mutation.mutate({ meetingId, memberId: member.memberId, present }, { onError: () => setChoice(before) });
  };
  return (
    <li>
      <fieldset className="choice choice-inline">
        <legend className="field-label">{t('scheduling.attendance.markLabel', { name: member.displayName })}</legend>
        {([true, false] as const).map((present) => (
          <div className="choice-row" key={String(present)}>
            <input
              id={`${id}-${String(present)}`}
              type="radio"
              name={`${id}-present`}
              checked={choice === present}
              disabled={mutation.isPending}
              onChange={() => choose(present)}
            />
            <label htmlFor={`${id}-${String(present)}`}>
              {present ? t('scheduling.attendance.present') : t('scheduling.attendance.absent')}
            </label>
          </div>
        ))}
      </fieldset>
      <div role="status" className="muted">
        {mutation.isSuccess ? t('scheduling.attendance.saved') : null}
      </div>
      {mutation.isError ? <Notice tone="error">{errorMessage(t, mutation.error)}</Notice> : null}
    </li>
  );
}
