import { Client, createStaff, type AppAddress } from './test-app';

export interface GroupFixture {
  groupId: string;
  admin: Client;
  coordinator: { client: Client; id: string };
  facilitator: { client: Client; id: string; memberId: string; login: string; password: string };
}

let counter = 0;
const unique = (prefix: string) => `${prefix}${Date.now().toString(36)}${(counter++).toString(36)}`;

/** An admin-made group with one coordinator and one assigned facilitator, all signed in. */
export async function createGroupFixture(app: AppAddress, admin: Client, group: Record<string, unknown> = {}): Promise<GroupFixture> {
  const created = await admin.post('/groups', { name: unique('Gruppe '), capacity: 8, ...group });
  if (created.status !== 201) throw new Error(`group creation failed: ${created.status} ${created.text}`);
  const groupId = created.body.id as string;
  const coordinator = await createStaff(app, admin, 'coordinator', unique('coord.'));
  const facilitator = await createStaff(app, admin, 'facilitator', unique('fac.'), undefined, 'Mette');
  const assigned = await admin.post(`/groups/${groupId}/facilitators`, { accountId: facilitator.id });
  if (assigned.status !== 201) throw new Error(`facilitator assignment failed: ${assigned.status} ${assigned.text}`);
  return {
    groupId,
    admin,
    coordinator: { client: coordinator.client, id: coordinator.id },
    facilitator: {
      client: facilitator.client,
      id: facilitator.id,
      memberId: assigned.body.memberId as string,
      login: facilitator.login,
      password: facilitator.password,
    },
  };
}

export interface Participant {
  client: Client;
  accountId: string;
  memberId: string;
  login: string;
  password: string;
  displayName: string;
  recoveryCodes: string[];
  referralId: string;
}

/** Coordinator issues a code; a new person redeems it (pending membership). */
export async function referNewParticipant(
  app: AppAddress,
  fixture: GroupFixture,
  options: { displayName?: string; clientReference?: string; keepApart?: string[]; note?: string; login?: string } = {},
): Promise<Participant> {
  const issued = await fixture.coordinator.client.post('/referrals', {
    groupId: fixture.groupId,
    ...(options.clientReference ? { clientReference: options.clientReference } : {}),
    ...(options.keepApart ? { keepApart: options.keepApart } : {}),
    ...(options.note ? { noteForFacilitator: options.note } : {}),
  });
  if (issued.status !== 201) throw new Error(`referral failed: ${issued.status} ${issued.text}`);
  const login = options.login ?? unique('p.');
  const password = `${login}-secret-pw`;
  const displayName = options.displayName ?? unique('Navn');
  const client = new Client(app.url);
  const redeemed = await client.post('/auth/redeem', { code: issued.body.code, login, password, displayName });
  if (redeemed.status !== 201) throw new Error(`redeem failed: ${redeemed.status} ${redeemed.text}`);
  return {
    client,
    accountId: redeemed.body.account.id,
    memberId: redeemed.body.membership.memberId,
    login,
    password,
    displayName,
    recoveryCodes: redeemed.body.recoveryCodes,
    referralId: issued.body.referral.id,
  };
}

/** Referred, redeemed and approved by the group's facilitator. */
export async function addApprovedParticipant(
  app: AppAddress,
  fixture: GroupFixture,
  options: Parameters<typeof referNewParticipant>[2] = {},
): Promise<Participant> {
  const participant = await referNewParticipant(app, fixture, options);
  const approved = await fixture.facilitator.client.post(`/groups/${fixture.groupId}/members/${participant.memberId}/approve`);
  if (approved.status !== 200) throw new Error(`approval failed: ${approved.status} ${approved.text}`);
  return participant;
}
