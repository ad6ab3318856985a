import request from 'supertest';
import { CSRF_HEADER, CSRF_HEADER_VALUE, SESSION_COOKIE } from '@tryg/shared';
import { errorLines, INTERNALS, recordBroadcasts, rowFingerprint, watchUnhandledRejections } from '../support/bad-input-checks';
import { startMeetingNow } from '../support/chat-fixtures';
import { addApprovedParticipant, createGroupFixture } from '../support/groups';
import { joinRoom } from '../support/moderation-fixtures';
import type { ChatClient } from '../support/sockets';
import { type Client, signInAdmin, startTestApp, type TestApp } from '../support/test-app';

type Operation = { requestBody?: { content: Record<string, unknown> }; responses: Record<string, unknown> };
const methods = ['get', 'post', 'put', 'patch', 'delete'] as const;
const SOME_ID = '00000000-0000-4000-8000-000000000000';

/**
 * Every route of the OpenAPI document called with a body it cannot read: of a type it does not take
 * (415), cut off half-way (400), over the size limit (413). Each answer is the documented 4xx as
 * `{ code, message }` with no stack trace, never a 500; nothing is stored or broadcast to the
 * members listening in a room, no rejection goes unhandled, and nothing reaches the server's error log.
 */
describe('every route with a body it cannot read', () => {
  let app: TestApp;
  let admin: Client;
  let routes: Array<{ method: (typeof methods)[number]; path: string; at: string; multipart: boolean; documented: string[] }>;
  let broadcasts: ReturnType<typeof recordBroadcasts>;
  let before: string;
  const sockets: ChatClient[] = [];
  const unhandled = watchUnhandledRejections();

  beforeAll(async () => {
    app = await startTestApp();
    admin = await signInAdmin(app);
    // Members listening in an open room: whatever the requests do, they hear nothing.
    const fixture = await createGroupFixture(app, admin, { requireFacilitator: false });
    const member = await addApprovedParticipant(app, fixture);
    await startMeetingNow(app, fixture);
    const listening = [await joinRoom(app, fixture.facilitator.client, fixture.groupId, sockets), await joinRoom(app, member.client, fixture.groupId, sockets)];
    broadcasts = recordBroadcasts(listening);
    const doc = (await request(app.url).get('/api/docs-json')).body as { paths: Record<string, Record<string, Operation>> };
    routes = Object.entries(doc.paths).flatMap(([path, item]) =>
      methods
        .filter((m) => item[m])
        .map((method) => ({
          method,
          path: path.replace(/\{[^}]+\}/g, SOME_ID),
          at: `${method.toUpperCase()} ${path}`,
          multipart: Boolean(item[method]!.requestBody?.content['multipart/form-data']),
          documented: Object.keys(item[method]!.responses),
        })),
    );
  });
  afterAll(async () => {
    unhandled.stop();
    for (const socket of sockets) socket.close();
    await app.close();
  });
  beforeEach(async () => {
    before = await rowFingerprint(app.dataSource);
    broadcasts.clear();
  });

  /** As the signed-in admin, with the CSRF header: so only the body decides the answer. */
  const send = (route: (typeof routes)[number], type: string, body: string | Buffer) =>
    request(app.url)
      [route.method](route.path)
      .set('Cookie', `${SESSION_COOKIE}=${admin.sessionToken()}`)
      .set(CSRF_HEADER, CSRF_HEADER_VALUE)
      .set('Content-Type', type)
      .send(body);

  function expectAnswer(res: request.Response, status: number, code: string, route: (typeof routes)[number]): void {
    expect([route.at, res.status, res.body.code, typeof res.body.message]).toEqual([route.at, status, code, 'string']);
    expect([route.at, route.documented]).toEqual([route.at, expect.arrayContaining([String(status)])]);
    expect([route.at, INTERNALS.test(res.text)]).toEqual([route.at, false]);
  }

  it('a body of a type the route does not take: 415 UNSUPPORTED_MEDIA_TYPE', async () => {
    expect(routes.length).toBeGreaterThan(80);
    for (const route of routes) {
      const [type, body] = route.multipart ? ['application/json', '{"file":"x"}'] : ['text/plain', 'hello'];
      expectAnswer(await send(route, type, body), 415, 'UNSUPPORTED_MEDIA_TYPE', route);
    }
  });

  it('a truncated body: 400 VALIDATION', async () => {
    for (const route of routes) {
      const res = route.multipart
        ? await send(route, 'multipart/form-data; boundary=cut', '--cut\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n\r\n%PDF-1.4 half')
        : await send(route, 'application/json', '{"name": "half a bo');
      expectAnswer(res, 400, 'VALIDATION', route);
    }
  });

  it('a body over the limit: 413 PAYLOAD_TOO_LARGE', async () => {
    const json = JSON.stringify({ text: 'x'.repeat(101 * 1024) });
    for (const route of routes.filter((r) => !r.multipart)) expectAnswer(await send(route, 'application/json', json), 413, 'PAYLOAD_TOO_LARGE', route);
    const upload = routes.find((r) => r.multipart)!;
    const big = Buffer.concat([
      Buffer.from('--big\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\nContent-Type: application/pdf\r\n\r\n'),
      Buffer.alloc(10 * 1024 * 1024 + 1024, 0x41),
      Buffer.from('\r\n--big--\r\n'),
    ]);
    const res = await send(upload, 'multipart/form-data; boundary=big', big);
    expectAnswer(res, 413, 'PAYLOAD_TOO_LARGE', upload);
  }, 60_000);

  afterEach(async () => {
    expect(await rowFingerprint(app.dataSource)).toBe(before);
    expect(broadcasts.heard).toEqual([]);
    expect(unhandled.rejections).toEqual([]);
    expect(errorLines(app.logs)).toEqual([]);
  });
});
