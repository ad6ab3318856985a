import { useMutation } from '@tanstack/react-query';
import type { IncidentExportFormat, Locale } from '@tryg/shared';
import { saveFile } from '../../../lib/save-file';

export interface ExportRequest {
  format: IncidentExportFormat;
  /** The private layer is left out unless the person ticks the box. */
  includePrivate: boolean;
  lang: Locale;
}

export function exportPath({ format, includePrivate, lang }: ExportRequest): string {
  const query = new URLSearchParams({ format, includePrivate: String(includePrivate), lang });
  return `/me/incidents/export?${query.toString()}`;
}

/** Downloads the export; resolves to the file's (neutral) name. */
export function exportLog(request: ExportRequest): Promise<string> {
  return saveFile(exportPath(request), `log.${request.format}`);
}

export function useExportLog() {
  return useMutation({ mutationFn: exportLog });
}
