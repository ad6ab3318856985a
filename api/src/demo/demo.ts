import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { Writable } from 'node:stream';
import type { AddressInfo } from 'node:net';
import { io } from 'socket.io-client';
import { SESSION_COOKIE } from '@tryg/shared';
import { ConfigError, loadConfig } from '../config/load-config';
import { createApp } from '../create-app';
import { AccountsService } from '../modules/accounts/accounts.service';
import { PasswordHasher } from '../modules/auth/password-hasher';
import { WriteQueue } from '../common/write-queue';
import { DemoClient } from './demo-client';

/**
 * `npm run demo`: seeds a demo organisation into the configured database through the real API
 * (so every rule applies) and prints the logins. Passwords are random and shown once.
 */
const PEOPLE = [
  { name: 'Solsikke', line: 'Hej alle. Jeg er ny her og lidt nervøs.' },
  { name: 'Havørn', line: 'Velkommen! Det var jeg også første gang.' },
  { name: 'Lyngen', line: 'Jeg har skrevet tre episoder ind i min log i denne uge.' },
  { name: 'Mågen', line: 'Godt at høre. Det hjælper at få det ned på skrift.' },
  { name: 'Birk', line: 'Jeg har fået hemmeligt nummer nu. Det giver lidt ro.' },
  { name: 'Klitten', line: 'Tak fordi I deler. Jeg lytter med i dag.' },
];

const password = () => randomBytes(12).toString('base64url');

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig({ ...process.env, PORT: '0' }, { rootDir: resolve(__dirname, '..', '..', '..') }).config;
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`Configuration error: ${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  // Request logs would drown the printed logins; failures are reported below.
  const quiet = new Writable({ write: (_chunk, _encoding, done) => done() });
  const app = await createApp({ ...config, webDist: null }, { logStream: quiet });
  await app.listen(0, '127.0.0.1');
  const baseUrl = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
  const suffix = randomBytes(2).toString('hex');
  const logins: { role: string; login: string; password: string; note?: string }[] = [];

  try {
    // The demo's own admin, made directly: there is no route to create the first admin.
    const admin = { login: `demo.admin.${suffix}`, password: password() };
    const hash = await app.get(PasswordHasher).hash(admin.password);
    await app.get(WriteQueue).run((m) => app.get(AccountsService).createIn(m, { login: admin.login, role: 'admin', passwordHash: hash }));
    logins.push({ role: 'admin', ...admin });
    const adminClient = new DemoClient(baseUrl);
    await adminClient.call('POST', '/auth/login', admin);

    const coordinator = { login: `demo.koordinator.${suffix}`, password: password() };
    await adminClient.call('POST', '/admin/staff', { ...coordinator, role: 'coordinator' });
    logins.push({ role: 'coordinator', ...coordinator });
    const facilitator = { login: `demo.facilitator.${suffix}`, password: password() };
    const fac = await adminClient.call<{ account: { id: string } }>('POST', '/admin/staff', { ...facilitator, role: 'facilitator', displayName: 'Mette' });
    logins.push({ role: 'facilitator', ...facilitator });

    const group = await adminClient.call<{ id: string }>('POST', '/groups', {
      name: `Torsdagsgruppen ${suffix}`,
      description: 'En lille, lukket gruppe for mennesker, der bliver forfulgt.',
      capacity: 8,
      rules: 'Det, der bliver sagt her, bliver her. Vi bruger kun vores gruppenavne. Ingen skal dele mere, end de har lyst til.',
    });
    await adminClient.call('POST', `/groups/${group.id}/facilitators`, { accountId: fac.account.id });

    const coordinatorClient = new DemoClient(baseUrl);
    await coordinatorClient.call('POST', '/auth/login', coordinator);
    const facilitatorClient = new DemoClient(baseUrl);
    await facilitatorClient.call('POST', '/auth/login', facilitator);

    const participants: DemoClient[] = [];
    for (const [i, person] of PEOPLE.entries()) {
      const { code } = await coordinatorClient.call<{ code: string }>('POST', '/referrals', { groupId: group.id, noteForFacilitator: 'Demo-henvisning.' });
      const credentials = { login: `demo.deltager${i + 1}.${suffix}`, password: password() };
      const client = new DemoClient(baseUrl);
      const redeemed = await client.call<{ membership: { memberId: string } }>('POST', '/auth/redeem', { code, ...credentials, displayName: person.name });
      await facilitatorClient.call('POST', `/groups/${group.id}/members/${redeemed.membership.memberId}/approve`);
      participants.push(client);
      logins.push({ role: 'participant', ...credentials, note: person.name });
    }

    // A session in progress: started 20 minutes ago, 90 minutes long.
    const now = await facilitatorClient.call<{ id: string }>('POST', `/groups/${group.id}/meetings`, {
      startsAt: new Date(Date.now() - 20 * 60_000).toISOString(),
      durationMinutes: 90,
      title: 'Torsdagsmøde',
    });
    await facilitatorClient.call('POST', `/meetings/${now.id}/cover`);
    const series = await facilitatorClient.call<{ meetings: { id: string }[] }>('POST', `/groups/${group.id}/schedules`, {
      startsOn: new Date(Date.now() + 7 * 24 * 3600_000).toISOString().slice(0, 10),
      time: '18:00',
      durationMinutes: 90,
      frequency: 'weekly',
      count: 8,
    });
    // Facilitator cover: Mette takes the series from its second meeting on; the first stays a gap to show.
    await facilitatorClient.call('POST', `/meetings/${series.meetings[1].id}/cover?scope=following`);

    // A short conversation, through the real live room.
    const say = async (client: DemoClient, body: string, join = false) => {
      const socket = io(`${baseUrl}/chat`, { path: '/socket.io', transports: ['websocket'], extraHeaders: { cookie: `${SESSION_COOKIE}=${client.token}` }, reconnection: false });
      await new Promise<void>((ok, fail) => {
        socket.once('connect', () => ok());
        socket.once('connect_error', fail);
      });
      if (join) await socket.timeout(5000).emitWithAck('room:join', { groupId: group.id });
      const ack = (await socket.timeout(5000).emitWithAck('message:send', { groupId: group.id, clientMessageId: crypto.randomUUID(), body })) as { ok: boolean; message?: string };
      if (!ack.ok) throw new Error(`demo message refused: ${JSON.stringify(ack)}`);
      return socket;
    };
    const facilitatorSocket = await say(facilitatorClient, 'Velkommen til torsdagsmødet. Husk: vi bruger kun vores gruppenavne.', true);
    for (const [i, person] of PEOPLE.entries()) (await say(participants[i], person.line)).close();
    facilitatorSocket.close();
  } finally {
    await app.close();
  }

  const pad = (s: string, n: number) => s.padEnd(n);
  process.stdout.write(`\nDemo organisation created. Sign in at http://localhost:${config.port}/ with:\n\n`);
  process.stdout.write(`${pad('role', 13)}${pad('login', 34)}password\n`);
  for (const l of logins) process.stdout.write(`${pad(l.role, 13)}${pad(l.login, 34)}${l.password}${l.note ? `   (${l.note})` : ''}\n`);
  process.stdout.write('\nThese passwords are shown only now. A session is in progress in the group for the next hour.\n');
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`Demo failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
