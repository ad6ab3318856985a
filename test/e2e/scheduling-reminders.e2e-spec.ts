import { Clock } from '../../api/src/common/clock';
import { WriteQueue } from '../../api/src/common/write-queue';
import { JobScheduler } from '../../api/src/modules/jobs/job-scheduler.service';
import { SchedulingJobs } from '../../api/src/modules/scheduling/scheduling-jobs';
import {
  createMeeting,
  createSchedulingGroup,
  HOUR_MS,
  MINUTE_MS,
  notificationsOf,
  notificationsOfKind,
  type SchedulingApp,
  type SchedulingGroup,
  startSchedulingApp,
} from '../support/scheduling-fixtures';
import { type Client, createStaff, signIn, signInAdmin } from '../support/test-app';

// The meeting: Tuesday 23 March 2027, 18:00 in Copenhagen (winter time, UTC+1).
const T = new Date('2027-03-23T17:00:00.000Z');
const NOW = new Date(T.getTime() - 24 * HOUR_MS - 10 * MINUTE_MS);
const GROUP_NAME = 'Tirsdagsgruppen';

describe('scheduling: reminders and notices', () => {
  let s: SchedulingApp;
  let group: SchedulingGroup;
  let da: Client;
  let en: Client;
  let declined: Client;
  let meetingId: string;

  beforeAll(async () => {
    s = await startSchedulingApp(NOW);
    group = await createSchedulingGroup(s, 3, { name: GROUP_NAME });
    [da, en, declined] = group.members.map((m) => m.client);
    expect((await en.patch('/auth/me', { locale: 'en' })).status).toBe(200);
    meetingId = (await createMeeting(group, { startsAt: T.toISOString(), durationMinutes: 90, title: 'Samtalegruppe' }))
      .id;
    // Covered, so Facilitator cover's automatic cancellation leaves it to these tests.
    expect((await group.facilitator.post(`/meetings/${meetingId}/cover`)).status).toBe(200);
    for (const [client, response] of [
      [da, 'yes'],
      [en, 'yes'],
      [declined, 'no'],
    ] as const) {
      expect((await client.put(`/meetings/${meetingId}/rsvp`, { response })).status).toBe(200);
    }
  });
  afterAll(() => s.app.close());

  it('sends nothing more than 24 hours ahead', async () => {
    expect(await s.scheduler.tick()).toContain('meeting-reminders');
    expect(await notificationsOfKind(da, 'reminder-24h')).toHaveLength(0);
  });

  it('reminds members going, 24 hours ahead, once, in their language, without the group', async () => {
    s.app.clock.set(new Date(T.getTime() - 24 * HOUR_MS + MINUTE_MS));
    expect(await s.scheduler.tick()).toContain('meeting-reminders');
    const [daReminder] = await notificationsOfKind(da, 'reminder-24h');
    expect(daReminder.text).toBe('Du har en aftale i morgen kl. 18.00');
    expect((await notificationsOfKind(en, 'reminder-24h')).map((n) => n.text)).toEqual([
      'You have an appointment tomorrow at 18:00',
    ]);
    expect(await notificationsOfKind(declined, 'reminder-24h')).toHaveLength(0);

    // The job runs again in its next slot and sends no second reminder.
    s.app.clock.advance(2 * MINUTE_MS);
    expect(await s.scheduler.tick()).toContain('meeting-reminders');
    expect(await notificationsOfKind(da, 'reminder-24h')).toHaveLength(1);

    const all = JSON.stringify((await notificationsOf(da)).items);
    expect(all).not.toContain(GROUP_NAME);
    expect(all).not.toContain('Samtalegruppe');
  });

  it("tells going members of a move, with the group's name only for one who opted in", async () => {
    expect((await da.patch(`/groups/${group.groupId}/membership`, { showGroupName: true })).status).toBe(200);
    const moved = await group.facilitator.patch(`/meetings/${meetingId}`, {
      startsAt: new Date(T.getTime() + HOUR_MS).toISOString(),
    });
    expect(moved.status).toBe(200);
    expect((await notificationsOfKind(da, 'meeting-moved')).map((n) => n.text)).toEqual([
      `${GROUP_NAME}: Din aftale i morgen kl. 18.00 er flyttet til i morgen kl. 19.00`,
    ]);
    expect((await notificationsOfKind(en, 'meeting-moved')).map((n) => n.text)).toEqual([
      'Your appointment tomorrow at 18:00 has been moved to tomorrow at 19:00',
    ]);
    expect(await notificationsOfKind(declined, 'meeting-moved')).toHaveLength(0);
  });

  it('reminds again one hour before the new time', async () => {
    const newStart = T.getTime() + HOUR_MS;
    s.app.clock.set(new Date(newStart - HOUR_MS + MINUTE_MS));
    expect(await s.scheduler.tick()).toContain('meeting-reminders');
    // 23 hours later the old sessions have expired.
    const [daAgain, enAgain] = await Promise.all(
      group.members.slice(0, 2).map((m) => signIn(s.app, m.login, m.password)),
    );
    expect((await notificationsOfKind(daAgain, 'reminder-1h')).map((n) => n.text)).toEqual([
      `${GROUP_NAME}: Du har en aftale i dag kl. 19.00`,
    ]);
    expect((await notificationsOfKind(enAgain, 'reminder-1h')).map((n) => n.text)).toEqual([
      'You have an appointment today at 19:00',
    ]);
    // Within the last hour only the 1 h reminder goes out, not a 24 h one for the new time.
    expect(await notificationsOfKind(enAgain, 'reminder-24h')).toHaveLength(1);
    const page = await notificationsOf(enAgain);
    expect(page.unread).toBe(page.items.filter((n) => n.readAt === null).length);
    expect(page.items[0]).toEqual({
      id: expect.any(String),
      kind: 'reminder-1h',
      text: 'You have an appointment today at 19:00',
      createdAt: expect.any(String),
      readAt: null,
    });
  });

  it('tells going members of a cancellation', async () => {
    const [daAgain] = await Promise.all([signIn(s.app, group.members[0].login, group.members[0].password)]);
    // A second facilitator, signed in now (the first one's session expired with the clock's jump).
    const admin = await signInAdmin(s.app);
    const late = await createStaff(s.app, admin, 'facilitator', 'late.facilitator');
    expect((await admin.post(`/groups/${group.groupId}/facilitators`, { accountId: late.id })).status).toBe(201);
    const facilitator = late.client;
    expect((await facilitator.patch(`/meetings/${meetingId}`, { cancelled: true })).status).toBe(200);
    expect((await notificationsOfKind(daAgain, 'meeting-cancelled')).map((n) => n.text)).toEqual([
      `${GROUP_NAME}: Din aftale i dag kl. 19.00 er aflyst`,
    ]);
  });
});

