import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { SESSION_IDLE_MINUTES } from '@tryg/shared';
import da from '../../../lib/i18n/da.json';
import { initI18n } from '../../../lib/i18n/i18n';
import { noteActivity, setListeningInOpenRoom } from '../../../lib/session-activity';
import { IdleWarning } from './idle-warning';

const i18n = initI18n('da');
const text = da.sessionTimeout;
const MINUTE = 60_000;

function renderWarning() {
  const requests: { url: string; method: string }[] = [];
  global.fetch = jest.fn(async (url: string, init: RequestInit) => {
    requests.push({ url, method: init.method ?? 'GET' });
    return { ok: true, status: 204, headers: { get: () => null }, text: async () => '' };
  }) as unknown as typeof fetch;
  render(
    <I18nextProvider i18n={i18n}>
      <IdleWarning />
    </I18nextProvider>,
  );
  return requests;
}

describe(IdleWarning.name, () => {
  afterEach(() => act(() => setListeningInOpenRoom(false)));

  it('says nothing while the session has more than two minutes left', () => {
    act(() => noteActivity(Date.now() - (SESSION_IDLE_MINUTES - 5) * MINUTE));
    renderWarning();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('warns two minutes before the idle end, and "stay signed in" tells the server and clears the notice', async () => {
    act(() => noteActivity(Date.now() - (SESSION_IDLE_MINUTES - 1.5) * MINUTE));
    const requests = renderWarning();
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain(text.warning_other.replace('{{count}}', '2'));
    fireEvent.click(screen.getByRole('button', { name: text.stay }));
    await waitFor(() =>
      expect(requests).toContainEqual({ url: expect.stringMatching(/\/auth\/activity$/), method: 'POST' }),
    );
    // The answered request restarted the idle timer here as on the server: the notice goes.
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
  });

  it('shows no warning while the tab listens in a room open for a meeting (the server keeps the session)', () => {
    act(() => noteActivity(Date.now() - (SESSION_IDLE_MINUTES - 1) * MINUTE));
    act(() => setListeningInOpenRoom(true));
    renderWarning();
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
