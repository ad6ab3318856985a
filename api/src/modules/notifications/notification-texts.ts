import type { Locale, NotificationKind } from '@tryg/shared';
import { daysBetween, utcToZoned, weekdayOf } from '../scheduling/zoned-time';
import type { LateNotificationKind } from './notification-late-text';

/** An appointment as a notification speaks of it: its time in the group's zone, nothing else. */
export interface AppointmentParams {
  startsAt: string;
  timezone: string;
  /** Only when the member opted in (`showGroupName`); otherwise never passed. */
  groupName?: string | null;
}

export interface NotificationParamsMap {
  'reminder-24h': AppointmentParams;
  'reminder-1h': AppointmentParams;
  'meeting-cancelled': AppointmentParams;
  'meeting-moved': AppointmentParams & { previousStartsAt: string };
  'waitlist-promoted': AppointmentParams;
  'intake-approved': { groupName?: string | null };
  'intake-declined': Record<string, never>;
  'keep-apart-match': Record<string, never>;
  'client-review': Record<string, never>;
  'rescreen-due': Record<string, never>;
  'task-due': Record<string, never>;
  /** To the group's facilitators and admins (staff): the group's name is always given. */
  'cover-gap': AppointmentParams;
}

/** Kinds rendered once, when sent; the late ones are rendered when read. */
export type EagerNotificationKind = Exclude<NotificationKind, LateNotificationKind>;

const WEEKDAYS: Record<Locale, string[]> = {
  da: ['søndag', 'mandag', 'tirsdag', 'onsdag', 'torsdag', 'fredag', 'lørdag'],
  en: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
};
const MONTHS: Record<Locale, string[]> = {
  da: [
    'januar',
    'februar',
    'marts',
    'april',
    'maj',
    'juni',
    'juli',
    'august',
    'september',
    'oktober',
    'november',
    'december',
  ],
  en: [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ],
};

/**
 * "i morgen kl. 18.00" / "tomorrow at 18:00", or with a date ("tirsdag den 24. marts kl. 18.00",
 * "Tuesday 24 March at 18:00"). Danish conventions: `18.00`, `24. marts`.
 */
export function describeWhen(startsAt: string, timezone: string, now: Date, locale: Locale): string {
  const at = utcToZoned(new Date(startsAt), timezone);
  const today = utcToZoned(now, timezone).date;
  const days = daysBetween(today, at.date);
  const [, month, day] = at.date.split('-').map(Number);
  const weekday = WEEKDAYS[locale][weekdayOf(at.date)];
  const monthName = MONTHS[locale][month - 1];
  if (locale === 'da') {
    const dayPart = days === 0 ? 'i dag' : days === 1 ? 'i morgen' : `${weekday} den ${day}. ${monthName}`;
    return `${dayPart} kl. ${at.time.replace(':', '.')}`;
  }
  const dayPart = days === 0 ? 'today' : days === 1 ? 'tomorrow' : `${weekday} ${day} ${monthName}`;
  return `${dayPart} at ${at.time}`;
}

type Renderer<K extends EagerNotificationKind> = (params: NotificationParamsMap[K], now: Date) => string;
type Catalogue = { [K in EagerNotificationKind]: Renderer<K> };

const when = (p: AppointmentParams, now: Date, locale: Locale) => describeWhen(p.startsAt, p.timezone, now, locale);
/** English needs "on" before a weekday ("on Tuesday 24 March"), not before "today"/"tomorrow". */
const onWhen = (p: AppointmentParams, now: Date) => {
  const text = when(p, now, 'en');
  return text.startsWith('today') || text.startsWith('tomorrow') ? text : `on ${text}`;
};

/**
 * Every text says only that there is an appointment and when — no group, topic or people —
 * because the person's screen may be seen by the one they are hiding from (PRODUCT.md threat 3).
 * `cover-gap` goes to staff only, who run the group: it says "meeting" and names the group.
 */
const TEXTS: Record<Locale, Catalogue> = {
  da: {
    'reminder-24h': (p, now) => `Du har en aftale ${when(p, now, 'da')}`,
    'reminder-1h': (p, now) => `Du har en aftale ${when(p, now, 'da')}`,
    'meeting-cancelled': (p, now) => `Din aftale ${when(p, now, 'da')} er aflyst`,
    'meeting-moved': (p, now) =>
      `Din aftale ${when({ ...p, startsAt: p.previousStartsAt }, now, 'da')} er flyttet til ${when(p, now, 'da')}`,
    'waitlist-promoted': (p, now) => `Der er blevet plads. Du er nu tilmeldt din aftale ${when(p, now, 'da')}`,
    'intake-approved': () => 'Din tilmelding er godkendt. Du kan nu se dine aftaler',
    'intake-declined': () => 'Din tilmelding blev ikke godkendt. Kontakt din koordinator, hvis du har spørgsmål',
    'keep-apart-match': () => 'En henvisning kræver din opmærksomhed',
    // Case reminders name no client and no task: a coordinator's screen can be seen too.
    'client-review': () => 'En af dine sager skal gennemgås',
    'rescreen-due': () => 'En af dine sager skal screenes igen',
    'task-due': () => 'En opgave i en af dine sager har frist',
    'cover-gap': (p, now) => `Ingen facilitator har taget mødet ${when(p, now, 'da')} endnu`,
  },
  en: {
    'reminder-24h': (p, now) => `You have an appointment ${onWhen(p, now)}`,
    'reminder-1h': (p, now) => `You have an appointment ${onWhen(p, now)}`,
    'meeting-cancelled': (p, now) => `Your appointment ${onWhen(p, now)} has been cancelled`,
    'meeting-moved': (p, now) =>
      `Your appointment ${onWhen({ ...p, startsAt: p.previousStartsAt }, now)} has been moved to ${when(p, now, 'en')}`,
    'waitlist-promoted': (p, now) => `A place has opened up. You are now booked for your appointment ${onWhen(p, now)}`,
    'intake-approved': () => 'Your registration has been approved. You can now see your appointments',
    'intake-declined': () =>
      'Your registration was not approved. Please contact your coordinator if you have questions',
    'keep-apart-match': () => 'A referral needs your attention',
    'client-review': () => 'One of your cases is due for review',
    'rescreen-due': () => 'One of your cases is due for a new screening',
    'task-due': () => 'A task in one of your cases is due',
    'cover-gap': (p, now) => `No facilitator has taken the meeting ${onWhen(p, now)} yet`,
  },
};

export function renderNotification<K extends EagerNotificationKind>(
  kind: K,
  params: NotificationParamsMap[K],
  locale: Locale,
  now: Date,
): string {
  const render = TEXTS[locale][kind] as Renderer<K>;
  const text = render(params, now);
  const groupName = (params as { groupName?: string | null }).groupName;
  // The member chose to see the group's name; it goes first so the rest reads the same.
  return groupName ? `${groupName}: ${text}` : text;
}
