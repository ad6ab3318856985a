import ICAL from 'ical.js';
import { buildCalendar, foldLine } from './ical-writer';

describe(buildCalendar.name, () => {
  const ics = buildCalendar({
    name: 'Aftaler',
    stamp: new Date('2026-03-01T10:00:00.000Z'),
    events: [
      {
        uid: 'a1',
        startsAt: new Date('2026-03-31T16:00:00.000Z'),
        endsAt: new Date('2026-03-31T17:30:00.000Z'),
        summary: 'Aftale',
        sequence: 2,
        cancelled: false,
      },
      {
        uid: 'a2',
        startsAt: new Date('2026-04-07T16:00:00.000Z'),
        endsAt: new Date('2026-04-07T17:30:00.000Z'),
        summary: 'Gruppe; med, komma',
        sequence: 0,
        cancelled: true,
      },
    ],
  });

  it('parses with a real iCalendar parser, in UTC', () => {
    const calendar = new ICAL.Component(ICAL.parse(ics));
    const events = calendar.getAllSubcomponents('vevent').map((c) => new ICAL.Event(c));
    expect(
      events.map((e) => [e.uid, e.summary, e.startDate.toJSDate().toISOString(), e.endDate.toJSDate().toISOString()]),
    ).toEqual([
      ['a1', 'Aftale', '2026-03-31T16:00:00.000Z', '2026-03-31T17:30:00.000Z'],
      ['a2', 'Gruppe; med, komma', '2026-04-07T16:00:00.000Z', '2026-04-07T17:30:00.000Z'],
    ]);
    expect(calendar.getAllSubcomponents('vevent')[1].getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(calendar.getAllSubcomponents('vevent')[0].getFirstPropertyValue('sequence')).toBe(2);
  });

  it('uses CRLF line ends and keeps every line within 75 octets', () => {
    const long = buildCalendar({
      name: 'x',
      stamp: new Date(0),
      events: [
        {
          uid: 'u',
          startsAt: new Date(0),
          endsAt: new Date(60_000),
          summary: 'æøå'.repeat(40),
          sequence: 0,
          cancelled: false,
        },
      ],
    });
    expect(long.endsWith('\r\n')).toBe(true);
    expect(long.split('\r\n').every((line) => Buffer.byteLength(line, 'utf8') <= 75)).toBe(true);
    const parsed = new ICAL.Event(new ICAL.Component(ICAL.parse(long)).getFirstSubcomponent('vevent')!);
    expect(parsed.summary).toBe('æøå'.repeat(40));
  });

  it('writes no description, location or URL', () => {
    expect(ics).not.toMatch(/^(DESCRIPTION|LOCATION|URL|ORGANIZER|ATTENDEE)/m);
  });

  it('folds without splitting a character', () => {
    const folded = foldLine(`SUMMARY:${'ø'.repeat(100)}`);
    expect(folded.split('\r\n ').join('')).toBe(`SUMMARY:${'ø'.repeat(100)}`);
  });
});
