import type { MeResponse, OwnMembership, Role } from '@tryg/shared';
import { NAVIGATION, navigationFor } from './navigation';
import { canOpen, PAGES } from './pages';

function me(role: Role, groups: string[]): MeResponse {
  const memberships: OwnMembership[] = groups.map((groupId, i) => ({
    memberId: `m${i}`,
    groupId,
    displayName: 'Alfa',
    status: 'approved',
    showGroupName: false,
    careLoop: false,
    careLoopSentAt: null,
    approvedAt: null,
  }));
  return { account: { id: 'a', login: 'alfa', role, locale: 'da' }, memberships };
}

describe(navigationFor.name, () => {
  it('gives each role only pages that role may open', () => {
    for (const role of Object.keys(NAVIGATION) as Role[])
      for (const entry of NAVIGATION[role])
        expect([role, entry.page, canOpen(PAGES[entry.page], role)]).toEqual([role, entry.page, true]);
  });

  it("leads straight to the room of a member's one group", () => {
    expect(navigationFor(me('participant', ['g1'])).map((item) => item.to)).toEqual([
      '/',
      '/meetings',
      '/groups/g1/room',
      '/log',
      '/account',
    ]);
  });

  it('leaves per-group pages to the home page when there are several groups, or none yet', () => {
    expect(navigationFor(me('facilitator', ['g1', 'g2'])).map((item) => item.to)).toEqual(['/', '/cover', '/account']);
    expect(navigationFor(me('participant', [])).map((item) => item.to)).toEqual(['/', '/meetings', '/log', '/account']);
  });
});
