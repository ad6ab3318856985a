import type { GroupFixture } from './groups';
import type { TestApp } from './test-app';

/** A meeting in progress now (by the app's clock), created by the group's facilitator. */
export async function startMeetingNow(app: TestApp, fixture: GroupFixture, durationMinutes = 120): Promise<string> {
  const startsAt = new Date(app.clock.nowMs() - 5 * 60_000).toISOString();
  const res = await fixture.facilitator.client.post(`/groups/${fixture.groupId}/meetings`, { startsAt, durationMinutes });
  if (res.status !== 201) throw new Error(`meeting creation failed: ${res.status} ${res.text}`);
  return res.body.id as string;
}

export function newClientId(): string {
  return crypto.randomUUID();
}
