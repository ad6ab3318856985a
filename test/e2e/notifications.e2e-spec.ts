import type { NotificationItem } from '@tryg/shared';
import { NotificationsService } from '../../api/src/modules/notifications/notifications.service';
import { createParticipant, type TestParticipant } from '../support/participants';
import { notificationsOf, type SchedulingApp, startSchedulingApp } from '../support/scheduling-fixtures';
import { Client, createStaff } from '../support/test-app';

describe('in-app notifications', () => {
  let s: SchedulingApp;
  let service: NotificationsService;
  let anna: TestParticipant;
  let bo: TestParticipant;

  beforeAll(async () => {
    s = await startSchedulingApp(new Date('2027-03-15T09:00:00.000Z'));
    service = s.app.app.get(NotificationsService);
    anna = await createParticipant(s.app);
    bo = await createParticipant(s.app, { locale: 'en' });
  });
  afterAll(() => s.app.close());

  it('lets other features notify an account in its own language (e.g. intake decisions)', async () => {
    expect(await service.notifyNow(anna.id, 'intake-approved', {})).toMatchObject({ kind: 'intake-approved' });
    await service.notifyNow(bo.id, 'intake-declined', {});
    const annaPage = await notificationsOf(anna.client);
    expect(annaPage.items.map((n) => n.text)).toEqual(['Din tilmelding er godkendt. Du kan nu se dine aftaler']);
    expect((await notificationsOf(bo.client)).items.map((n) => n.text)).toEqual([
      'Your registration was not approved. Please contact your coordinator if you have questions',
    ]);
  });

  it('tells a coordinator of a keep-apart match without naming anyone', async () => {
    const admin = s.admin;
    const coordinator = await createStaff(s.app, admin, 'coordinator', 'coord.notify');
    await service.notifyNow(coordinator.id, 'keep-apart-match', {});
    expect((await notificationsOf(coordinator.client)).items.map((n) => n.text)).toEqual([
      'En henvisning kræver din opmærksomhed',
    ]);
  });

  it('creates a notification with a dedupe key only once', async () => {
    const first = await service.notifyNow(
      anna.id,
      'reminder-1h',
      { startsAt: '2027-03-15T17:00:00.000Z', timezone: 'Europe/Copenhagen' },
      { dedupeKey: 'test:once' },
    );
    const second = await service.notifyNow(
      anna.id,
      'reminder-1h',
      { startsAt: '2027-03-15T17:00:00.000Z', timezone: 'Europe/Copenhagen' },
      { dedupeKey: 'test:once' },
    );
    expect(first?.text).toBe('Du har en aftale i dag kl. 18.00');
    expect(second).toBeNull();
    expect((await notificationsOf(anna.client)).items.filter((n) => n.kind === 'reminder-1h')).toHaveLength(1);
  });

  it('counts unread, marks the given ones read, ignores ids of others, and marks all read', async () => {
    const before = await notificationsOf(anna.client);
    expect(before.unread).toBe(2);
    const [newest, older] = before.items;
    expect(newest).toEqual({
      id: expect.any(String),
      kind: 'reminder-1h',
      text: expect.any(String),
      createdAt: expect.any(String),
      readAt: null,
    });
    const boItem = (await notificationsOf(bo.client)).items[0];

    expect((await anna.client.post('/me/notifications/read', { ids: [older.id, boItem.id] })).status).toBe(204);
    const after = await notificationsOf(anna.client);
    expect(after.unread).toBe(1);
    expect(after.items.find((n) => n.id === older.id)?.readAt).toEqual(expect.any(String));
    expect((await notificationsOf(bo.client)).items[0].readAt).toBeNull();

    expect((await anna.client.post('/me/notifications/read', {})).status).toBe(204);
    expect((await notificationsOf(anna.client)).unread).toBe(0);
  });

  it('pages newest first', async () => {
    const carl = await createParticipant(s.app);
    for (let i = 0; i < 55; i++) {
      s.app.clock.advance(1000);
      await service.notifyNow(carl.id, 'intake-approved', {});
    }
    const first = await notificationsOf(carl.client);
    expect(first.items).toHaveLength(50);
    expect(first.unread).toBe(55);
    const second = await carl.client.get(`/me/notifications?cursor=${first.nextCursor}`);
    expect(second.body.items).toHaveLength(5);
    expect(second.body.nextCursor).toBeNull();
    const all = [...first.items, ...(second.body.items as NotificationItem[])];
    expect(new Set(all.map((n) => n.id)).size).toBe(55);
    expect(all.map((n) => n.createdAt)).toEqual([...all.map((n) => n.createdAt)].sort().reverse());
  });

  it('refuses without a session and with bad input', async () => {
    expect((await new Client(s.app.url).get('/me/notifications')).status).toBe(401);
    expect((await anna.client.post('/me/notifications/read', { ids: ['not-a-uuid'] })).status).toBe(400);
    expect((await anna.client.post('/me/notifications/read', { all: true })).status).toBe(400);
    expect((await anna.client.get('/me/notifications?cursor=%%%')).status).toBe(400);
  });
});
