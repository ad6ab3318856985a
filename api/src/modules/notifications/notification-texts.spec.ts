import { describeWhen, renderNotification } from './notification-texts';

const CPH = 'Europe/Copenhagen';
// Monday 23 March 2026, 19:00 in Copenhagen.
const NOW = new Date('2026-03-23T18:00:00.000Z');
const TOMORROW_18 = '2026-03-24T17:00:00.000Z';

describe(renderNotification.name, () => {
  it('says only that there is an appointment and when, in Danish and English', () => {
    const params = { startsAt: TOMORROW_18, timezone: CPH };
    expect(renderNotification('reminder-24h', params, 'da', NOW)).toBe('Du har en aftale i morgen kl. 18.00');
    expect(renderNotification('reminder-24h', params, 'en', NOW)).toBe('You have an appointment tomorrow at 18:00');
  });

  it("uses the group's time zone, not the server's", () => {
    expect(renderNotification('reminder-1h', { startsAt: TOMORROW_18, timezone: 'America/New_York' }, 'en', NOW)).toBe(
      'You have an appointment tomorrow at 13:00',
    );
  });

  it('names the day and date when it is not today or tomorrow', () => {
    const params = { startsAt: '2026-03-26T17:00:00.000Z', timezone: CPH };
    expect(renderNotification('meeting-cancelled', params, 'da', NOW)).toBe(
      'Din aftale torsdag den 26. marts kl. 18.00 er aflyst',
    );
    expect(renderNotification('meeting-cancelled', params, 'en', NOW)).toBe(
      'Your appointment on Thursday 26 March at 18:00 has been cancelled',
    );
  });

  it('tells a move with the old and the new time', () => {
    const params = { startsAt: '2026-03-26T18:00:00.000Z', previousStartsAt: TOMORROW_18, timezone: CPH };
    expect(renderNotification('meeting-moved', params, 'da', NOW)).toBe(
      'Din aftale i morgen kl. 18.00 er flyttet til torsdag den 26. marts kl. 19.00',
    );
    expect(renderNotification('meeting-moved', params, 'en', NOW)).toBe(
      'Your appointment tomorrow at 18:00 has been moved to Thursday 26 March at 19:00',
    );
  });

  it("puts the group's name first only when it is given (the member opted in)", () => {
    const params = { startsAt: TOMORROW_18, timezone: CPH, groupName: 'Tirsdagsgruppen' };
    expect(renderNotification('waitlist-promoted', params, 'da', NOW)).toBe(
      'Tirsdagsgruppen: Der er blevet plads. Du er nu tilmeldt din aftale i morgen kl. 18.00',
    );
    expect(renderNotification('waitlist-promoted', { ...params, groupName: null }, 'en', NOW)).toBe(
      'A place has opened up. You are now booked for your appointment tomorrow at 18:00',
    );
  });

  it('counts "today" and "tomorrow" on the local calendar (after midnight local, before midnight UTC)', () => {
    // 00:30 local on 24 March is still 23 March in UTC.
    const justAfterMidnight = new Date('2026-03-23T23:30:00.000Z');
    expect(describeWhen(TOMORROW_18, CPH, justAfterMidnight, 'da')).toBe('i dag kl. 18.00');
  });

  it("says only that one of the coordinator's cases needs something, never which", () => {
    expect(renderNotification('client-review', {}, 'da', NOW)).toBe('En af dine sager skal gennemgås');
    expect(renderNotification('rescreen-due', {}, 'en', NOW)).toBe('One of your cases is due for a new screening');
    expect(renderNotification('task-due', {}, 'da', NOW)).toBe('En opgave i en af dine sager har frist');
  });
});

describe('cover-gap', () => {
  it("tells staff which group's meeting nobody has taken, in Danish and English", () => {
    const params = { startsAt: '2026-03-26T17:00:00.000Z', timezone: CPH, groupName: 'Tirsdagsgruppen' };
    expect(renderNotification('cover-gap', params, 'da', NOW)).toBe(
      'Tirsdagsgruppen: Ingen facilitator har taget mødet torsdag den 26. marts kl. 18.00 endnu',
    );
    expect(renderNotification('cover-gap', params, 'en', NOW)).toBe(
      'Tirsdagsgruppen: No facilitator has taken the meeting on Thursday 26 March at 18:00 yet',
    );
  });
});
