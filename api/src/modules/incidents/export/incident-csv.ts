import type { LogExport } from './log-export';
import { formatInstantCompact } from './export-texts';

/** Cells a spreadsheet would run as a formula (or that hide one behind a tab or line break) get a leading `'`. */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string | number | boolean | null): string {
  let text = value === null ? '' : String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[";\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * One row per entry, newest first: UTF-8 with a BOM (so spreadsheets read æøå), `;` separated
 * (the Danish list separator), CRLF line ends. The private layer only when asked for.
 */
export function renderIncidentCsv(data: LogExport): Buffer {
  const { texts, includePrivate } = data;
  const header = [
    texts.number,
    texts.occurredAt,
    texts.approx,
    texts.written,
    texts.lastChanged,
    texts.version,
    texts.contactType,
    texts.place,
    texts.description,
    texts.witnesses,
    texts.childrenPresent,
    texts.evidence,
    `${texts.police}: ${texts.journalNumber}`,
    `${texts.police}: ${texts.officer}`,
    `${texts.police}: ${texts.policeDate}`,
    texts.effect,
    texts.keyExample,
    texts.attachments,
    texts.hash,
    ...(includePrivate ? [texts.thoughts, texts.safetyNotes] : []),
  ];
  const yesNo = (value: boolean | null) => (value === null ? '' : value ? texts.yes : texts.no);
  const rows = data.entries.map((entry) => [
    data.numbers.get(entry.id) ?? '',
    formatInstantCompact(entry.occurredAt),
    entry.occurredAtApprox ? texts.yes : texts.no,
    formatInstantCompact(entry.firstRecordedAt),
    formatInstantCompact(entry.recordedAt),
    entry.version,
    texts.contactTypes[entry.contactType],
    entry.place,
    entry.description,
    entry.witnesses,
    yesNo(entry.childrenPresent),
    entry.evidence.map((item, i) => `${i + 1}. ${item.description} (${texts.keptWhere}: ${item.keptWhere})`).join('\n'),
    entry.police?.journalNumber ?? null,
    entry.police?.officer ?? null,
    entry.police?.date ?? null,
    entry.effect,
    entry.keyExample ? texts.yes : texts.no,
    entry.attachments.map((a) => texts.bilag(a.bilag)).join(', '),
    entry.hash,
    ...(includePrivate ? [entry.private?.thoughts ?? null, entry.private?.safetyNotes ?? null] : []),
  ]);
  const lines = [header, ...rows].map((cells) =>
    cells.map((cell) => csvCell(cell as string | number | boolean | null)).join(';'),
  );
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}
