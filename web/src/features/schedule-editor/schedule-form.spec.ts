import { checkOneOffForm, checkSeriesForm, type OneOffFormValues, type SeriesFormValues } from './schedule-form';

const SERIES: SeriesFormValues = {
  startsOn: '2027-03-04',
  time: '18:00',
  durationMinutes: '90',
  frequency: 'weekly',
  ends: 'count',
  count: '10',
  until: '',
  title: '',
  capacity: '',
};

describe(checkSeriesForm.name, () => {
  it('sends local date and time as typed, with count, and leaves empty optional fields out', () => {
    expect(checkSeriesForm(SERIES)).toEqual({
      ok: true,
      body: { startsOn: '2027-03-04', time: '18:00', durationMinutes: 90, frequency: 'weekly', count: 10 },
    });
  });

  it('sends until instead of count when the series ends on a date, and the optional fields trimmed', () => {
    expect(
      checkSeriesForm({
        ...SERIES,
        frequency: 'biweekly',
        ends: 'until',
        count: 'ignored',
        until: '2027-06-30',
        title: '  Aftenmøde ',
        capacity: '6',
      }),
    ).toEqual({
      ok: true,
      body: {
        startsOn: '2027-03-04',
        time: '18:00',
        durationMinutes: 90,
        frequency: 'biweekly',
        until: '2027-06-30',
        title: 'Aftenmøde',
        capacity: 6,
      },
    });
  });

  it('names each field that is wrong', () => {
    const checked = checkSeriesForm({
      ...SERIES,
      startsOn: '',
      time: '25:00',
      durationMinutes: '2',
      count: '0',
      capacity: '201',
      title: 'x'.repeat(81),
    });
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(Object.keys(checked.problems).sort()).toEqual(
      ['capacity', 'count', 'durationMinutes', 'startsOn', 'time', 'title'].sort(),
    );
    expect(checked.problems.durationMinutes).toEqual({ key: 'durationRange', min: 5, max: 720 });
    expect(checked.problems.count).toEqual({ key: 'countRange', max: 104 });
  });

  it('refuses an end date before the first meeting', () => {
    const checked = checkSeriesForm({ ...SERIES, ends: 'until', until: '2027-03-03' });
    expect(checked).toEqual({ ok: false, problems: { until: { key: 'untilBeforeStart' } } });
  });
});

describe(checkOneOffForm.name, () => {
  const VALUES: OneOffFormValues = {
    date: '2027-04-01',
    time: '18:00',
    durationMinutes: '60',
    title: '',
    capacity: '1',
  };
  const now = new Date('2027-03-20T12:00:00Z');

  it("turns the local time into the instant in the group's zone (summer time in Copenhagen)", () => {
    expect(checkOneOffForm(VALUES, 'Europe/Copenhagen', now)).toEqual({
      ok: true,
      body: { startsAt: '2027-04-01T16:00:00.000Z', durationMinutes: 60, capacity: 1 },
    });
    expect(checkOneOffForm(VALUES, 'America/New_York', now)).toMatchObject({
      ok: true,
      body: { startsAt: '2027-04-01T22:00:00.000Z' },
    });
  });

  it('refuses a meeting that would already be over', () => {
    expect(checkOneOffForm({ ...VALUES, date: '2027-03-20', time: '11:00' }, 'Europe/Copenhagen', now)).toEqual({
      ok: false,
      problems: { time: { key: 'inPast' } },
    });
    // One that started 30 minutes ago and lasts an hour is still allowed (already in progress).
    expect(checkOneOffForm({ ...VALUES, date: '2027-03-20', time: '12:30' }, 'Europe/Copenhagen', now).ok).toBe(true);
  });
});
