import { createHash } from 'node:crypto';
import ICAL from 'ical.js';
import request from 'supertest';
import { containsText, readAllStoredBytes } from '../support/database-bytes';
import {
  createSchedulingGroup,
  type SchedulingApp,
  type SchedulingGroup,
  startSchedulingApp,
} from '../support/scheduling-fixtures';
import { Client } from '../support/test-app';

// Monday 15 March 2027, 10:00 in Copenhagen.
const NOW = new Date('2027-03-15T09:00:00.000Z');
const GROUP_NAME = 'Onsdagsgruppen';
const TITLE = 'Samtale om tryghed';
const FEED_URL = /^http:\/\/127\.0\.0\.1:\d+\/api\/v1\/calendar\/([A-Za-z0-9_-]{43})\.ics$/;

interface ParsedEvent {
  uid: string;
  summary: string;
  start: string;
  end: string;
  status: string;
}

function parseFeed(text: string): ParsedEvent[] {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return calendar.getAllSubcomponents('vevent').map((vevent) => {
    const event = new ICAL.Event(vevent);
    return {
      uid: event.uid,
      summary: event.summary,
      start: event.startDate.toJSDate().toISOString(),
      end: event.endDate.toJSDate().toISOString(),
      status: String(vevent.getFirstPropertyValue('status')),
    };
  });
}

describe('calendar feed', () => {
  let s: SchedulingApp;
  let group: SchedulingGroup;
  let member: Client;
  const meetingIds: string[] = [];

  beforeAll(async () => {
    s = await startSchedulingApp(NOW);
    group = await createSchedulingGroup(s, 2, { name: GROUP_NAME });
    member = group.members[0].client;
    const series = await group.facilitator.post(`/groups/${group.groupId}/schedules`, {
      startsOn: '2027-03-24',
      time: '18:00',
      durationMinutes: 90,
      frequency: 'weekly',
      count: 3,
      title: TITLE,
    });
    meetingIds.push(...series.body.meetings.map((m: { id: string }) => m.id));
  });
  afterAll(() => s.app.close());

  const fetchFeed = (url: string) =>
    request(url)
      .get('')
      .buffer(true)
      .parse((res, done) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => done(null, body));
      });

  it('gives a secret URL that serves neutral iCalendar without a session, and shows it nowhere', async () => {
    const issued = await member.post('/me/calendar-token');
    expect(issued.status).toBe(201);
    expect(Object.keys(issued.body)).toEqual(['url']);
    const token = FEED_URL.exec(issued.body.url)![1];

    const logStart = s.app.logs.lines.length;
    const feed = await fetchFeed(issued.body.url);
    expect(feed.status).toBe(200);
    expect(feed.headers['content-type']).toMatch(/^text\/calendar/);
    const events = parseFeed(feed.body as string);
    expect(events.map((e) => [e.uid, e.summary, e.start, e.end])).toEqual([
      [meetingIds[0], 'Aftale', '2027-03-24T17:00:00.000Z', '2027-03-24T18:30:00.000Z'],
      // Summer time from 28 March: still 18:00 local.
      [meetingIds[1], 'Aftale', '2027-03-31T16:00:00.000Z', '2027-03-31T17:30:00.000Z'],
      [meetingIds[2], 'Aftale', '2027-04-07T16:00:00.000Z', '2027-04-07T17:30:00.000Z'],
    ]);
    expect(feed.body).not.toContain(GROUP_NAME);
    expect(feed.body).not.toContain(TITLE);
    expect(feed.body).not.toMatch(/^(DESCRIPTION|LOCATION|URL|ORGANIZER|ATTENDEE)/m);

    // The request log has this request's line, by route pattern, and never the token.
    const lines = s.app.logs.lines.slice(logStart).map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toContainEqual(
      expect.objectContaining({ msg: 'request', method: 'GET', route: '/api/v1/calendar/:token.ics', status: 200 }),
    );
    expect(s.app.logs.text).not.toContain(token);

    // Only its SHA-256 is kept.
    const bytes = await readAllStoredBytes(s.app.dataSource, s.app.dataDir);
    expect(containsText(bytes, GROUP_NAME)).toBe(true); // the scan works: the group's name is stored in plain text
    expect(containsText(bytes, token)).toBe(false);
    const [row] = await s.app.dataSource.query('SELECT token_hash FROM calendar_tokens');
    expect(row.token_hash).toBe(createHash('sha256').update(token).digest('hex'));
  });

  it('leaves out meetings the member said no to and marks cancelled ones, in the signed-in feed too', async () => {
    await member.put(`/meetings/${meetingIds[0]}/rsvp`, { response: 'no' });
    await group.facilitator.patch(`/meetings/${meetingIds[1]}`, { cancelled: true });
    const res = await member
      .get('/me/calendar.ics')
      .buffer(true)
      .parse((r, done) => {
        let body = '';
        r.setEncoding('utf8');
        r.on('data', (chunk: string) => (body += chunk));
        r.on('end', () => done(null, body));
      });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/calendar/);
    const events = parseFeed(res.body as string);
    expect(events.map((e) => [e.uid, e.status])).toEqual([
      [meetingIds[1], 'CANCELLED'],
      [meetingIds[2], 'CONFIRMED'],
    ]);
    expect((await new Client(s.app.url).get('/me/calendar.ics')).status).toBe(401);
  });

  it("shows the group's name and the title only to a member who opted in, and English wording in English", async () => {
    const other = group.members[1].client;
    await other.patch('/auth/me', { locale: 'en' });
    const url = (await other.post('/me/calendar-token')).body.url as string;
    expect(parseFeed((await fetchFeed(url)).body as string).map((e) => e.summary)).toEqual([
      'Appointment',
      'Appointment',
      'Appointment',
    ]);
    await other.patch(`/groups/${group.groupId}/membership`, { showGroupName: true });
    expect(parseFeed((await fetchFeed(url)).body as string)[0].summary).toBe(`${GROUP_NAME}: ${TITLE}`);
  });

  it('stops the old URL when a new one is made, and every URL when revoked', async () => {
    const first = (await member.post('/me/calendar-token')).body.url as string;
    const second = (await member.post('/me/calendar-token')).body.url as string;
    expect(second).not.toBe(first);
    expect((await fetchFeed(first)).status).toBe(404);
    expect((await fetchFeed(second)).status).toBe(200);

    expect((await member.delete('/me/calendar-token')).status).toBe(204);
    const revoked = await fetchFeed(second);
    expect(revoked.status).toBe(404);
    expect(revoked.headers['content-type']).toMatch(/json/);
    // A malformed token is the same 404.
    expect((await fetchFeed(second.replace(/[A-Za-z0-9_-]{43}\.ics$/, 'nope.ics'))).status).toBe(404);
    expect((await new Client(s.app.url).post('/me/calendar-token')).status).toBe(401);
  });
});
