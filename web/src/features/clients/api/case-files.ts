import { useMutation } from '@tanstack/react-query';
import type { Locale } from '@tryg/shared';
import { saveFile } from '../../../lib/save-file';

export type CaseFileKind = 'plan' | 'export';

export function casePath(clientId: string, kind: CaseFileKind, lang: Locale): string {
  const base = `/clients/${encodeURIComponent(clientId)}`;
  return kind === 'plan' ? `${base}/plan.pdf?lang=${lang}` : `${base}/export`;
}

/** Downloads the plan (PDF) or the whole case (JSON) under the server's neutral name; resolves to it. */
export function downloadCaseFile({ clientId, kind, lang }: { clientId: string; kind: CaseFileKind; lang: Locale }) {
  return saveFile(casePath(clientId, kind, lang), kind === 'plan' ? 'plan.pdf' : 'export.json');
}

export function useDownloadCaseFile() {
  return useMutation({ mutationFn: downloadCaseFile });
}
