import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { IncidentAttachment } from '@tryg/shared';
import { apiFetch } from '../../../lib/api-client';
import { incidentLogKeys } from './incident-log-keys';

/** One file per request, in the multipart field `file`; it becomes the log's next bilag. */
export async function uploadAttachment({
  entryId,
  file,
}: {
  entryId: string;
  file: File;
}): Promise<IncidentAttachment> {
  const body = new FormData();
  body.append('file', file);
  const response = await apiFetch(`/me/incidents/${encodeURIComponent(entryId)}/attachments`, {
    method: 'POST',
    body,
  });
  return (await response.json()) as IncidentAttachment;
}

export function useUploadAttachment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: uploadAttachment,
    // The entry has a new version that lists the file.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: incidentLogKeys.all }),
  });
}
