import { storeMessage } from '../support/chat-fixtures';
import { createTestDatabase, type TestDatabase } from '../support/postgres';
import { addApprovedParticipant, createGroupFixture, type GroupFixture, type Participant } from '../support/groups';
import { type Client, signInAdmin, startTestApp, type TestApp } from '../support/test-app';

type Written = { id: string; memberId: string; status: 'delivered' | 'held'; afterApproval: boolean };
type Item = { id: string; body: string | null };

/**
 * The history query picks its index by how much was written since the reader's approval (a few:
 * by time; many: by sequence). Whichever it picks, the reader sees the same: nothing from before
 * their approval, no one else's held message, nothing from a member they ignore — paging
 * backwards, forwards and on joining alike.
 */
describe.each(['SQLite', 'PostgreSQL'])(
  'chat history on %s: what a member sees, with few and with many messages since their approval',
  (database) => {
    let db: TestDatabase | null = null;
    let app: TestApp;
    let admin: Client;
    let fixture: GroupFixture;
    let reader: Participant;
    let bob: Participant;
    let ignored: Participant;
    const written: Written[] = [];

    const write = async (author: Participant, status: 'delivered' | 'held', afterApproval: boolean) => {
      const body = `nr ${written.length}`;
      const entity = await storeMessage(app, { groupId: fixture.groupId, memberId: author.memberId, body, status });
      written.push({ id: entity.id, memberId: author.memberId, status, afterApproval });
    };
    const writeSince = async (count: number) => {
      for (let i = 0; i < count; i++) {
        const author = [bob, ignored, reader][i % 3];
        // Every fifth is held: bob's and the ignored member's stay hidden from the reader, their own not.
        await write(author, i % 5 === 4 ? 'held' : 'delivered', true);
      }
    };
    const visible = () =>
      written
        .filter(
          (m) =>
            m.afterApproval &&
            (m.status === 'delivered' || m.memberId === reader.memberId) &&
            m.memberId !== ignored.memberId,
        )
        .map((m) => m.id);

    const history = async (query: string) => {
      const res = await reader.client.get(`/groups/${fixture.groupId}/messages${query}`);
      expect(res.status).toBe(200);
      return res.body as { items: Item[]; nextCursor: string | null };
    };
    const pageBackwards = async () => {
      const ids: string[] = [];
      let page = await history('?limit=17');
      ids.unshift(...page.items.map((m) => m.id));
      while (page.nextCursor) {
        page = await history(`?limit=17&before=${page.nextCursor}`);
        ids.unshift(...page.items.map((m) => m.id));
      }
      return ids;
    };
    const pageForwards = async (after: string) => {
      const ids: string[] = [];
      let cursor: string | null = after;
      while (cursor) {
        const page = await history(`?limit=23&after=${cursor}`);
        ids.push(...page.items.map((m) => m.id));
        cursor = page.nextCursor;
      }
      return ids;
    };

    const expectSameView = async () => {
      const expected = visible();
      const latest = await history('');
      expect(latest.items.map((m) => m.id)).toEqual(expected.slice(-50));
      expect(latest.items.every((m) => m.body !== null)).toBe(true);
      expect(await pageBackwards()).toEqual(expected);
      // Forwards from a message written before the approval: the rest of the reader's view.
      expect(await pageForwards(written[0].id)).toEqual(expected);
      const missed = expected.length - 10;
      expect(await pageForwards(expected[missed - 1])).toEqual(expected.slice(missed));
    };

    beforeAll(async () => {
      db = database === 'PostgreSQL' ? await createTestDatabase() : null;
      app = await startTestApp(db ? { env: { DATABASE_URL: db.url } } : {});
      admin = await signInAdmin(app);
      fixture = await createGroupFixture(app, admin, { requireFacilitator: false, capacity: 20 });
      bob = await addApprovedParticipant(app, fixture, { displayName: 'Bravo' });
      ignored = await addApprovedParticipant(app, fixture, { displayName: 'Charlie' });
      for (let i = 0; i < 30; i++) await write(i % 2 ? bob : ignored, 'delivered', false);
      app.clock.advance(60_000);
      reader = await addApprovedParticipant(app, fixture, { displayName: 'Alfa' });
      app.clock.advance(60_000);
      const res = await reader.client.put(`/groups/${fixture.groupId}/membership/ignored`, {
        memberIds: [ignored.memberId],
      });
      expect(res.status).toBeLessThan(300);
    }, 60_000);
    afterAll(async () => {
      await app?.close();
      await db?.drop();
    });

    it('with a few messages since the approval', async () => {
      await writeSince(40);
      await expectSameView();
    });

    it('with many messages since the approval', async () => {
      await writeSince(260);
      await expectSameView();
    });

    it('a facilitator still sees everything, held messages and the time before any approval included', async () => {
      const res = await fixture.facilitator.client.get(
        `/groups/${fixture.groupId}/messages?limit=100&after=${written[0].id}`,
      );
      expect(res.body.items.map((m: Item) => m.id)).toEqual(written.slice(1, 101).map((m) => m.id));
    });
  },
);
