import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { I18nextProvider } from 'react-i18next';
import type { CareLoopStatus } from '@tryg/shared';
import da from '../../../lib/i18n/da.json';
import { initI18n } from '../../../lib/i18n/i18n';
import { CareLoopSwitch } from './care-loop-switch';

const i18n = initI18n('da');
const text = da.careLoop.switch;

/** A server holding the switch: a PATCH changes what the next GET reads, unless it is to fail. */
function renderSwitch(status: CareLoopStatus, options: { failPatch?: boolean } = {}) {
  const requests: { url: string; method: string; body: unknown }[] = [];
  let saved = status;
  global.fetch = jest.fn(async (url: string, init: RequestInit) => {
    const body = init.body ? (JSON.parse(String(init.body)) as { careLoop: boolean }) : undefined;
    requests.push({ url, method: init.method ?? 'GET', body });
    if (init.method === 'PATCH' && options.failPatch) {
      const problem = { code: 'UNAVAILABLE', message: 'Try again.' };
      return { ok: false, status: 503, headers: { get: () => null }, text: async () => JSON.stringify(problem) };
    }
    if (init.method === 'PATCH' && body) saved = { ...saved, careLoop: body.careLoop };
    const answer = init.method === 'PATCH' ? { careLoop: saved.careLoop } : saved;
    return { ok: true, status: 200, headers: { get: () => null }, text: async () => JSON.stringify(answer) };
  }) as unknown as typeof fetch;
  const client = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <I18nextProvider i18n={i18n}>
        <CareLoopSwitch groupId="g1" memberId="m1" />
      </I18nextProvider>
    </QueryClientProvider>,
  );
  return requests;
}

const OFF: CareLoopStatus = { careLoop: false, careLoopSentAt: null, careLoopAfter: 3, coordinator: 'available' };

describe(CareLoopSwitch.name, () => {
  it("is off, explains itself with the group's count, and sends the member's yes", async () => {
    const requests = renderSwitch(OFF);
    const box = await screen.findByRole('checkbox', { name: text.label });
    expect((box as HTMLInputElement).checked).toBe(false);
    expect(screen.getByText(text.explanation_other.replace('{{count}}', '3'))).toBeTruthy();
    fireEvent.click(box);
    await waitFor(() => expect(requests.some((r) => r.method === 'PATCH')).toBe(true));
    expect(requests.find((r) => r.method === 'PATCH')).toEqual({
      url: '/api/v1/groups/g1/membership',
      method: 'PATCH',
      body: { careLoop: true },
    });
  });

  it("shows the member's choice from the click on, not the old value until the request is under way, and keeps it once saved", async () => {
    const requests = renderSwitch(OFF);
    const box = (await screen.findByRole('checkbox', { name: text.label })) as HTMLInputElement;
    fireEvent.click(box);
    // Right after the click, before any timer or request has run; and a second click then sends nothing.
    expect(box.checked).toBe(true);
    expect(box.disabled).toBe(true);
    fireEvent.click(box);
    // Saved, and the switch read back from the server after it.
    await waitFor(() => expect(requests.map((r) => r.method)).toEqual(['GET', 'PATCH', 'GET']));
    await waitFor(() => expect(box.disabled).toBe(false));
    expect(box.checked).toBe(true);
    expect(requests.filter((r) => r.method === 'PATCH')).toHaveLength(1);
  });

  it('goes back to what is saved, with the reason, when the change is refused', async () => {
    const requests = renderSwitch(OFF, { failPatch: true });
    const box = (await screen.findByRole('checkbox', { name: text.label })) as HTMLInputElement;
    fireEvent.click(box);
    expect(box.checked).toBe(true);
    await screen.findByRole('alert');
    await waitFor(() => expect(box.disabled).toBe(false));
    expect(box.checked).toBe(false);
    expect(requests.map((r) => r.method)).toEqual(['GET', 'PATCH', 'GET']);
  });

  it('says when the coordinator was told, and when nobody can be told', async () => {
    renderSwitch({ ...OFF, careLoop: true, careLoopSentAt: '2027-03-02T10:00:00.000Z', coordinator: 'unavailable' });
    await screen.findByText(text.unavailable);
    expect(screen.getByText(/^Din koordinator fik besked/)).toBeTruthy();
  });
});
