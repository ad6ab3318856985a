import type {
  CreateIncidentDto,
  IncidentAttachment,
  IncidentContactType,
  IncidentEntry,
  IncidentEvidence,
  IncidentPoliceReport,
  IncidentPrivateLayer,
  UpdateIncidentDto,
} from '@tryg/shared';

/** What one version of an entry holds, sealed as a whole (everything but ids and chain metadata). */
export interface IncidentContent {
  occurredAt: string;
  occurredAtApprox: boolean;
  place: string | null;
  contactType: IncidentContactType;
  description: string;
  witnesses: string | null;
  childrenPresent: boolean | null;
  evidence: IncidentEvidence[];
  police: IncidentPoliceReport | null;
  effect: string | null;
  private: IncidentPrivateLayer | null;
  keyExample: boolean;
  attachments: IncidentAttachment[];
}

/** Chain metadata of the version an entry is read from. */
export interface IncidentVersionMeta {
  entryId: string;
  version: number;
  recordedAt: Date;
  firstRecordedAt: Date;
  hash: string;
}

function text(value: string | null | undefined): string | null {
  if (value === undefined || value === null) return null;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

function police(value: UpdateIncidentDto['police']): IncidentPoliceReport | null {
  if (!value) return null;
  const report = { journalNumber: text(value.journalNumber), officer: text(value.officer), date: value.date ?? null };
  return report.journalNumber === null && report.officer === null && report.date === null ? null : report;
}

function privateLayer(value: UpdateIncidentDto['private']): IncidentPrivateLayer | null {
  if (!value) return null;
  const layer = { thoughts: text(value.thoughts), safetyNotes: text(value.safetyNotes) };
  return layer.thoughts === null && layer.safetyNotes === null ? null : layer;
}

function evidence(value: UpdateIncidentDto['evidence']): IncidentEvidence[] {
  return (value ?? []).map((item) => ({ description: item.description.trim(), keptWhere: item.keptWhere.trim() }));
}

/** Instants are kept as `toISOString()` so equal times compare and sort as equal text. */
function instant(value: string): string {
  return new Date(value).toISOString();
}

export function contentFromCreate(dto: CreateIncidentDto): IncidentContent {
  return {
    occurredAt: instant(dto.occurredAt),
    occurredAtApprox: dto.occurredAtApprox ?? false,
    place: text(dto.place),
    contactType: dto.contactType,
    description: dto.description.trim(),
    witnesses: text(dto.witnesses),
    childrenPresent: dto.childrenPresent ?? null,
    evidence: evidence(dto.evidence),
    police: police(dto.police),
    effect: text(dto.effect),
    private: privateLayer(dto.private),
    keyExample: dto.keyExample ?? false,
    attachments: [],
  };
}

/** An edit: a field present replaces the stored one (nested objects as a whole), `null` clears it. */
export function contentWithUpdate(current: IncidentContent, dto: UpdateIncidentDto): IncidentContent {
  const next: IncidentContent = { ...current };
  if (dto.occurredAt !== undefined) next.occurredAt = instant(dto.occurredAt);
  if (dto.contactType !== undefined) next.contactType = dto.contactType;
  if (dto.description !== undefined) next.description = dto.description.trim();
  if (dto.occurredAtApprox !== undefined) next.occurredAtApprox = dto.occurredAtApprox ?? false;
  if (dto.place !== undefined) next.place = text(dto.place);
  if (dto.witnesses !== undefined) next.witnesses = text(dto.witnesses);
  if (dto.childrenPresent !== undefined) next.childrenPresent = dto.childrenPresent;
  if (dto.evidence !== undefined) next.evidence = evidence(dto.evidence);
  if (dto.police !== undefined) next.police = police(dto.police);
  if (dto.effect !== undefined) next.effect = text(dto.effect);
  if (dto.private !== undefined) next.private = privateLayer(dto.private);
  if (dto.keyExample !== undefined) next.keyExample = dto.keyExample ?? false;
  return next;
}

/** JSON with keys sorted at every level: the same content always gives the same bytes (and digest). */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
}

export function parseContent(plaintext: string): IncidentContent {
  const value = JSON.parse(plaintext) as IncidentContent;
  if (
    typeof value !== 'object' ||
    value === null ||
    typeof value.occurredAt !== 'string' ||
    typeof value.description !== 'string'
  ) {
    throw new Error('not an incident content');
  }
  return value;
}

export function toIncidentEntry(meta: IncidentVersionMeta, content: IncidentContent): IncidentEntry {
  return {
    id: meta.entryId,
    version: meta.version,
    recordedAt: meta.recordedAt.toISOString(),
    firstRecordedAt: meta.firstRecordedAt.toISOString(),
    hash: meta.hash,
    occurredAt: content.occurredAt,
    occurredAtApprox: content.occurredAtApprox,
    place: content.place,
    contactType: content.contactType,
    description: content.description,
    witnesses: content.witnesses,
    childrenPresent: content.childrenPresent,
    evidence: content.evidence.map((item) => ({ ...item })),
    police: content.police ? { ...content.police } : null,
    effect: content.effect,
    private: content.private ? { ...content.private } : null,
    keyExample: content.keyExample,
    attachments: content.attachments.map((a) => ({ ...a })),
  };
}
