import { Fragment, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { segmentText } from '../inert-text';

/**
 * Someone's words, inert: React text nodes only (never HTML), newlines kept by CSS, bidi
 * overrides removed, and http(s) addresses as plain links (no preview is ever fetched).
 */
export function MessageText({ text, className = 'message-text' }: { text: string; className?: string }) {
  const { t } = useTranslation();
  const segments = useMemo(() => segmentText(text), [text]);
  return (
    <p className={className} dir="auto">
      {segments.map((segment, index) =>
        segment.kind === 'text' ? (
          <Fragment key={index}>{segment.text}</Fragment>
        ) : (
          <a
            key={index}
            href={segment.href}
            target="_blank"
            rel="noopener noreferrer nofollow"
            referrerPolicy="no-referrer"
          >
            {segment.text}
            <span className="visually-hidden">{t('liveRoom.message.opensNewWindow')}</span>
          </a>
        ),
      )}
    </p>
  );
}
