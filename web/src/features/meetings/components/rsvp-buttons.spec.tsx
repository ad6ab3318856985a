import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { I18nextProvider } from 'react-i18next';
import type { Meeting } from '@tryg/shared';
import da from '../../../lib/i18n/da.json';
import { initI18n } from '../../../lib/i18n/i18n';
import { RsvpButtons } from './rsvp-buttons';

const i18n = initI18n('da');
const text = da.scheduling.agenda;

/** What the API client reads of a fetch answer (jsdom has no Response). */
function jsonAnswer(body: unknown) {
  return { ok: true, status: 200, headers: { get: () => null }, text: async () => JSON.stringify(body) };
}

function meeting(extra: Partial<Meeting>): Meeting {
  return {
    id: '5b0e3a2c-1d4f-4c6a-8e21-7f9a0b3c4d5e',
    groupId: 'g',
    scheduleId: null,
    startsAt: '2099-03-26T17:00:00.000Z',
    endsAt: '2099-03-26T18:30:00.000Z',
    durationMinutes: 90,
    title: null,
    cancelled: false,
    capacity: 1,
    going: 1,
    myRsvp: null,
    waitlistPosition: null,
    covered: false,
    ...extra,
  };
}

function renderButtons(subject: Meeting) {
  const requests: { url: string; method: string; body: unknown }[] = [];
  global.fetch = jest.fn(async (url: string, init: RequestInit) => {
    requests.push({ url, method: init.method ?? 'GET', body: init.body ? JSON.parse(String(init.body)) : undefined });
    return jsonAnswer({ status: 'waitlisted', waitlistPosition: 1 });
  }) as unknown as typeof fetch;
  const client = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  const view = render(
    <QueryClientProvider client={client}>
      <I18nextProvider i18n={i18n}>
        <RsvpButtons meeting={subject} label="Dit svar" />
      </I18nextProvider>
    </QueryClientProvider>,
  );
  return { requests, view, client };
}

describe(RsvpButtons.name, () => {
  it('offers the waiting list when every place is taken, and sends a yes', async () => {
    const { requests } = renderButtons(meeting({}));
    expect(screen.getByText(da.scheduling.agenda.full_one)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: text.joinWaitlist }));
    await waitFor(() => expect(requests).toHaveLength(1));
    expect(requests[0]).toEqual({
      url: '/api/v1/meetings/5b0e3a2c-1d4f-4c6a-8e21-7f9a0b3c4d5e/rsvp',
      method: 'PUT',
      body: { response: 'yes' },
    });
  });

  it('says the place on the waiting list in plain words', () => {
    renderButtons(meeting({ myRsvp: 'yes', waitlistPosition: 2 }));
    expect(screen.getByRole('status').textContent).toBe(text.waitlistPosition.replace('{{position}}', '2'));
    // The buttons say the waiting list too: "On the waiting list (no. 2)" and "Leave the waiting list".
    const onList = screen.getByRole('button', { name: text.onWaitlist.replace('{{position}}', '2') });
    expect(onList.getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByRole('button', { name: text.leaveWaitlist })).toBeTruthy();
    expect(screen.queryByRole('button', { name: text.going })).toBeNull();
  });

  it('leaves the waiting list with a no', async () => {
    const { requests } = renderButtons(meeting({ myRsvp: 'yes', waitlistPosition: 1 }));
    fireEvent.click(screen.getByRole('button', { name: text.leaveWaitlist }));
    await waitFor(() => expect(requests).toHaveLength(1));
    expect(requests[0].body).toEqual({ response: 'no' });
  });

  it('counts the free places when there are some', () => {
    renderButtons(meeting({ capacity: 8, going: 5, myRsvp: 'no' }));
    expect(screen.getByText('3 ledige pladser ud af 8.')).toBeTruthy();
    expect(screen.getByRole('status').textContent).toBe(text.youAreNotGoing);
  });
});