describe('job scheduler: several instances', () => {
  let s: SchedulingApp;

  beforeAll(async () => {
    s = await startSchedulingApp(new Date('2027-05-03T08:00:00.000Z'));
  });
  afterAll(() => s.app.close());

  const instance = () => new JobScheduler(s.app.app.get(WriteQueue), s.app.app.get(Clock));

  it('runs a due job once when two instances tick together', async () => {
    const [one, two] = [instance(), instance()];
    let runs = 0;
    const job = {
      name: 'test-counting-job',
      everyMs: MINUTE_MS,
      run: async () => {
        runs++;
        await new Promise((resolve) => setTimeout(resolve, 20));
      },
    };
    one.register(job);
    two.register({ ...job });

    const first = await Promise.all([one.tick(), two.tick()]);
    expect(runs).toBe(1);
    expect(first.filter((ran) => ran.includes('test-counting-job'))).toHaveLength(1);

    // Not again in the same slot ...
    await Promise.all([one.tick(), two.tick()]);
    expect(runs).toBe(1);
    // ... but once in the next.
    s.app.clock.advance(MINUTE_MS);
    await Promise.all([two.tick(), one.tick()]);
    expect(runs).toBe(2);
  });

  it('sends one reminder when two instances run the reminders job together', async () => {
    const group = await createSchedulingGroup(s, 1);
    const member = group.members[0].client;
    const startsAt = new Date(s.app.clock.nowMs() + 24 * HOUR_MS + 5 * MINUTE_MS);
    const meeting = await createMeeting(group, { startsAt: startsAt.toISOString(), durationMinutes: 60 });
    await member.put(`/meetings/${meeting.id}/rsvp`, { response: 'yes' });
    s.app.clock.set(new Date(startsAt.getTime() - 24 * HOUR_MS + MINUTE_MS));

    const jobs = s.app.app.get(SchedulingJobs);
    let runs = 0;
    const [one, two] = [instance(), instance()];
    for (const scheduler of [one, two]) {
      const reminders = jobs.remindersJob();
      scheduler.register({ ...reminders, run: async () => (runs++, reminders.run()) });
    }
    await Promise.all([one.tick(), two.tick()]);
    expect(runs).toBe(1);
    expect(await notificationsOfKind(member, 'reminder-24h')).toHaveLength(1);
  });
});
