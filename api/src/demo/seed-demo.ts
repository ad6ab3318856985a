import { randomBytes, randomUUID } from 'node:crypto';
import { io, type Socket } from 'socket.io-client';
import { SESSION_COOKIE } from '@tryg/shared';
import { danishWeekday, groupNameFor, nextDateOn } from './demo-calendar';
import { DemoClient } from './demo-client';

export interface DemoLogin {
  role: 'admin' | 'coordinator' | 'facilitator' | 'participant';
  login: string;
  password: string;
  note?: string;
}

const ZONE = 'Europe/Copenhagen';
const DAY_MS = 24 * 3600 * 1000;

const PEOPLE = [
  { name: 'Solsikke', line: 'Hej alle. Jeg er ny her og lidt nervøs.' },
  { name: 'Havørn', line: 'Velkommen! Det var jeg også første gang.' },
  { name: 'Lyngen', line: 'Jeg har skrevet tre episoder ind i mine noter i denne uge.' },
  { name: 'Mågen', line: 'Godt at høre. Det hjælper at få det ned på skrift.' },
  { name: 'Birk', line: 'Jeg har fået hemmeligt nummer nu. Det giver lidt ro.' },
  { name: 'Klitten', line: 'Tak fordi I deler. Jeg lytter med i dag.' },
];

/** Solsikke's own notes: what a first week of the log looks like. */
const NOTES = [
  {
    daysAgo: 6,
    contactType: 'sms',
    description: 'Tre beskeder fra et ukendt nummer om aftenen. Den sidste: "Jeg ved, hvor du er."',
    place: 'Hjemme',
  },
  {
    daysAgo: 3,
    contactType: 'showing-up',
    description: 'Han stod ved cykelstativet uden for mit arbejde, da jeg gik hjem. Han sagde ikke noget.',
    place: 'Uden for arbejdet',
  },
  {
    daysAgo: 1,
    contactType: 'social-media',
    description: 'En ny profil uden billede bad om at følge mig. Den følger også min søster.',
    place: 'Instagram',
  },
];

const password = () => randomBytes(12).toString('base64url');

/** A socket in the group's room, for the demo's conversation (joining records presence for attendance). */
async function inRoom(baseUrl: string, client: DemoClient, groupId: string): Promise<Socket> {
  const socket = io(`${baseUrl}/chat`, {
    path: '/socket.io',
    transports: ['websocket'],
    extraHeaders: { cookie: `${SESSION_COOKIE}=${client.token}` },
    reconnection: false,
  });
  await new Promise<void>((ok, fail) => {
    socket.once('connect', () => ok());
    socket.once('connect_error', fail);
  });
  const joined = (await socket.timeout(5000).emitWithAck('room:join', { groupId })) as { ok: boolean };
  if (!joined.ok) throw new Error(`demo join refused: ${JSON.stringify(joined)}`);
  return socket;
}

async function say(
  socket: Socket,
  groupId: string,
  body: string,
  extra: Record<string, unknown> = {},
): Promise<string> {
  const ack = (await socket
    .timeout(5000)
    .emitWithAck('message:send', { groupId, clientMessageId: randomUUID(), body, ...extra })) as {
    ok: boolean;
    message?: { id: string };
  };
  if (!ack.ok || !ack.message) throw new Error(`demo message refused: ${JSON.stringify(ack)}`);
  return ack.message.id;
}

/**
 * Seeds a demo organisation through the real API and live room (so every rule applies), with
 * something on every role's main screens: two groups that meet on the weekday their names say (one
 * in session now), a conversation, a report, a person waiting for intake, referrals in every state,
 * attendance, RSVPs and a participant's notes. The admin is made by `createAdmin` (no route can).
 */
