import { INCIDENT_CONTACT_TYPES, type IncidentContactType, type IncidentStats } from '@tryg/shared';

const DAY_MS = 86_400_000;

/** The local calendar date of an instant in a time zone, as a UTC midnight (for day arithmetic). */
function localDate(instant: string, timeZone: string): Date {
  const text = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    new Date(instant),
  );
  return new Date(`${text}T00:00:00.000Z`);
}

/** Monday of the ISO week holding `date` (a UTC midnight). */
function mondayOf(date: Date): Date {
  const weekday = (date.getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  return new Date(date.getTime() - weekday * DAY_MS);
}

/** ISO-8601 week label, e.g. `2026-W01`: the week's year is the year of its Thursday. */
export function isoWeekLabel(monday: Date): string {
  const thursday = new Date(monday.getTime() + 3 * DAY_MS);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * DAY_MS)) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/**
 * The pattern view: incidents per ISO week of their local date (empty weeks between the first and
 * the last included, so escalation shows) and per type of contact.
 */
export function incidentStats(
  entries: { occurredAt: string; contactType: IncidentContactType }[],
  timeZone: string,
): IncidentStats {
  const byType = new Map<IncidentContactType, number>(INCIDENT_CONTACT_TYPES.map((type) => [type, 0]));
  const byWeek = new Map<number, number>();
  for (const entry of entries) {
    byType.set(entry.contactType, (byType.get(entry.contactType) ?? 0) + 1);
    const monday = mondayOf(localDate(entry.occurredAt, timeZone)).getTime();
    byWeek.set(monday, (byWeek.get(monday) ?? 0) + 1);
  }
  const weeks: IncidentStats['weeks'] = [];
  if (byWeek.size > 0) {
    const mondays = [...byWeek.keys()];
    const last = Math.max(...mondays);
    for (let monday = Math.min(...mondays); monday <= last; monday += 7 * DAY_MS) {
      const start = new Date(monday);
      weeks.push({
        week: isoWeekLabel(start),
        startsOn: start.toISOString().slice(0, 10),
        count: byWeek.get(monday) ?? 0,
      });
    }
  }
  return {
    total: entries.length,
    weeks,
    contactTypes: INCIDENT_CONTACT_TYPES.map((contactType) => ({ contactType, count: byType.get(contactType) ?? 0 })),
  };
}
