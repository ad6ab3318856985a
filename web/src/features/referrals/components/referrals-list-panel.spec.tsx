import { render, screen } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { I18nextProvider } from 'react-i18next';
import type { Referral } from '@tryg/shared';
import da from '../../../lib/i18n/da.json';
import { initI18n } from '../../../lib/i18n/i18n';
import { ReferralsListPanel } from './referrals-list-panel';

const i18n = initI18n('da');

function referral(extra: Partial<Referral>): Referral {
  return {
    id: crypto.randomUUID(),
    groupId: 'g1',
    status: 'approved',
    clientReference: 'KLIENT-4711',
    createdAt: '2027-02-01T09:00:00.000Z',
    expiresAt: '2027-02-15T09:00:00.000Z',
    keepApartMatch: false,
    care: null,
    ...extra,
  };
}

function renderPanel(items: Referral[]) {
  global.fetch = jest.fn(async (url: string) => {
    const body = url.endsWith('/referrals')
      ? { items, nextCursor: null }
      : { items: [{ id: 'g1', name: 'Tirsdagsgruppen' }], nextCursor: null };
    return { ok: true, status: 200, headers: { get: () => null }, text: async () => JSON.stringify(body) };
  }) as unknown as typeof fetch;
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <I18nextProvider i18n={i18n}>
        <ReferralsListPanel />
      </I18nextProvider>
    </QueryClientProvider>,
  );
}

describe('the care-loop nudge in the referral list', () => {
  it("shows the missed count and when the coordinator was told, only on that client's referral", async () => {
    renderPanel([
      referral({ care: { missedInARow: 3, since: '2027-03-02T10:00:00.000Z' } }),
      referral({ clientReference: 'KLIENT-0815' }),
    ]);
    const mark = await screen.findByText(da.referralJourney.referrals.care.mark);
    const item = mark.closest('li')!;
    expect(item.textContent).toContain('KLIENT-4711');
    expect(item.textContent).toContain('borgeren har ikke været med til 3 møder i træk');
    expect(screen.getByText('1 borger er udeblevet fra sin gruppe.')).toBeTruthy();
    const other = screen.getByText('KLIENT-0815').closest('li')!;
    expect(other.textContent).not.toContain(da.referralJourney.referrals.care.mark);
  });

  it('shows nothing of the kind when no client is missing meetings', async () => {
    renderPanel([referral({})]);
    await screen.findByText('KLIENT-4711');
    expect(screen.queryByText(da.referralJourney.referrals.care.mark)).toBeNull();
  });
});
