import { createQueryClient } from '../../lib/query-client';
import { onClientStateReset } from '../../lib/client-state';
import {
  FALLBACK_QUICK_EXIT_URL,
  getQuickExitUrl,
  leaveIfReturnedAfterQuickExit,
  performQuickExit,
  setQuickExitUrl,
} from './quick-exit';

describe(performQuickExit.name, () => {
  const fetchMock = jest.fn<Promise<Response>, [RequestInfo | URL, RequestInit?]>();

  beforeEach(() => {
    fetchMock.mockReset();
    globalThis.fetch = fetchMock as unknown as typeof fetch;
    sessionStorage.clear();
  });

  it('starts with the neutral fallback and accepts only http(s) addresses from the server', () => {
    expect(getQuickExitUrl()).toBe(FALLBACK_QUICK_EXIT_URL);
    setQuickExitUrl('javascript:alert(1)');
    expect(getQuickExitUrl()).toBe(FALLBACK_QUICK_EXIT_URL);
  });

  it('clears the caches, sends logout with keepalive and CSRF without waiting, then leaves', () => {
    setQuickExitUrl('https://weather.example/');
    const client = createQueryClient();
    client.setQueryData(['me'], { account: { id: 'a' } });
    const unregister = onClientStateReset(() => client.clear());
    document.body.innerHTML = '<main><h1>Private</h1></main>';
    // The logout answer never arrives: leaving must not wait for it.
    fetchMock.mockReturnValue(new Promise<Response>(() => undefined));
    const leave = jest.fn();

    performQuickExit(leave);

    expect(client.getQueryData(['me'])).toBeUndefined();
    expect(fetchMock).toHaveBeenCalledWith('/api/v1/auth/logout', {
      method: 'POST',
      keepalive: true,
      credentials: 'same-origin',
      headers: { 'X-Tryg-Csrf': '1' },
    });
    expect(leave).toHaveBeenCalledWith('https://weather.example/');
    expect(fetchMock.mock.invocationCallOrder[0]).toBeLessThan(leave.mock.invocationCallOrder[0]);
    expect(document.body.textContent).toBe('');
    unregister();
  });

  it('still leaves when sending the logout throws', () => {
    fetchMock.mockImplementation(() => {
      throw new Error('blocked');
    });
    const leave = jest.fn();
    performQuickExit(leave);
    expect(leave).toHaveBeenCalledTimes(1);
  });

  it('marks the tab so Back leaves again, while a fresh visit clears the mark', () => {
    performQuickExit(jest.fn());
    // A reload or a new visit in this tab shows Tryg again and forgets the mark.
    expect(leaveIfReturnedAfterQuickExit('navigate')).toBe(false);
    expect(leaveIfReturnedAfterQuickExit('back_forward')).toBe(false);
  });
});
