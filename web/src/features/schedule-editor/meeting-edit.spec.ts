import type { Meeting } from '@tryg/shared';
import { cancelBody, checkMoveForm, restoreBody, scopeChoices, scopeField } from './meeting-edit';

const CPH = 'Europe/Copenhagen';

function meeting(extra: Partial<Meeting> = {}): Meeting {
  return {
    id: 'm',
    groupId: 'g',
    scheduleId: 's',
    startsAt: '2027-03-25T17:00:00.000Z',
    endsAt: '2027-03-25T18:30:00.000Z',
    durationMinutes: 90,
    title: null,
    cancelled: false,
    capacity: 8,
    going: 0,
    myRsvp: null,
    waitlistPosition: null,
    covered: false,
    ...extra,
  };
}

const oneOff = meeting({ scheduleId: null });
const now = new Date('2027-03-20T12:00:00Z');

describe('scope choice', () => {
  it('offers "this and following" only for a meeting of a series', () => {
    expect(scopeChoices(meeting())).toEqual(['this', 'following']);
    expect(scopeChoices(oneOff)).toEqual(['this']);
  });

  it('sends the chosen scope explicitly for a series, and none for a one-off', () => {
    expect(scopeField(meeting(), 'this')).toEqual({ scope: 'this' });
    expect(scopeField(meeting(), 'following')).toEqual({ scope: 'following' });
    expect(scopeField(oneOff, 'following')).toEqual({});
  });

  it('cancels and restores with that scope', () => {
    expect(cancelBody(meeting(), 'following')).toEqual({ cancelled: true, scope: 'following' });
    expect(cancelBody(meeting(), 'this')).toEqual({ cancelled: true, scope: 'this' });
    expect(restoreBody(oneOff, 'this')).toEqual({ cancelled: false });
  });
});

describe(checkMoveForm.name, () => {
  it("moves to a local time in the group's zone, with the chosen scope", () => {
    // Thursday 18:00 winter time → Friday 19:00 summer time.
    expect(
      checkMoveForm({ date: '2027-04-02', time: '19:00', durationMinutes: '90' }, meeting(), 'following', CPH, now),
    ).toEqual({
      ok: true,
      body: { startsAt: '2027-04-02T17:00:00.000Z', scope: 'following' },
    });
  });

  it('sends only the length when the start stays (so later meetings keep their own starts)', () => {
    expect(
      checkMoveForm({ date: '2027-03-25', time: '18:00', durationMinutes: '120' }, meeting(), 'following', CPH, now),
    ).toEqual({
      ok: true,
      body: { durationMinutes: 120, scope: 'following' },
    });
  });

  it('says when nothing changed, when the time has passed, and what is missing', () => {
    expect(
      checkMoveForm({ date: '2027-03-25', time: '18:00', durationMinutes: '90' }, meeting(), 'this', CPH, now),
    ).toEqual({
      ok: false,
      problems: { time: { key: 'nothingChanged' } },
    });
    expect(
      checkMoveForm({ date: '2027-03-19', time: '18:00', durationMinutes: '90' }, meeting(), 'this', CPH, now),
    ).toEqual({
      ok: false,
      problems: { time: { key: 'inPast' } },
    });
    expect(checkMoveForm({ date: '', time: '', durationMinutes: '1' }, oneOff, 'this', CPH, now)).toEqual({
      ok: false,
      problems: {
        date: { key: 'dateRequired' },
        time: { key: 'timeRequired' },
        durationMinutes: { key: 'durationRange', min: 5, max: 720 },
      },
    });
  });

  it('never sends a scope for a one-off meeting', () => {
    const checked = checkMoveForm(
      { date: '2027-03-26', time: '18:00', durationMinutes: '90' },
      oneOff,
      'following',
      CPH,
      now,
    );
    expect(checked).toEqual({ ok: true, body: { startsAt: '2027-03-26T17:00:00.000Z' } });
  });
});
