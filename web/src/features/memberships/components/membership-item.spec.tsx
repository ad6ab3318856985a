import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { I18nextProvider } from 'react-i18next';
import da from '../../../lib/i18n/da.json';
import { initI18n } from '../../../lib/i18n/i18n';
import { queryKeys } from '../../../lib/query-keys';
import type { MyMembership } from '../membership-rules';
import { MembershipItem } from './membership-item';

const i18n = initI18n('da');
const MEMBERSHIP: MyMembership = { memberId: 'm1', groupId: 'g1', displayName: 'Alfa', status: 'approved', showGroupName: false };

/** The item with a server whose PATCH answers `patchStatus`; every request is recorded. */
function renderItem(patchStatus: number) {
  const requests: { url: string; method: string }[] = [];
  global.fetch = jest.fn(async (url: string, init: RequestInit) => {
    requests.push({ url, method: init.method ?? 'GET' });
    const ok = init.method !== 'PATCH' || patchStatus === 200;
    const body = ok ? (init.method === 'PATCH' ? { ...MEMBERSHIP, showGroupName: true } : { memberships: [] }) : { code: 'UNAVAILABLE', message: 'Try again.' };
    return { ok, status: ok ? 200 : patchStatus, headers: { get: () => null }, text: async () => JSON.stringify(body) };
  }) as unknown as typeof fetch;
  const client = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  client.setQueryData(queryKeys.me, { memberships: [MEMBERSHIP] });
  render(
    <QueryClientProvider client={client}>
      <I18nextProvider i18n={i18n}>
        <MembershipItem membership={MEMBERSHIP} groupName="Tirsdagsgruppen" />
      </I18nextProvider>
    </QueryClientProvider>,
  );
  const box = screen.getByRole('checkbox', { name: da.referralJourney.myGroups.showGroupName }) as HTMLInputElement;
  return { requests, box, client };
}

describe('MembershipItem: showing the group name in notifications', () => {
  it('shows the choice from the click on and sends it once, however often the switch is pressed meanwhile', async () => {
    const { requests, box } = renderItem(200);
    expect(box.checked).toBe(false);
    fireEvent.click(box);
    expect(box.checked).toBe(true);
    fireEvent.click(box);
    await waitFor(() => expect(requests.filter((r) => r.method === 'PATCH')).toHaveLength(1));
    expect(requests.find((r) => r.method === 'PATCH')?.url).toBe('/api/v1/groups/g1/membership');
  });

  it('reads my memberships again even when the change is refused (it may have been saved, its answer lost)', async () => {
    const { box, client } = renderItem(503);
    fireEvent.click(box);
    await screen.findByRole('alert');
    expect(client.getQueryState(queryKeys.me)?.isInvalidated).toBe(true);
    await waitFor(() => expect(box.disabled).toBe(false));
    expect(box.checked).toBe(false);
  });
});
