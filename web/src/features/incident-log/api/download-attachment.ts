import { useMutation } from '@tanstack/react-query';
import { saveFile } from '../../../lib/save-file';

export function downloadAttachment({
  entryId,
  attachmentId,
  bilag,
}: {
  entryId: string;
  attachmentId: string;
  bilag: number;
}): Promise<string> {
  return saveFile(
    `/me/incidents/${encodeURIComponent(entryId)}/attachments/${encodeURIComponent(attachmentId)}`,
    `bilag-${bilag}`,
  );
}

export function useDownloadAttachment() {
  return useMutation({ mutationFn: downloadAttachment });
}
