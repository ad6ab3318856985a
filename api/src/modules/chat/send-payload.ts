import { CONTENT_WARNING_MAX, MESSAGE_MAX_CODE_POINTS, NOT_CHAT_TEXT, type SendPayload } from '@tryg/shared';
import { isUuid } from '../../common/request-shape.guard';

export type Checked<T> = { ok: true; value: T } | { ok: false; message: string };

const ALLOWED_SEND_KEYS = new Set(['groupId', 'clientMessageId', 'body', 'contentWarning', 'confirmIdentifying']);

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The body as stored: trimmed, 1–4,000 code points of chat text (NOT_CHAT_TEXT: no control characters but newline and tab). */
export function checkBody(raw: unknown): Checked<string> {
  if (typeof raw !== 'string') return { ok: false, message: 'body must be text' };
  const body = raw.trim();
  const length = [...body].length;
  if (length < 1 || length > MESSAGE_MAX_CODE_POINTS) return { ok: false, message: `body must be 1–${MESSAGE_MAX_CODE_POINTS} characters` };
  if (NOT_CHAT_TEXT.test(body)) return { ok: false, message: 'body must not hold control characters or broken characters (lone surrogates)' };
  return { ok: true, value: body };
}

/** Validates a `message:send` payload from an untrusted client; never throws. */
export function checkSendPayload(payload: unknown): Checked<Required<Pick<SendPayload, 'groupId' | 'clientMessageId' | 'body'>> & { contentWarning: string | null; confirmIdentifying: boolean }> {
  if (!isPlainObject(payload)) return { ok: false, message: 'payload must be an object' };
  const unknown = Object.keys(payload).find((key) => !ALLOWED_SEND_KEYS.has(key));
  if (unknown) return { ok: false, message: `unknown field ${unknown}` };
  const { groupId, clientMessageId, contentWarning, confirmIdentifying } = payload;
  if (typeof groupId !== 'string' || !isUuid(groupId)) return { ok: false, message: 'groupId must be a UUID' };
  if (typeof clientMessageId !== 'string' || !isUuid(clientMessageId)) return { ok: false, message: 'clientMessageId must be a UUID' };
  const body = checkBody(payload.body);
  if (!body.ok) return body;
  let warning: string | null = null;
  if (contentWarning !== undefined && contentWarning !== null) {
    if (typeof contentWarning !== 'string') return { ok: false, message: 'contentWarning must be text' };
    warning = contentWarning.trim();
    if ([...warning].length > CONTENT_WARNING_MAX || NOT_CHAT_TEXT.test(warning))
      return { ok: false, message: `contentWarning must be at most ${CONTENT_WARNING_MAX} characters of plain text` };
    if (warning === '') warning = null;
  }
  if (confirmIdentifying !== undefined && typeof confirmIdentifying !== 'boolean') return { ok: false, message: 'confirmIdentifying must be true or false' };
  return {
    ok: true,
    value: { groupId, clientMessageId: clientMessageId.toLowerCase(), body: body.value, contentWarning: warning, confirmIdentifying: confirmIdentifying === true },
  };
}

export function checkGroupPayload(payload: unknown, allowed: string[] = ['groupId']): Checked<{ groupId: string; afterMessageId?: string }> {
  if (!isPlainObject(payload)) return { ok: false, message: 'payload must be an object' };
  const unknown = Object.keys(payload).find((key) => !allowed.includes(key));
  if (unknown) return { ok: false, message: `unknown field ${unknown}` };
  if (typeof payload.groupId !== 'string' || !isUuid(payload.groupId)) return { ok: false, message: 'groupId must be a UUID' };
  if (payload.afterMessageId !== undefined && (typeof payload.afterMessageId !== 'string' || !isUuid(payload.afterMessageId)))
    return { ok: false, message: 'afterMessageId must be a UUID' };
  return { ok: true, value: { groupId: payload.groupId, ...(payload.afterMessageId ? { afterMessageId: payload.afterMessageId } : {}) } };
}
