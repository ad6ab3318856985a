import type { MessageEntity } from '../../api/src/modules/chat/entities/message.entity';
import { MessageWriter } from '../../api/src/modules/chat/message-writer';
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

/**
 * A message stored straight through the app's own writer: sealed, numbered and committed as a send
 * stores it, without the per-account rate limit that seeding many sends through a socket would meet.
 */
export async function storeMessage(
  app: TestApp,
  message: { groupId: string; memberId: string; body: string; status?: 'delivered' | 'held' },
): Promise<MessageEntity> {
  const { entity } = await app.app.get(MessageWriter).store({
    groupId: message.groupId,
    memberId: message.memberId,
    clientMessageId: newClientId(),
    body: message.body,
    contentWarning: null,
    status: message.status ?? 'delivered',
  });
  return entity;
}
