import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { I18nProvider } from 'react-aria-components';
import { I18nextProvider } from 'react-i18next';
import type { Group, Meeting } from '@tryg/shared';
import da from '../../../lib/i18n/da.json';
import { initI18n } from '../../../lib/i18n/i18n';
import { EditMeetingDialog, type EditKind } from './edit-meeting-dialog';

// jsdom has no CSS.escape, which React Aria's modal uses to look up a CSP nonce (none here).
if (typeof globalThis.CSS === 'undefined') {
  Object.assign(globalThis, { CSS: { escape: (value: string) => value.replace(/["\\]/g, '\\$&') } });
}

const i18n = initI18n('da');
const text = da.scheduling.schedule;

const GROUP: Group = {
  id: 'g',
  name: 'Gruppe',
  description: '',
  language: 'da',
  capacity: 8,
  timezone: 'Europe/Copenhagen',
  betweenSessions: 'closed',
  rules: '',
  retentionDays: 180,
  openMinutesBefore: 10,
  requireFacilitator: true,
  coverCancelHours: 24,
  careLoopAfter: 2,
};

/** What the API client reads of a fetch answer (jsdom has no Response). */
function jsonAnswer(body: unknown) {
  return { ok: true, status: 200, headers: { get: () => null }, text: async () => JSON.stringify(body) };
}

function meeting(scheduleId: string | null): Meeting {
  return {
    id: '7d3c2f7e-3f4a-4d7e-9a55-2b1f6f0c9a11',
    groupId: 'g',
    scheduleId,
    startsAt: '2099-03-26T17:00:00.000Z',
    endsAt: '2099-03-26T18:30:00.000Z',
    durationMinutes: 90,
    title: null,
    cancelled: false,
    capacity: 8,
    going: 0,
    myRsvp: null,
    waitlistPosition: null,
    covered: false,
  };
}

function setup(kind: EditKind, subject: Meeting) {
  const requests: { url: string; method: string; body: unknown }[] = [];
  const fetchMock = jest.fn(async (url: string, init: RequestInit) => {
    requests.push({ url, method: init.method ?? 'GET', body: init.body ? JSON.parse(String(init.body)) : undefined });
    return jsonAnswer(subject);
  });
  global.fetch = fetchMock as unknown as typeof fetch;
  const onDone = jest.fn();
  const client = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <I18nextProvider i18n={i18n}>
        {/* As the app's providers do: React Aria speaks the app's language, not the browser's. */}
        <I18nProvider locale="da-DK">
          <EditMeetingDialog
            kind={kind}
            meeting={subject}
            group={GROUP}
            when="torsdag 26. marts kl. 18.00"
            onDone={onDone}
          />
        </I18nProvider>
      </I18nextProvider>
    </QueryClientProvider>,
  );
  return { requests, onDone };
}

/** What a field shows, without the invisible direction marks React Aria puts around times. */
const shown = (element: HTMLElement) => (element.textContent ?? '').replace(/[\u200e\u200f\u2066-\u2069]/g, '');

describe(EditMeetingDialog.name, () => {
  it('asks whether to cancel this meeting or the rest of the series, and sends that choice', async () => {
    const { requests, onDone } = setup('cancel', meeting('s'));
    fireEvent.click(screen.getByRole('button', { name: /^Aflys mødet torsdag 26. marts/ }));
    const dialog = await screen.findByRole('alertdialog');
    expect(screen.getByRole('group', { name: text.scope.legend })).toBeTruthy();
    // "Only this meeting" is chosen until the facilitator says otherwise.
    expect((screen.getByRole('radio', { name: text.scope.this }) as HTMLInputElement).checked).toBe(true);
    fireEvent.click(screen.getByRole('radio', { name: text.scope.following }));
    fireEvent.click(screen.getByRole('button', { name: text.cancelDialog.confirm }));
    await waitFor(() => expect(onDone).toHaveBeenCalledWith('cancelled'));
    expect(requests).toEqual([
      {
        url: '/api/v1/meetings/7d3c2f7e-3f4a-4d7e-9a55-2b1f6f0c9a11',
        method: 'PATCH',
        body: { cancelled: true, scope: 'following' },
      },
    ]);
    await waitFor(() => expect(dialog.isConnected).toBe(false));
  });

  it('offers no scope for a one-off meeting and moves it on the group wall clock', async () => {
    const { requests, onDone } = setup('move', meeting(null));
    fireEvent.click(screen.getByRole('button', { name: /^Flyt mødet torsdag 26. marts/ }));
    await screen.findByRole('dialog');
    expect(screen.queryByRole('radio')).toBeNull();
    // Prefilled with the meeting's own local date and time in Copenhagen, in Danish order and style (26.3.2099, 18.00).
    const date = screen.getByRole('group', { name: text.moveDialog.date });
    const time = screen.getByRole('group', { name: text.fields.time });
    expect(shown(date)).toBe('26.3.2099');
    expect(shown(time)).toBe('18.00');
    // 18.00 → 19.30, with the keys a keyboard user would use on the parts of the time.
    const [hours, minutes] = within(time).getAllByRole('spinbutton');
    fireEvent.keyDown(hours, { key: 'ArrowUp' });
    fireEvent.keyDown(minutes, { key: 'PageUp' });
    fireEvent.keyDown(minutes, { key: 'PageUp' });
    expect(shown(time)).toBe('19.30');
    fireEvent.click(screen.getByRole('button', { name: text.moveDialog.confirm }));
    await waitFor(() => expect(onDone).toHaveBeenCalledWith('moved'));
    expect(requests.map((r) => r.body)).toEqual([{ startsAt: '2099-03-26T18:30:00.000Z' }]);
  });

  it('keeps the dialog open and says why when nothing was changed', async () => {
    const { requests } = setup('move', meeting('s'));
    fireEvent.click(screen.getByRole('button', { name: /^Flyt mødet/ }));
    await screen.findByRole('dialog');
    fireEvent.click(screen.getByRole('button', { name: text.moveDialog.confirm }));
    expect(await screen.findByText(text.problems.nothingChanged)).toBeTruthy();
    expect(requests).toEqual([]);
  });
});
