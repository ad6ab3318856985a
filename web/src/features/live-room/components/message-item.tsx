import { memo, useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { MemberRole, Message } from '@tryg/shared';
import { Button } from '../../../components/ui/button';
import { currentLocale } from '../../../lib/i18n/i18n';
import { neutraliseBidi } from '../inert-text';
import { formatDay, formatTime, isSameDay } from '../room-time';
import { MessageText } from './message-text';
import './role-badge.css';

/** The writer's pseudonym, or "former member" when their account is gone. */
export function AuthorName({ name }: { name: string | null }) {
  const { t } = useTranslation();
  return (
    <span className="message-author">{name === null ? t('liveRoom.message.formerMember') : neutraliseBidi(name)}</span>
  );
}

/**
 * The facilitator's badge, beside the name and never part of it: the role comes from the server
 * (`message.role`), and its filled shape and icon are nothing a name's letters can copy.
 */
export function RoleBadge({ role }: { role: MemberRole | null }) {
  const { t } = useTranslation();
  if (role !== 'facilitator') return null;
  return (
    <span className="role-badge">
      <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false">
        <path d="M8 0.5 14.5 3v4.5c0 3.9-2.8 7-6.5 8-3.7-1-6.5-4.1-6.5-8V3Z" />
      </svg>
      {t('liveRoom.message.facilitatorBadge')}
    </span>
  );
}

function SentAt({ iso, now, timeZone }: { iso: string; now: Date; timeZone?: string }) {
  const locale = currentLocale();
  const time = formatTime(iso, locale, timeZone);
  const shown = isSameDay(iso, now, timeZone) ? time : [formatDay(iso, locale, timeZone), time].join(' ');
  return (
    <time className="message-time" dateTime={iso}>
      {shown}
    </time>
  );
}

/** A content warning first; the text only when the reader chooses to open it. */
export function ContentWarningGate({ warning, children }: { warning: string; children: ReactNode }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const contentId = useId();
  return (
    <div className="content-warning">
      <p className="content-warning-label" dir="auto">
        {t('liveRoom.message.contentWarning', { warning: neutraliseBidi(warning) })}
      </p>
      <Button variant="secondary" aria-expanded={open} aria-controls={contentId} onPress={() => setOpen(!open)}>
        {open ? t('liveRoom.message.hide') : t('liveRoom.message.show')}
      </Button>
      <div id={contentId} hidden={!open}>
        {open ? children : null}
      </div>
    </div>
  );
}

/**
 * "⋯": a message's actions stay out of sight until asked for, so the conversation reads as a
 * conversation; they open below the message (not a popup, so their dialogs stay in place).
 */
function MoreButton({
  open,
  controls,
  label,
  onToggle,
}: {
  open: boolean;
  controls: string;
  label: string;
  onToggle: () => void;
}) {
  return (
    <Button
      variant="quiet"
      className="message-more"
      aria-label={label}
      aria-expanded={open}
      aria-controls={controls}
      onPress={onToggle}
    >
      <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
        <circle cx="5" cy="12" r="2" fill="currentColor" />
        <circle cx="12" cy="12" r="2" fill="currentColor" />
        <circle cx="19" cy="12" r="2" fill="currentColor" />
      </svg>
    </Button>
  );
}

export interface MessageItemProps {
  message: Message;
  own: boolean;
  /** Today's messages show the time only; older ones the day too. */
  now: Date;
  timeZone?: string;
  /** Buttons for this message (delete for its author, report, moderation), folded behind "⋯". */
  actions?: ReactNode;
  /** Shown under the message even after removal (facilitators: the original text and the reason). */
  footer?: ReactNode;
}

/** One stored message in the list. */
export const MessageItem = memo(function MessageItem({
  message,
  own,
  now,
  timeZone,
  actions,
  footer,
}: MessageItemProps) {
  const { t } = useTranslation();
  const [actionsOpen, setActionsOpen] = useState(false);
  const actionsId = useId();
  let content: ReactNode;
  if (message.removed !== null) {
    content = (
      <p className="message-tombstone">
        {message.removed === 'author' ? t('liveRoom.message.deleted') : t('liveRoom.message.removedByFacilitator')}
      </p>
    );
  } else if (message.body === null) {
    content = null;
  } else if (message.contentWarning) {
    content = (
      <ContentWarningGate warning={message.contentWarning}>
        <MessageText text={message.body} />
      </ContentWarningGate>
    );
  } else {
    content = <MessageText text={message.body} />;
  }
  const hasActions = Boolean(actions) && message.removed === null;
  return (
    <li className={own ? 'message message-own' : 'message'} data-seq={message.seq} tabIndex={-1}>
      <div className="message-head">
        <p className="message-meta">
          <AuthorName name={message.displayName} />
          <RoleBadge role={message.role} />
          <SentAt iso={message.createdAt} now={now} timeZone={timeZone} />
          {own && message.removed === null ? (
            <span className="message-state">
              {message.status === 'held' ? t('liveRoom.message.held') : t('liveRoom.message.sent')}
            </span>
          ) : null}
        </p>
        {hasActions ? (
          <MoreButton
            open={actionsOpen}
            controls={actionsId}
            label={t('liveRoom.message.actions', {
              name:
                message.displayName === null ? t('liveRoom.message.formerMember') : neutraliseBidi(message.displayName),
            })}
            onToggle={() => setActionsOpen(!actionsOpen)}
          />
        ) : null}
      </div>
      {content}
      {hasActions ? (
        <div id={actionsId} className="message-actions" hidden={!actionsOpen}>
          {actionsOpen ? actions : null}
        </div>
      ) : null}
      {footer}
    </li>
  );
});
