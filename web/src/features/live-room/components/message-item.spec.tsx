import { fireEvent, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import type { Message } from '@tryg/shared';
import da from '../../../lib/i18n/da.json';
import { initI18n } from '../../../lib/i18n/i18n';
import { MessageItem } from './message-item';

const i18n = initI18n('da');
const text = da.liveRoom.message;

function message(change: Partial<Message>): Message {
  return {
    id: 'm1',
    groupId: 'g',
    seq: 1,
    memberId: 'other',
    displayName: 'Bravo',
    role: 'member',
    body: 'hej',
    contentWarning: null,
    status: 'delivered',
    removed: null,
    createdAt: '2026-03-24T17:03:00.000Z',
    ...change,
  };
}

function show(subject: Message, own = false) {
  return render(
    <I18nextProvider i18n={i18n}>
      <ol>
        <MessageItem
          message={subject}
          own={own}
          now={new Date('2026-03-24T18:00:00.000Z')}
          timeZone="Europe/Copenhagen"
        />
      </ol>
    </I18nextProvider>,
  );
}

describe('MessageItem', () => {
  it('shows markup as literal text and creates no element from it', () => {
    const attacks = ['<script>window.__xss=1</script>', '<img src=x onerror=alert(1)>', 'javascript:alert(1)'];
    const { container } = show(message({ body: attacks.join('\n') }));
    const body = container.querySelector('.message-text');
    expect(body?.textContent).toBe(attacks.join('\n'));
    expect(container.querySelector('script, img, a')).toBeNull();
    expect(body?.children).toHaveLength(0);
  });

  it('links only http(s) addresses, opened without referrer and never previewed', () => {
    const { container } = show(message({ body: 'se https://example.org/råd og javascript:alert(1)' }));
    const links = container.querySelectorAll('a');
    expect(links).toHaveLength(1);
    expect(links[0].getAttribute('href')).toBe('https://example.org/r%C3%A5d');
    expect(links[0].getAttribute('rel')).toBe('noopener noreferrer nofollow');
    expect(links[0].getAttribute('target')).toBe('_blank');
    expect(container.querySelector('iframe, img, object, link')).toBeNull();
  });

  it('removes bidi overrides from the text and the name', () => {
    const { container } = show(message({ displayName: 'Ev\u202Eil', body: 'faktura\u202Egnp.exe' }));
    expect(container.textContent).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
    expect(container.querySelector('.message-text')?.textContent).toBe('fakturagnp.exe');
    expect(container.querySelector('.message-author')?.textContent).toBe('Evil');
  });

  it('marks a facilitator’s message with a badge outside the name, and a member’s with none', () => {
    const facilitator = show(message({ displayName: 'Mette', role: 'facilitator' }));
    const badge = facilitator.container.querySelector('.role-badge');
    expect(badge?.textContent).toBe(text.facilitatorBadge);
    expect(badge?.querySelector('svg')?.getAttribute('aria-hidden')).toBe('true');
    expect(facilitator.container.querySelector('.message-author')?.textContent).toBe('Mette');
    expect(facilitator.container.querySelector('.message-author .role-badge')).toBeNull();
    facilitator.unmount();

    // A member whose name reads like a role still gets no badge: only the server's role draws one.
    const member = show(message({ displayName: 'Mette Facilitator', role: 'member' }));
    expect(member.container.querySelector('.role-badge')).toBeNull();
    member.unmount();
    const former = show(message({ memberId: null, displayName: null, role: null }));
    expect(former.container.querySelector('.role-badge')).toBeNull();
    expect(former.container.querySelector('.message-author')?.textContent).toBe(text.formerMember);
  });

  it('keeps a warned message closed until the reader opens it', () => {
    show(message({ body: 'det svære', contentWarning: 'vold' }));
    expect(screen.getByText(text.contentWarning.replace('{{warning}}', 'vold'))).toBeTruthy();
    expect(screen.queryByText('det svære')).toBeNull();
    const button = screen.getByRole('button', { name: text.show });
    expect(button.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(button);
    expect(screen.getByText('det svære')).toBeTruthy();
    expect(screen.getByRole('button', { name: text.hide }).getAttribute('aria-expanded')).toBe('true');
  });

  it('shows tombstones, former members and the sent state of my own messages', () => {
    const { rerender } = show(message({ body: null, removed: 'author', displayName: null, memberId: null }));
    expect(screen.getByText(text.deleted)).toBeTruthy();
    expect(screen.getByText(text.formerMember)).toBeTruthy();
    rerender(
      <I18nextProvider i18n={i18n}>
        <ol>
          <MessageItem message={message({ memberId: 'me' })} own now={new Date('2026-03-24T18:00:00.000Z')} />
        </ol>
      </I18nextProvider>,
    );
    expect(screen.getByText(text.sent)).toBeTruthy();
  });

  it('writes the time the Danish way', () => {
    const { container } = show(message({}));
    expect(container.querySelector('time')?.textContent).toBe('18.03');
  });
});