export async function seedDemo(
  baseUrl: string,
  createAdmin: (login: string, password: string) => Promise<void>,
  now = new Date(),
): Promise<DemoLogin[]> {
  const suffix = randomBytes(2).toString('hex');
  const logins: DemoLogin[] = [];

  const admin = { login: `demo.admin.${suffix}`, password: password() };
  await createAdmin(admin.login, admin.password);
  logins.push({ role: 'admin', ...admin });
  const adminClient = new DemoClient(baseUrl);
  await adminClient.call('POST', '/auth/login', admin);

  const coordinator = { login: `demo.koordinator.${suffix}`, password: password() };
  await adminClient.call('POST', '/admin/staff', {
    ...coordinator,
    role: 'coordinator',
    displayName: 'Karen',
  });
  logins.push({ role: 'coordinator', ...coordinator });
  const facilitator = { login: `demo.facilitator.${suffix}`, password: password() };
  const fac = await adminClient.call<{ account: { id: string } }>('POST', '/admin/staff', {
    ...facilitator,
    role: 'facilitator',
    displayName: 'Mette',
  });
  logins.push({ role: 'facilitator', ...facilitator });

  // Today's group meets today (a session is on now, started 20 minutes ago); the other meets three
  // days later. "Today" is the day that session started: just after midnight it is yesterday's.
  const onNowStartsAt = new Date(now.getTime() - 20 * 60_000);
  const today = danishWeekday(onNowStartsAt, ZONE);
  const otherDay = danishWeekday(new Date(onNowStartsAt.getTime() + 3 * DAY_MS), ZONE);
  const rules =
    'Det, der bliver sagt her, bliver her.\nVi bruger kun vores gruppenavne.\nIngen skal dele mere, end de har lyst til.';
  const group = await adminClient.call<{ id: string }>('POST', '/groups', {
    name: groupNameFor(today),
    description: 'En lille, lukket gruppe for mennesker, der bliver forfulgt.',
    capacity: 8,
    rules,
  });
  const otherGroup = await adminClient.call<{ id: string }>('POST', '/groups', {
    name: groupNameFor(otherDay),
    description: 'En lille, lukket gruppe for mennesker, der bliver forfulgt.',
    capacity: 8,
    rules,
  });
  for (const id of [group.id, otherGroup.id]) {
    await adminClient.call('POST', `/groups/${id}/facilitators`, { accountId: fac.account.id });
  }

  const coordinatorClient = new DemoClient(baseUrl);
  await coordinatorClient.call('POST', '/auth/login', coordinator);
  const facilitatorClient = new DemoClient(baseUrl);
  await facilitatorClient.call('POST', '/auth/login', facilitator);

  const participants: DemoClient[] = [];
  for (const [i, person] of PEOPLE.entries()) {
    const { code } = await coordinatorClient.call<{ code: string }>('POST', '/referrals', {
      groupId: group.id,
      clientReference: `Sag ${101 + i}`,
      noteForFacilitator: 'Henvist efter samtale med politiets kontaktperson.',
    });
    const credentials = { login: `demo.deltager${i + 1}.${suffix}`, password: password() };
    const client = new DemoClient(baseUrl);
    const redeemed = await client.call<{ membership: { memberId: string } }>('POST', '/auth/redeem', {
      code,
      ...credentials,
      displayName: person.name,
    });
    await facilitatorClient.call('POST', `/groups/${group.id}/members/${redeemed.membership.memberId}/approve`);
    participants.push(client);
    logins.push({ role: 'participant', ...credentials, note: person.name });
  }

  // Someone waiting for the facilitator's decision in the other group; a code not used yet; one revoked.
  const waiting = await coordinatorClient.call<{ code: string }>('POST', '/referrals', {
    groupId: otherGroup.id,
    clientReference: 'Sag 107',
    noteForFacilitator: 'Ønsker en gruppe om aftenen.',
  });
  const waitingLogin = { login: `demo.ny.${suffix}`, password: password() };
  await new DemoClient(baseUrl).call('POST', '/auth/redeem', {
    code: waiting.code,
    ...waitingLogin,
    displayName: 'Hvede',
  });
  logins.push({ role: 'participant', ...waitingLogin, note: 'Hvede, venter på godkendelse' });
  await coordinatorClient.call('POST', '/referrals', { groupId: group.id, clientReference: 'Sag 108' });
  const revoked = await coordinatorClient.call<{ referral: { id: string } }>('POST', '/referrals', {
    groupId: otherGroup.id,
    clientReference: 'Sag 109',
  });
  await coordinatorClient.call('POST', `/referrals/${revoked.referral.id}/revoke`);

  // A session on now (started 20 minutes ago), and each group's weekly series on its own weekday.
  const onNow = await facilitatorClient.call<{ id: string }>('POST', `/groups/${group.id}/meetings`, {
    startsAt: onNowStartsAt.toISOString(),
    durationMinutes: 90,
    title: 'Aftenmøde',
  });
  await facilitatorClient.call('POST', `/meetings/${onNow.id}/cover`);
  const series = await facilitatorClient.call<{ meetings: { id: string }[] }>('POST', `/groups/${group.id}/schedules`, {
    startsOn: nextDateOn(today, now, ZONE),
    time: '18:00',
    durationMinutes: 90,
    frequency: 'weekly',
    count: 8,
  });
  const otherSeries = await facilitatorClient.call<{ meetings: { id: string }[] }>('POST', `/groups/${otherGroup.id}/schedules`, {
    startsOn: nextDateOn(otherDay, now, ZONE, 0),
    time: '17:00',
    durationMinutes: 90,
    frequency: 'weekly',
    count: 8,
  });
  // Facilitator cover: Mette takes both series; one meeting in a few weeks stays a gap to show.
  await facilitatorClient.call('POST', `/meetings/${series.meetings[0].id}/cover`);
  await facilitatorClient.call('POST', `/meetings/${series.meetings[2].id}/cover?scope=following`);
  await facilitatorClient.call('POST', `/meetings/${otherSeries.meetings[0].id}/cover?scope=following`);
  // Most say they are coming next week.
  for (const client of participants.slice(0, 4)) {
    await client.call('PUT', `/meetings/${series.meetings[0].id}/rsvp`, { response: 'yes' });
  }

  // The conversation, through the real live room (joining records who was there).
  const facilitatorSocket = await inRoom(baseUrl, facilitatorClient, group.id);
  await say(facilitatorSocket, group.id, 'Velkommen til aftenens møde. Husk: vi bruger kun vores gruppenavne.');
  const messageIds: string[] = [];
  for (const [i, person] of PEOPLE.entries()) {
    const socket = await inRoom(baseUrl, participants[i], group.id);
    messageIds.push(await say(socket, group.id, person.line));
    socket.close();
  }
  // A message that gives away a phone number (sent after the writer confirmed it), and a report on it.
  const klitten = await inRoom(baseUrl, participants[5], group.id);
  const risky = await say(klitten, group.id, 'Hvis nogen vil snakke bagefter, så ring på 22 33 44 55.', {
    confirmIdentifying: true,
  });
  klitten.close();
  await participants[1].call('POST', `/groups/${group.id}/messages/${risky}/report`, {
    category: 'identifying-info',
    note: 'Et telefonnummer i gruppen. Er det en god idé?',
  });
  await say(facilitatorSocket, group.id, 'Tak for i aften indtil videre. Tag en pause, hvis I har brug for det.');
  facilitatorSocket.close();

  // Solsikke's notes (the incident log), for the log's screens.
  for (const note of NOTES) {
    await participants[0].call('POST', '/me/incidents', {
      occurredAt: new Date(now.getTime() - note.daysAgo * DAY_MS).toISOString(),
      contactType: note.contactType,
      description: note.description,
      place: note.place,
    });
  }
  return logins;
}
