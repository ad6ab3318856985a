import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import type { IncidentVerification } from '@tryg/shared';
import en from '../../../lib/i18n/en.json';
import { initI18n } from '../../../lib/i18n/i18n';
import { createQueryClient } from '../../../lib/query-client';
import { VerificationBadge } from './verification-badge';

const i18n = initI18n('en');
const text = en.incidentLog.verify;

function answering(result: IncidentVerification) {
  globalThis.fetch = jest.fn(() =>
    Promise.resolve({
      ok: true,
      status: 200,
      headers: { get: () => null },
      text: () => Promise.resolve(JSON.stringify(result)),
    } as unknown as Response),
  ) as unknown as typeof fetch;
}

function renderBadge(describeEntry?: (id: string) => string | null) {
  render(
    <QueryClientProvider client={createQueryClient()}>
      <I18nextProvider i18n={i18n}>
        <VerificationBadge describeEntry={describeEntry} />
      </I18nextProvider>
    </QueryClientProvider>,
  );
}

describe(VerificationBadge.name, () => {
  it('says the log is intact and how many versions were checked', async () => {
    answering({ intact: true, versions: 4, brokenAt: null });
    renderBadge();
    await screen.findByText(text.intact);
    expect(screen.getByText(text.intactText_other.replace('{{count}}', '4'))).toBeTruthy();
  });

  it('says where the chain breaks, in words for an entry the page knows', async () => {
    answering({ intact: false, versions: 3, brokenAt: { entryId: 'e-1', version: 2 } });
    renderBadge((id) => (id === 'e-1' ? 'the incident of 20 November at 17:30' : null));
    await screen.findByText(text.broken);
    expect(
      screen.getByText(
        text.brokenAt.replace('{{where}}', 'the incident of 20 November at 17:30').replace('{{version}}', '2'),
      ),
    ).toBeTruthy();
    expect(screen.queryByText(text.intact)).toBeNull();
  });

  it('still says where when the broken entry cannot be shown', async () => {
    answering({ intact: false, versions: 3, brokenAt: { entryId: 'gone', version: 5 } });
    renderBadge(() => null);
    await screen.findByText(text.brokenAt.replace('{{where}}', text.unknownEntry).replace('{{version}}', '5'));
  });
});
