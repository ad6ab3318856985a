import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AttendanceItem, Group, Meeting, MeetingAttendanceItem } from '@tryg/shared';
import { Notice } from '../../../components/ui/notice';
import { Panel } from '../../../components/ui/panel';
import { errorMessage } from '../../../lib/i18n/error-message';
import { currentLocale } from '../../../lib/i18n/i18n';
import { formatMeetingTime } from '../../../lib/zoned-time';
import { useMeetingAttendance } from '../api/list-meeting-attendance';
import { useSetAttendance } from '../api/set-attendance';

/**
 * Present / not present per member for one meeting, starting from what is recorded: who the room
 * saw during the meeting (kept up to date while it runs) and what a facilitator chose. A choice
 * here is saved at once and replaces what the room recorded.
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
        <MeetingMarks key={selected.id} group={group} meeting={selected} members={members} now={now} />
      ) : null}
    </Panel>
  );
}

function MeetingMarks({
  group,
  meeting,
  members,
  now,
}: {
  group: Group;
  meeting: Meeting;
  members: readonly AttendanceItem[];
  now: Date;
}) {
  const { t } = useTranslation();
  const running = Date.parse(meeting.startsAt) <= now.getTime() && Date.parse(meeting.endsAt) > now.getTime();
  const recorded = useMeetingAttendance(group.id, meeting.id, running);
  const byMember = new Map((recorded.data?.items ?? []).map((item) => [item.memberId, item]));
  const here = members.filter((member) => byMember.get(member.memberId)?.present).length;
  return (
    <>
      {recorded.isSuccess ? (
        <p role="status" className={running ? 'attendance-now' : 'muted'}>
          {running
            ? t('scheduling.attendance.presentNow', { count: here, total: members.length })
            : t('scheduling.attendance.presentThen', { count: here, total: members.length })}
        </p>
      ) : null}
      <ul className="attendance-marks">
        {members.map((member) => (
          <MemberMark
            key={member.memberId}
            groupId={group.id}
            meetingId={meeting.id}
            member={member}
            recorded={byMember.get(member.memberId)}
          />
        ))}
      </ul>
    </>
  );
}

function MemberMark({
  groupId,
  meetingId,
  member,
  recorded,
}: {
  groupId: string;
  meetingId: string;
  member: AttendanceItem;
  recorded: MeetingAttendanceItem | undefined;
}) {
  const { t } = useTranslation();
  const id = useId();
  const mutation = useSetAttendance(groupId);
  const [chosen, setChoice] = useState<boolean | null>(null);
  const choice = chosen ?? recorded?.present ?? null;
  const choose = (present: boolean) => {
    const before = chosen;
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
      {chosen === null && recorded?.source === 'presence' && recorded.present ? (
        <p className="muted">{t('scheduling.attendance.seenInRoom')}</p>
      ) : null}
      <div role="status" className="muted">
        {mutation.isSuccess ? t('scheduling.attendance.saved') : null}
      </div>
      {mutation.isError ? <Notice tone="error">{errorMessage(t, mutation.error)}</Notice> : null}
    </li>
  );
}
