import { randomUUID } from 'node:crypto';
import { Client, signIn, signInAdmin, startTestApp, tokenOf, type TestApp } from '../support/test-app';

/**
 * TESTING.md "No secrets in the logs": capture the real logger's output, first find the request
 * line of the very request whose secrets we look for, then look for the secrets.
 */
const CLIENT_ADDRESS = '203.0.113.77';

interface LogLine {
  msg?: string;
  method?: string;
  route?: string;
  status?: number;
  durationMs?: number;
  [key: string]: unknown;
}

function parse(lines: string[]): LogLine[] {
  return lines.map((line) => JSON.parse(line) as LogLine);
}

/** A client that always comes from CLIENT_ADDRESS (through the one trusted proxy hop). */
function fromClient(client: Client): Client {
  client.agent.set('X-Forwarded-For', CLIENT_ADDRESS);
  return client;
}

describe('request logs', () => {
  let app: TestApp;
  const secrets: Record<string, string> = {};

  beforeAll(async () => {
    app = await startTestApp({ env: { TRUST_PROXY: '1' } });
  });
  afterAll(() => app.close());

  /** Runs a request and returns the log lines written while it ran (the request line comes on finish). */
  async function logged<T>(run: () => Promise<T>): Promise<{ result: T; lines: LogLine[]; text: string }> {
    const before = app.logs.lines.length;
    const result = await run();
    await new Promise((resolve) => setImmediate(resolve));
    const raw = app.logs.lines.slice(before);
    return { result, lines: parse(raw), text: raw.join('\n') };
  }

  function expectRequestLine(lines: LogLine[], method: string, route: string, status: number): LogLine {
    const line = lines.find(
      (l) => l.msg === 'request' && l.method === method && l.route === route && l.status === status,
    );
    expect(line).toBeDefined();
    expect(typeof line!.durationMs).toBe('number');
    // Method, route pattern, status and duration; pino adds level and time; no request id.
    expect(
      Object.keys(line!).filter(
        (k) => !['level', 'time', 'msg', 'method', 'route', 'status', 'durationMs'].includes(k),
      ),
    ).toEqual([]);
    return line!;
  }

  function expectAbsent(text: string, values: string[]): void {
    expect(values.filter((v) => text.includes(v))).toEqual([]);
  }

  it('logs a sign-in as its request line only: no password, no cookie token, no body, no address', async () => {
    const admin = fromClient(await signInAdmin(app));
    const login = `log.person.${Date.now()}`;
    secrets.password = 'Log-Secret-Password-1';
    expect((await admin.post('/admin/staff', { login, password: secrets.password, role: 'coordinator' })).status).toBe(
      201,
    );

    const client = fromClient(new Client(app.url));
    const {
      result: res,
      lines,
      text,
    } = await logged(() => client.post('/auth/login', { login, password: secrets.password }));
    expect(res.status).toBe(200);
    expectRequestLine(lines, 'POST', '/api/v1/auth/login', 200);
    secrets.token = tokenOf(client);
    secrets.login = login;
    expectAbsent(text, [
      secrets.password,
      secrets.token,
      login,
      CLIENT_ADDRESS,
      'tryg_session',
      'x-tryg-csrf',
      'cookie',
    ]);
  });

  it('logs a failed sign-in without the guessed password or the login tried', async () => {
    const guess = 'Log-Wrong-Guess-2';
    const tried = 'log.unknown.someone';
    const {
      result: res,
      lines,
      text,
    } = await logged(() => fromClient(new Client(app.url)).post('/auth/login', { login: tried, password: guess }));
    expect(res.status).toBe(401);
    expectRequestLine(lines, 'POST', '/api/v1/auth/login', 401);
    expectAbsent(text, [guess, tried, CLIENT_ADDRESS]);
  });

  it('logs password changes and recovery without the passwords or codes', async () => {
    const client = fromClient(await signIn(app, secrets.login, secrets.password));
    secrets.newPassword = 'Log-Changed-Password-3';
    const change = await logged(() =>
      client.post('/auth/password', { currentPassword: secrets.password, newPassword: secrets.newPassword }),
    );
    expect(change.result.status).toBe(204);
    expectRequestLine(change.lines, 'POST', '/api/v1/auth/password', 204);
    expectAbsent(change.text, [secrets.password, secrets.newPassword, tokenOf(client)]);

    const codes = await logged(() => client.post('/auth/recovery-codes', { password: secrets.newPassword }));
    expect(codes.result.status).toBe(201);
    expectRequestLine(codes.lines, 'POST', '/api/v1/auth/recovery-codes', 201);
    const recoveryCodes = codes.result.body.recoveryCodes as string[];
    expectAbsent(codes.text, [secrets.newPassword, ...recoveryCodes, ...recoveryCodes.map((c) => c.replace(/-/g, ''))]);
    secrets.recoveryCode = recoveryCodes[0];

    secrets.recoveredPassword = 'Log-Recovered-Password-4';
    const recover = await logged(() =>
      fromClient(new Client(app.url)).post('/auth/recover', {
        login: secrets.login,
        recoveryCode: secrets.recoveryCode,
        newPassword: secrets.recoveredPassword,
      }),
    );
    expect(recover.result.status).toBe(204);
    expectRequestLine(recover.lines, 'POST', '/api/v1/auth/recover', 204);
    expectAbsent(recover.text, [secrets.recoveryCode, secrets.recoveredPassword, secrets.login, CLIENT_ADDRESS]);
  });

  it('logs the route pattern (/api/v1/auth/sessions/:id), never the concrete URL', async () => {
    const client = fromClient(await signIn(app, secrets.login, secrets.recoveredPassword));
    const other = await signIn(app, secrets.login, secrets.recoveredPassword);
    const otherId = (await other.get('/auth/sessions')).body.items.find((i: { current: boolean }) => i.current)
      .id as string;

    const { result: res, lines, text } = await logged(() => client.delete(`/auth/sessions/${otherId}`));
    expect(res.status).toBe(204);
    expectRequestLine(lines, 'DELETE', '/api/v1/auth/sessions/:id', 204);
    expectAbsent(text, [otherId, tokenOf(client), tokenOf(other), CLIENT_ADDRESS]);
  });

  it('logs neither query strings nor unmatched URLs (a URL can be a secret, e.g. a calendar feed)', async () => {
    const admin = fromClient(await signInAdmin(app));
    const querySecret = `cursor-secret-${randomUUID()}`;
    const withQuery = await logged(() => admin.get(`/admin/audit?cursor=${querySecret}`));
    expect(withQuery.result.status).toBe(400);
    expectRequestLine(withQuery.lines, 'GET', '/api/v1/admin/audit', 400);
    expectAbsent(withQuery.text, [querySecret, '?cursor']);

    const urlSecret = `feed-${randomUUID()}`;
    const unmatched = await logged(() => admin.get(`/calendar-unknown/${urlSecret}.ics`));
    expect(unmatched.result.status).toBe(404);
    expectAbsent(unmatched.text, [urlSecret]);
  });

  it('holds none of the suite’s secrets anywhere in the captured output', () => {
    // The capture is the real logger: it saw Nest's start-up lines and every request line.
    expect(app.logs.text).toContain('Nest application successfully started');
    expect(parse(app.logs.lines).filter((l) => l.msg === 'request').length).toBeGreaterThan(10);
    expect(Object.keys(secrets).length).toBeGreaterThanOrEqual(6);
    // Neither the forwarded address nor the real socket address (127.0.0.1 here) is logged.
    expectAbsent(app.logs.text, [...Object.values(secrets), CLIENT_ADDRESS, '127.0.0.1']);
  });
});
