import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { CSRF_HEADER, CSRF_HEADER_VALUE } from '@tryg/shared';
import { errorLines, INTERNALS } from '../support/bad-input-checks';
import { newClientId, startMeetingNow } from '../support/chat-fixtures';
import { addApprovedParticipant, createGroupFixture, type GroupFixture, type Participant } from '../support/groups';
import { ask, connectChat } from '../support/sockets';
import { type Client, signInAdmin, startTestApp, type TestApp } from '../support/test-app';

type Res = { status: number; body: { code?: string; message?: string }; headers: Record<string, string> };

function expectError(res: Res, status: number, code: string): void {
  expect({ status: res.status, code: res.body.code }).toEqual({ status, code });
  expect(res.headers['content-type']).toMatch(/^application\/json/);
}

/**
 * Bodies and queries shaped to break the server rather than to be read: too deep, of the wrong
 * type, or pointing at nothing. Each is a clear 4xx in CONTRACT order, never a 500.
 */
describe('request shapes (attacks)', () => {
  let app: TestApp;
  let admin: Client;
  const raw = () => request(app.url);
  const deepArrays = (levels: number) => '['.repeat(levels) + ']'.repeat(levels);
  const deepObjects = (levels: number) => '{"a":'.repeat(levels) + '1' + '}'.repeat(levels);
  const noServerErrors = () => expect(errorLines(app.logs)).toEqual([]);

  beforeAll(async () => {
    app = await startTestApp();
    admin = await signInAdmin(app);
  });
  afterAll(() => app.close());

  describe('JSON nested deeper than 32 levels', () => {
    const post = (path: string, body: string, agent: request.Agent | request.SuperTest<request.Test> = raw()) =>
      agent
        .post(`/api/v1${path}`)
        .set(CSRF_HEADER, CSRF_HEADER_VALUE)
        .set('Content-Type', 'application/json')
        .send(body);

    it('is a 400 on an unauthenticated route, at 2,000 levels and at 33, where 32 levels reach validation', async () => {
      for (const body of [deepArrays(2000), `{"login":${deepArrays(2000)}}`, deepObjects(2000), deepObjects(33)]) {
        const res = await post('/auth/login', body);
        expectError(res, 400, 'VALIDATION');
        expect(res.body.message).toMatch(/nested deeper than 32/);
      }
      // 32 levels are read, and refused by the DTO as usual (unknown field), not for their depth.
      const read = await post('/auth/login', deepObjects(32).replace('{"a":', '{"login":"x","password":"y","a":'));
      expectError(read, 400, 'VALIDATION');
      expect(read.body.message).not.toMatch(/nested/);
      noServerErrors();
    });

    it('is answered after the session check on a signed-in route', async () => {
      expectError(await post('/auth/password', deepArrays(2000)), 401, 'UNAUTHENTICATED');
      const res = await post('/auth/password', deepArrays(2000), admin.agent);
      expectError(res, 400, 'VALIDATION');
      noServerErrors();
    });
  });

  describe('a field named __proto__ or constructor (prototype pollution)', () => {
    const patchMe = (body: string) =>
      admin.agent.patch('/api/v1/auth/me').set(CSRF_HEADER, CSRF_HEADER_VALUE).set('Content-Type', 'application/json').send(body);

    it('PATCH /auth/me with {"__proto__": …} or {"constructor": {"prototype": …}} is a 400 and changes nothing', async () => {
      const before = (await admin.get('/auth/me')).body.account;
      const other = before.locale === 'da' ? 'en' : 'da';
      for (const body of [
        `{"__proto__":{"locale":"${other}","isAdmin":true}}`,
        `{"locale":"${before.locale}","__proto__":{"locale":"${other}"}}`,
        `{"constructor":{"prototype":{"locale":"${other}","isAdmin":true}}}`,
        `{"locale":"${before.locale}","constructor":{"prototype":{"locale":"${other}"}}}`,
      ]) {
        const res = await patchMe(body);
        expect([body, res.status]).toEqual([body, 400]);
        expectError(res, 400, 'VALIDATION');
        expect([body, typeof res.body.message, /__proto__|constructor/.test(res.body.message ?? '')]).toEqual([body, 'string', true]);
        expect(res.text).not.toMatch(INTERNALS);
      }
      // Nothing changed: not the account, and not the prototype every object in this process shares.
      expect((await admin.get('/auth/me')).body.account).toEqual(before);
      expect(({} as Record<string, unknown>).locale).toBeUndefined();
      expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
      // The same names as query parameters are unknown parameters too (on a route that reads a query).
      expect((await admin.get('/admin/audit?type=login')).status).toBe(200);
      for (const query of ['__proto__[locale]=en', 'constructor[prototype][locale]=en', 'constructor=x', 'type=login&constructor=x']) {
        const res = await admin.get(`/admin/audit?${query}`);
        expect([query, res.status]).toEqual([query, 400]);
        expectError(res, 400, 'VALIDATION');
      }
      // The same request without the odd field is read as usual.
      expect((await patchMe(`{"locale":"${other}"}`)).status).toBe(200);
      expect((await admin.get('/auth/me')).body.account.locale).toBe(other);
      noServerErrors();
    });
  });

  describe('a body of a type the route does not take', () => {
    it('is a 415 right after the size check, before CSRF and the session', async () => {
      for (const [type, body] of [
        ['text/plain', '{"login":"a","password":"b"}'],
        ['application/x-www-form-urlencoded', 'login=a&password=b'],
        ['application/xml', '<login>a</login>'],
        [
          'multipart/form-data; boundary=x',
          '--x\r\nContent-Disposition: form-data; name="login"\r\n\r\na\r\n--x--\r\n',
        ],
      ]) {
        // No CSRF header and no session: the type is judged first.
        expectError(
          await raw().post('/api/v1/auth/login').set('Content-Type', type).send(body),
          415,
          'UNSUPPORTED_MEDIA_TYPE',
        );
        expectError(
          await raw().post('/api/v1/auth/password').set('Content-Type', type).send(body),
          415,
          'UNSUPPORTED_MEDIA_TYPE',
        );
      }
      // Too large comes first, whatever the type.
      const big = await raw()
        .post('/api/v1/auth/login')
        .set('Content-Type', 'text/plain')
        .send('x'.repeat(200 * 1024));
      expectError(big, 413, 'PAYLOAD_TOO_LARGE');
      // A body without a type is not JSON either.
      const untyped = await raw()
        .post('/api/v1/auth/login')
        .set(CSRF_HEADER, CSRF_HEADER_VALUE)
        .set('Content-Length', '2')
        .unset('Content-Type')
        .send('{}');
      expect([untyped.status, untyped.body.code]).toEqual([415, 'UNSUPPORTED_MEDIA_TYPE']);
      // A request without a body needs no type.
      expectError(await raw().post('/api/v1/auth/logout').set(CSRF_HEADER, CSRF_HEADER_VALUE), 401, 'UNAUTHENTICATED');
    });

    it('holds for every upload route in the OpenAPI document: JSON there is 415, multipart passes on to the session check', async () => {
      const doc = (await raw().get('/api/docs-json')).body as {
        paths: Record<string, Record<string, { requestBody?: { content?: Record<string, unknown> } }>>;
      };
      const uploads = Object.entries(doc.paths).flatMap(([path, operations]) =>
        Object.entries(operations)
          .filter(([, operation]) => operation.requestBody?.content?.['multipart/form-data'])
          .map(([method, operation]) => ({
            method,
            path: path.replace(/\{[^}]+\}/g, randomUUID()),
            jsonToo: Boolean(operation.requestBody?.content?.['application/json']),
          })),
      );
      expect(uploads.length).toBeGreaterThan(0);
      for (const upload of uploads) {
        expect(upload.jsonToo).toBe(false);
        const send = () => raw()[upload.method as 'post'](upload.path).set(CSRF_HEADER, CSRF_HEADER_VALUE);
        expectError(await send().send({ file: 'x' }), 415, 'UNSUPPORTED_MEDIA_TYPE');
        expectError(await send().attach('file', Buffer.from('%PDF-1.4'), 'a.pdf'), 401, 'UNAUTHENTICATED');
      }
    });
  });

  describe('an unknown message id in ?before / ?after', () => {
    let fixture: GroupFixture;
    let member: Participant;

    beforeAll(async () => {
      fixture = await createGroupFixture(app, admin, { requireFacilitator: false });
      member = await addApprovedParticipant(app, fixture);
    });

    it('is a 404 NOT_FOUND, as is a message of another group, while a real one pages', async () => {
      await startMeetingNow(app, fixture);
      const socket = await connectChat(app, fixture.facilitator.client);
      const sent = await ask<{ ok: boolean; message: { id: string } }>(socket, 'message:send', {
        groupId: fixture.groupId,
        clientMessageId: newClientId(),
        body: 'hej',
      });
      socket.close();
      expect(sent.ok).toBe(true);
      const other = await createGroupFixture(app, admin, { requireFacilitator: false });
      await startMeetingNow(app, other);
      const otherSocket = await connectChat(app, other.facilitator.client);
      const elsewhere = await ask<{ ok: boolean; message: { id: string } }>(otherSocket, 'message:send', {
        groupId: other.groupId,
        clientMessageId: newClientId(),
        body: 'andet sted',
      });
      otherSocket.close();

      const history = (query: string) => member.client.get(`/groups/${fixture.groupId}/messages?${query}`);
      for (const anchor of [randomUUID(), elsewhere.message.id]) {
        expectError(await history(`before=${anchor}`), 404, 'NOT_FOUND');
        expectError(await history(`after=${anchor}`), 404, 'NOT_FOUND');
      }
      expect((await history(`before=${sent.message.id}`)).status).toBe(200);
      expectError(await history('before=not-a-uuid'), 400, 'VALIDATION');
      noServerErrors();
    });
  });
});
