import fc from 'fast-check';
import * as sharedDtos from '../../shared/src/dto';
import { MoveClockDto } from '../../api/src/modules/test-clock/test-clock.controller';
import { errorLines, INTERNALS, recordBroadcasts, rowFingerprint, watchUnhandledRejections } from '../support/bad-input-checks';
import { startMeetingNow } from '../support/chat-fixtures';
import { FUZZ_SEED, holdsNotPlainText, invalidBodies, oddValue, rulesOf, validBodies } from '../support/fuzz-inputs';
import { addApprovedParticipant, createGroupFixture, type GroupFixture, type Participant } from '../support/groups';
import { joinRoom, sendMessage } from '../support/moderation-fixtures';
import type { ChatClient } from '../support/sockets';
import { type Client, signInAdmin, startTestApp, type TestApp } from '../support/test-app';

type Operation = {
  parameters?: Array<{ name: string; in: string }>;
  requestBody?: { content: Record<string, { schema?: { $ref?: string } }> };
  responses: Record<string, unknown>;
};
type Res = { status: number; text: string; body: { code?: unknown; message?: unknown } };

const methods = ['get', 'post', 'put', 'patch', 'delete'] as const;
/** The request DTOs: the shared ones, and the test clock's own (outside production only). */
const dtos: Record<string, unknown> = { ...sharedDtos, MoveClockDto };
/** Over the 100 KB JSON limit a body is 413 whatever it holds. */
const BODY_LIMIT = 100 * 1024;

/** A refusal as the contract wants it: JSON `{ code, message }`, no stack trace, no internals. */
function expectCleanRefusal(res: Res, status: number, at: string): void {
  expect([at, res.status]).toEqual([at, status]);
  expect([at, typeof res.body.code, typeof res.body.message]).toEqual([at, 'string', 'string']);
  expect([at, INTERNALS.test(res.text)]).toEqual([at, false]);
}

/**
 * Property-based fuzzing of every request DTO (bodies) and every query, generated from the shared
 * DTO classes' own validation metadata: wrong types, missing and extra fields, huge and empty
 * strings, lone surrogates, control and bidi characters, numbers at and past every limit, deep
 * nesting. Each is answered with the documented 4xx (400 VALIDATION, 413 over the size limit) by a
 * caller who gets past the session and access checks; nothing is stored or broadcast; no 500, no
 * unhandled rejection, no stack trace in the answer, no error line in the server's log.
 */
