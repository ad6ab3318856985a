import { INCIDENT_ATTACHMENT_MAX_BYTES, INCIDENT_ATTACHMENT_TYPES } from '@tryg/shared';

export type AttachmentProblem = 'empty' | 'tooLarge' | 'wrongType';

/** What the file picker offers; the server decides from the file's content in the end. */
export const ATTACHMENT_ACCEPT = [...INCIDENT_ATTACHMENT_TYPES, 'image/heif', '.heic', '.heif'].join(',');

const KNOWN_TYPES = new Set<string>([...INCIDENT_ATTACHMENT_TYPES, 'image/heif']);
const KNOWN_EXTENSIONS = new Set(['jpg', 'jpeg', 'png', 'gif', 'webp', 'heic', 'heif', 'pdf']);
/** Types browsers report when they do not know a file's type (often HEIC photos). */
const UNKNOWN_TYPES = new Set(['', 'application/octet-stream']);

/**
 * A quick check before sending, so a wrong file gets a plain answer at once instead of after a
 * 10 MB upload. The server checks again by content; this never lets through what it refuses.
 */
export function attachmentProblem(file: { name: string; size: number; type: string }): AttachmentProblem | null {
  if (file.size === 0) return 'empty';
  if (file.size > INCIDENT_ATTACHMENT_MAX_BYTES) return 'tooLarge';
  if (KNOWN_TYPES.has(file.type)) return null;
  if (!UNKNOWN_TYPES.has(file.type)) return 'wrongType';
  const extension = /\.([a-z0-9]+)$/i.exec(file.name)?.[1]?.toLowerCase() ?? '';
  return KNOWN_EXTENSIONS.has(extension) ? null : 'wrongType';
}

/** `1234567` → about 1.2 MB in the person's way of writing numbers. */
export function fileSizeParts(bytes: number): { value: number; unit: 'kB' | 'MB' } {
  if (bytes < 1024 * 1024) return { value: Math.max(1, Math.round(bytes / 1024)), unit: 'kB' };
  return { value: Math.round((bytes / (1024 * 1024)) * 10) / 10, unit: 'MB' };
}
