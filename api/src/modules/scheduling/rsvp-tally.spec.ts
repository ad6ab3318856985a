import { tally, type TallyRsvp, waitlistPosition } from './rsvp-tally';

const rsvp = (
  memberId: string,
  status: TallyRsvp['status'],
  minute: number,
  extra: Partial<TallyRsvp> = {},
): TallyRsvp => ({
  id: `r-${memberId}`,
  memberId,
  status,
  queuedAt: new Date(Date.UTC(2026, 2, 1, 12, minute)),
  role: 'member',
  memberStatus: 'approved',
  ...extra,
});

describe(tally.name, () => {
  it('counts approved members going; facilitators and former members take no place', () => {
    const t = tally([
      rsvp('a', 'going', 1),
      rsvp('f', 'going', 2, { role: 'facilitator' }),
      rsvp('gone', 'going', 3, { memberStatus: 'left' }),
      rsvp('n', 'not-going', 4),
    ]);
    expect(t.going).toBe(1);
  });

  it('orders the waitlist by when each said yes', () => {
    const t = tally([
      rsvp('late', 'waitlisted', 9),
      rsvp('early', 'waitlisted', 2),
      rsvp('removed', 'waitlisted', 1, { memberStatus: 'removed' }),
    ]);
    expect(t.waitlist.map((r) => r.memberId)).toEqual(['early', 'late']);
    expect(waitlistPosition(t, 'late')).toBe(2);
    expect(waitlistPosition(t, 'removed')).toBeNull();
  });
});
