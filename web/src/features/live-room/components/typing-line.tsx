import { useTranslation } from 'react-i18next';
import { neutraliseBidi } from '../inert-text';
import type { TypingMember } from '../room-session';

/** "Alfa is writing …": a quiet line, announced politely only when who is writing changes. */
export function TypingLine({ typing }: { typing: readonly TypingMember[] }) {
  const { t } = useTranslation();
  const names = typing.map((member) => neutraliseBidi(member.displayName));
  let text = '';
  if (names.length === 1) text = t('liveRoom.typing.one', { name: names[0] });
  else if (names.length === 2) text = t('liveRoom.typing.two', { first: names[0], second: names[1] });
  else if (names.length > 2) text = t('liveRoom.typing.many');
  return (
    <p className="typing-line" aria-live="polite" aria-atomic="true">
      {text}
    </p>
  );
}
