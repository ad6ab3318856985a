import type { CoverItem, Meeting, NotificationItem, Page } from '@tryg/shared';
import { addApprovedParticipant, type GroupFixture, type Participant } from './groups';
import type { SchedulingApp } from './scheduling-fixtures';
import { ADMIN, Client, createStaff, signIn, type TestApp } from './test-app';

/** Someone who can sign in again after the clock jumped past their session's idle limit. */
export interface Person {
  login: string;
  password: string;
  client: Client;
}

let counter = 0;
export const unique = (prefix: string) => `${prefix}${Date.now().toString(36)}${(counter++).toString(36)}`;

export interface CoverGroup {
  groupId: string;
  name: string;
  fixture: GroupFixture;
  /** Assigned facilitators, the first named Mette, the second Jonas. */
  facilitators: (Person & { id: string; memberId: string; displayName: string })[];
  coordinator: Person & { id: string };
  members: Participant[];
}

/** A group with two facilitators (Mette, Jonas), a coordinator and `memberCount` approved members. */
export async function createCoverGroup(
  s: SchedulingApp,
  admin: Client,
  memberCount: number,
  group: Record<string, unknown> = {},
): Promise<CoverGroup> {
  const name = unique('Gruppe ');
  const created = await admin.post('/groups', { name, capacity: 8, ...group });
  if (created.status !== 201) throw new Error(`group creation failed: ${created.status} ${created.text}`);
  const groupId = created.body.id as string;
  const coordinator = await createStaff(s.app, admin, 'coordinator', unique('coord.'));
  const facilitators: CoverGroup['facilitators'] = [];
  for (const displayName of ['Mette', 'Jonas']) {
    const staff = await createStaff(s.app, admin, 'facilitator', unique('fac.'), undefined, displayName);
    const assigned = await admin.post(`/groups/${groupId}/facilitators`, { accountId: staff.id });
    if (assigned.status !== 201) throw new Error(`assignment failed: ${assigned.status} ${assigned.text}`);
    facilitators.push({ ...staff, memberId: assigned.body.memberId as string, displayName });
  }
  const fixture: GroupFixture = {
    groupId,
    admin,
    coordinator: { client: coordinator.client, id: coordinator.id },
    facilitator: {
      client: facilitators[0].client,
      id: facilitators[0].id,
      memberId: facilitators[0].memberId,
      login: facilitators[0].login,
      password: facilitators[0].password,
    },
  };
  const members: Participant[] = [];
  for (let i = 0; i < memberCount; i++) members.push(await addApprovedParticipant(s.app, fixture));
  return { groupId, name, fixture, facilitators, coordinator, members };
}

/** Moves the app clock the way an acceptance test does: through the test-only route. */
export async function setClock(app: TestApp, instant: Date): Promise<void> {
  const res = await new Client(app.url).post('/test/clock', { set: instant.toISOString() });
  if (res.status !== 200) throw new Error(`clock move failed: ${res.status} ${res.text}`);
}

/** A fresh session (after a clock jump the old one has idled out). */
export async function again(app: TestApp, person: { login: string; password: string }): Promise<Client> {
  return signIn(app, person.login, person.password);
}

export function adminAgain(app: TestApp): Promise<Client> {
  return again(app, ADMIN);
}

export async function kindOf(client: Client, kind: NotificationItem['kind']): Promise<NotificationItem[]> {
  const res = await client.get('/me/notifications');
  if (res.status !== 200) throw new Error(`notifications failed: ${res.status} ${res.text}`);
  return (res.body.items as NotificationItem[]).filter((n) => n.kind === kind);
}

export async function meetingOf(client: Client, groupId: string, meetingId: string): Promise<Meeting> {
  const all = await client.get(`/groups/${groupId}/meetings`);
  if (all.status !== 200) throw new Error(`meetings failed: ${all.status} ${all.text}`);
  const found = (all.body.items as Meeting[]).find((m) => m.id === meetingId);
  if (!found) throw new Error(`meeting ${meetingId} is not listed`);
  return found;
}

export async function gapsOf(client: Client, query = ''): Promise<Page<CoverItem>> {
  const res = await client.get(`/cover-gaps${query}`);
  if (res.status !== 200) throw new Error(`gaps failed: ${res.status} ${res.text}`);
  return res.body as Page<CoverItem>;
}