describe(`fuzzing every request body and query (fast-check seed ${FUZZ_SEED})`, () => {
  let app: TestApp;
  let admin: Client;
  let fixture: GroupFixture;
  let member: Participant;
  let document: { paths: Record<string, Record<string, Operation>> };
  const ids: Record<string, string> = {};
  const sockets: ChatClient[] = [];
  let broadcasts: ReturnType<typeof recordBroadcasts>;
  const unhandled = watchUnhandledRejections();
  const fingerprint = () => rowFingerprint(app.dataSource);

  beforeAll(async () => {
    app = await startTestApp();
    admin = await signInAdmin(app);
    fixture = await createGroupFixture(app, admin, { requireFacilitator: false });
    member = await addApprovedParticipant(app, fixture);
    const meetingId = await startMeetingNow(app, fixture);
    const facilitatorSocket = await joinRoom(app, fixture.facilitator.client, fixture.groupId, sockets);
    const memberSocket = await joinRoom(app, member.client, fixture.groupId, sockets);
    const sent = await sendMessage(facilitatorSocket, fixture.groupId, 'En besked at rapportere');
    const report = await member.client.post(`/groups/${fixture.groupId}/messages/${sent.message!.id}/report`, { category: 'spam' });
    const safety = await member.client.post(`/groups/${fixture.groupId}/safety`, { kind: 'not-safe' });
    const referral = await fixture.coordinator.client.post('/referrals', { groupId: fixture.groupId });
    const incident = await member.client.post('/me/incidents', { occurredAt: new Date().toISOString(), contactType: 'sms', description: 'Fuzz' });
    const kase = await fixture.coordinator.client.post('/clients', { reference: 'FUZZ-1' });
    const task = await fixture.coordinator.client.post(`/clients/${kase.body.id}/tasks`, { title: 'Ring', owner: 'police' });
    for (const res of [report, safety, referral, incident, kase, task]) if (res.status !== 201) throw new Error(`fixture: ${res.status} ${res.text}`);
    Object.assign(ids, {
      group: fixture.groupId,
      meeting: meetingId,
      message: sent.message!.id,
      report: report.body.id,
      safety: safety.body.id,
      referral: referral.body.referral.id,
      incident: incident.body.id,
      client: kase.body.id,
      task: task.body.id,
      member: member.memberId,
      staff: fixture.facilitator.id,
      coordinator: fixture.coordinator.id,
    });
    broadcasts = recordBroadcasts([facilitatorSocket, memberSocket]);
    document = (await admin.agent.get('/api/docs-json')).body;
  }, 60_000);
  afterAll(async () => {
    unhandled.stop();
    for (const socket of sockets) socket.close();
    await app.close();
  });

  /** The path with this world's ids in it (`/groups/{id}` → the group, `/reports/{id}` → the report, …). */
  function concrete(path: string): string {
    const resource = (/\/(\w[\w-]*)\/\{id\}/.exec(path)?.[1] ?? '').replace(/s$/, '');
    const forId: Record<string, string> = { group: ids.group, meeting: ids.meeting, report: ids.report, safety: ids.safety, referral: ids.referral, incident: ids.incident, client: ids.client, staff: ids.staff };
    return path
      .replace('/api/v1', '')
      .replace('{id}', forId[resource] ?? 'missing')
      .replace('{memberId}', ids.member)
      .replace('{messageId}', ids.message)
      .replace('{taskId}', ids.task)
      .replace('{accountId}', path.includes('/clients/') ? ids.coordinator : ids.staff);
  }

  function call(client: Client, method: (typeof methods)[number], path: string, body?: unknown) {
    return client[method === 'get' ? 'get' : method](path, body as object) as unknown as Promise<Res>;
  }

  /** The first of our signed-in people whose request reaches body (or query) validation: an unknown field is refused by name. */
  async function callerReaching(method: (typeof methods)[number], path: string, query: boolean): Promise<Client | null> {
    for (const client of [member.client, fixture.facilitator.client, fixture.coordinator.client, admin]) {
      const res = query ? await call(client, method, `${path}?fuzzProbe=1`) : await call(client, method, path, { fuzzProbe: 1 });
      if (res.status === 400 && JSON.stringify(res.body).includes('fuzzProbe')) return client;
    }
    return null;
  }

  const operations = () =>
    Object.entries(document.paths).flatMap(([path, item]) =>
      methods.filter((m) => item[m]).map((method) => ({ path, method, op: item[method]!, at: `${method.toUpperCase()} ${path}` })),
    );

  async function fuzz(at: string, caller: Client, arbitrary: fc.Arbitrary<unknown>, send: (input: unknown) => Promise<Res>, expected: (input: unknown) => number) {
    const before = await fingerprint();
    broadcasts.clear();
    await fc.assert(
      fc.asyncProperty(arbitrary, async (input) => {
        const res = await send(input);
        expectCleanRefusal(res, expected(input), at);
      }),
      { seed: FUZZ_SEED, numRuns: 12, endOnFailure: true },
    );
    expect([at, await fingerprint()]).toEqual([at, before]);
    expect([at, broadcasts.heard]).toEqual([at, []]);
    expect([at, unhandled.rejections]).toEqual([at, []]);
    expect([at, errorLines(app.logs)]).toEqual([at, []]);
    void caller;
  }

  it('every JSON request body: an invalid one is 400 (413 over the limit) and changes nothing', async () => {
    const withBodies = operations().filter(({ op }) => op.requestBody?.content['application/json']?.schema?.$ref);
    expect(withBodies.length).toBeGreaterThan(40);
    const unreached: string[] = [];
    for (const { path, method, op, at } of withBodies) {
      const name = op.requestBody!.content['application/json'].schema!.$ref!.split('/').pop()!;
      const dtoClass = dtos[name] as (abstract new () => unknown) | undefined;
      expect([at, name, typeof dtoClass]).toEqual([at, name, 'function']);
      const target = concrete(path);
      const caller = await callerReaching(method, target, false);
      if (!caller) {
        unreached.push(at);
        continue;
      }
      const documented = Object.keys(op.responses);
      await fuzz(
        at,
        caller,
        invalidBodies(rulesOf(dtoClass!)),
        (body) => call(caller, method, target, body),
        (body) => {
          const status = Buffer.byteLength(JSON.stringify(body)) > BODY_LIMIT ? 413 : 400;
          expect([at, documented]).toEqual([at, expect.arrayContaining([String(status)])]);
          return status;
        },
      );
    }
    // Every body route was reached past its access checks by one of the people above.
    expect(unreached).toEqual([]);
  }, 240_000);

  it('every query: an unknown parameter or an odd value for a known one is 400 and changes nothing', async () => {
    const withQueries = operations().filter(({ op }) => op.parameters?.some((p) => p.in === 'query'));
    expect(withQueries.length).toBeGreaterThan(10);
    const unreached: string[] = [];
    for (const { path, method, op, at } of withQueries) {
      const target = concrete(path);
      const caller = await callerReaching(method, target, true);
      if (!caller) {
        unreached.push(at);
        continue;
      }
      const names = op.parameters!.filter((p) => p.in === 'query').map((p) => p.name);
      const queries = fc
        .tuple(fc.dictionary(fc.constantFrom(...names), oddValue.map((v) => (typeof v === 'string' ? v : JSON.stringify(v)))), oddValue)
        .map(([known, extra]) => {
          // Short enough for the URL to stay under Node's 16 KB header limit (beyond it Node itself answers 431).
          const params = new URLSearchParams(Object.entries(known).map(([k, v]) => [k, v.slice(0, 300)]));
          // The unknown parameter makes every query invalid, whatever the known ones hold.
          params.append('fuzzExtra', (typeof extra === 'string' ? extra : JSON.stringify(extra) ?? '').slice(0, 300));
          return params.toString();
        });
      await fuzz(at, caller, queries, (query) => call(caller, method, `${target}?${query as string}`), () => 400);
    }
    expect(unreached).toEqual([]);
  }, 240_000);

  /**
   * Input that validation lets through, so the handlers and the database see it: numbers and
   * lengths at their limits, free text with bidi, zero-width and combining characters, ids of this
   * world. Each answer is 2xx or a documented 4xx, never a 500, with no stack; no error line, no
   * unhandled rejection. A body holding a lone surrogate or a control character (which cannot be
   * stored as given) is never accepted. The body property runs last: what it changes stays changed.
   */
  const undocumented = new Set<string>();
  const altered: string[] = [];
  const compared = new Set<string>();
  /** Where a 2xx answer shows a free-text field the body set, it shows it as sent (trimmed): stored as given. */
  function notAsGiven(at: string, body: Record<string, unknown>, answer: unknown): void {
    const shown = new Map<string, unknown[]>();
    const walk = (node: unknown) => {
      if (node === null || typeof node !== 'object') return;
      for (const [key, value] of Object.entries(node)) {
        shown.set(key, [...(shown.get(key) ?? []), value]);
        walk(value);
      }
    };
    walk(answer);
    for (const [field, sent] of Object.entries(body)) {
      if (typeof sent !== 'string' || !/[^\x20-\x7e]/.test(sent) || !shown.has(field)) continue;
      compared.add(`${at} ${field}`);
      if (!shown.get(field)!.includes(sent.trim())) altered.push(`${at} ${field}: sent ${JSON.stringify(sent)}, shown ${JSON.stringify(shown.get(field))}`);
    }
  }
  async function fuzzValid(at: string, documented: string[], arbitrary: fc.Arbitrary<unknown>, send: (input: unknown) => Promise<Res>, reached: Set<string>) {
    await fc.assert(
      fc.asyncProperty(arbitrary, async (input) => {
        const res = await send(input);
        expect([at, res.status < 500]).toEqual([at, true]);
        expect([at, INTERNALS.test(res.text)]).toEqual([at, false]);
        if (res.status >= 400) expectCleanRefusal(res, res.status, at);
        if (res.status >= 400 && !documented.includes(String(res.status))) undocumented.add(`${at} ${res.status} ${res.body.code}`);
        // Plain text (bodies, which are stored): a lone surrogate or a control character is refused, never stored altered.
        // A query's values are compared, never stored: a filter holding one simply finds nothing.
        if (typeof input !== 'string' && holdsNotPlainText(input)) expect([at, res.status >= 400, JSON.stringify(input)]).toEqual([at, true, JSON.stringify(input)]);
        if (res.status < 300 && typeof input !== 'string') notAsGiven(at, input as Record<string, unknown>, res.body);
        // Past the DTO's validation: anything but its refusal (a service's own VALIDATION names its reason).
        if (res.status < 400 || res.body.message !== 'The request is not valid.') reached.add(at);
      }),
      { seed: FUZZ_SEED, numRuns: 15, endOnFailure: true },
    );
    expect([at, unhandled.rejections]).toEqual([at, []]);
    expect([at, errorLines(app.logs)]).toEqual([at, []]);
  }

  it('every query: valid values of its known parameters, at the limits, are 2xx or a documented 4xx', async () => {
    undocumented.clear();
    const reached = new Set<string>();
    const unreached: string[] = [];
    const queryDtos = Object.values(dtos).filter((dto): dto is abstract new () => unknown => typeof dto === 'function' && /Query/.test(dto.name));
    for (const { path, method, op, at } of operations().filter(({ op }) => op.parameters?.some((p) => p.in === 'query'))) {
      const names = op.parameters!.filter((p) => p.in === 'query').map((p) => p.name).sort();
      const dto = queryDtos.find((d) => JSON.stringify(rulesOf(d).map((r) => r.name).sort()) === JSON.stringify(names));
      expect([at, names, dto?.name]).toEqual([at, names, expect.any(String)]);
      const target = concrete(path);
      const caller = await callerReaching(method, target, true);
      if (!caller) {
        unreached.push(at);
        continue;
      }
      const queries = validBodies(rulesOf(dto!), Object.values(ids)).map((query) =>
        new URLSearchParams(Object.entries(query).map(([k, v]) => [k, typeof v === 'string' ? v.slice(0, 300) : String(v)])).toString(),
      );
      await fuzzValid(at, Object.keys(op.responses), queries, (query) => call(caller, method, `${target}?${query as string}`), reached);
    }
    expect([...undocumented]).toEqual([]);
    expect(unreached).toEqual([]);
    expect(reached.size).toBeGreaterThan(10);
  }, 120_000);

  it('every JSON request body: a valid one, at the limits and with odd characters, is 2xx or a documented 4xx', async () => {
    undocumented.clear();
    const reached = new Set<string>();
    const tried: string[] = [];
    const unreached: string[] = [];
    const pool = () => Object.values(ids);
    for (const { path, method, op, at } of operations().filter(({ op }) => op.requestBody?.content['application/json']?.schema?.$ref)) {
      const name = op.requestBody!.content['application/json'].schema!.$ref!.split('/').pop()!;
      const target = concrete(path);
      const caller = await callerReaching(method, target, false);
      if (!caller) {
        unreached.push(at);
        continue;
      }
      tried.push(at);
      await fuzzValid(at, Object.keys(op.responses), validBodies(rulesOf(dtos[name] as abstract new () => unknown), pool()), (body) => call(caller, method, target, body), reached);
    }
    // Every 4xx is one the OpenAPI document names for the route.
    expect([...undocumented]).toEqual([]);
    expect(altered).toEqual([]);
    // (and the comparison ran: on the fields of many routes)
    expect(compared.size).toBeGreaterThan(10);
    // Most routes answered something past validation: the bodies were valid, and reached the handlers.
    const refusedAlways = tried.filter((at) => !reached.has(at));
    // (A route no caller reaches any more was changed by an earlier one: a member removed, a session revoked.)
    expect([unreached.length <= tried.length / 10, unreached]).toEqual([true, unreached]);
    expect([refusedAlways.length <= tried.length / 8, refusedAlways]).toEqual([true, refusedAlways]);
  }, 240_000);

});
