import type { Meeting, NotificationItem, NotificationPage } from '@tryg/shared';
import { JobScheduler } from '../../api/src/modules/jobs/job-scheduler.service';
import { addApprovedParticipant, createGroupFixture, type GroupFixture, type Participant } from './groups';
import { type Client, signInAdmin, startTestApp, type TestApp, type TestAppOptions } from './test-app';

export interface SchedulingApp {
  app: TestApp;
  admin: Client;
  /** The app's own scheduler, its timer stopped: the test ticks it after moving the clock. */
  scheduler: JobScheduler;
}

/**
 * Boots the app with the job timer stopped, so only the test decides when jobs run, and the clock
 * set to `now` before anyone signs in (sessions expire after 30 idle minutes of that clock: a test
 * that moves it further signs in again).
 */
export async function startSchedulingApp(now: Date, options: TestAppOptions = {}): Promise<SchedulingApp> {
  const app = await startTestApp(options);
  const scheduler = app.app.get(JobScheduler);
  app.clock.set(now);
  return { app, admin: await signInAdmin(app), scheduler };
}

export interface SchedulingGroup {
  fixture: GroupFixture;
  groupId: string;
  facilitator: Client;
  members: Participant[];
}

/** A group with its facilitator and `memberCount` approved participants (through referral and intake). */
export async function createSchedulingGroup(
  s: SchedulingApp,
  memberCount: number,
  group: Record<string, unknown> = {},
): Promise<SchedulingGroup> {
  const fixture = await createGroupFixture(s.app, s.admin, { capacity: Math.max(8, memberCount), ...group });
  const members: Participant[] = [];
  for (let i = 0; i < memberCount; i++) members.push(await addApprovedParticipant(s.app, fixture));
  return { fixture, groupId: fixture.groupId, facilitator: fixture.facilitator.client, members };
}

export async function createMeeting(group: SchedulingGroup, body: Record<string, unknown>): Promise<Meeting> {
  const res = await group.facilitator.post(`/groups/${group.groupId}/meetings`, body);
  if (res.status !== 201) throw new Error(`meeting creation failed: ${res.status} ${res.text}`);
  return res.body as Meeting;
}

export async function notificationsOf(client: Client): Promise<NotificationPage> {
  const res = await client.get('/me/notifications');
  if (res.status !== 200) throw new Error(`notifications failed: ${res.status} ${res.text}`);
  return res.body as NotificationPage;
}

export async function notificationsOfKind(client: Client, kind: NotificationItem['kind']): Promise<NotificationItem[]> {
  return (await notificationsOf(client)).items.filter((n) => n.kind === kind);
}

export const HOUR_MS = 3600_000;
export const MINUTE_MS = 60_000;
