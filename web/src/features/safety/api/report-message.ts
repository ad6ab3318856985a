import { useMutation } from '@tanstack/react-query';
import type { OwnReport, ReportMessageDto } from '@tryg/shared';
import { apiRequest } from '../../../lib/api-client';
import { groupPath } from './safety-keys';

/** Reports a message to the group's facilitators only; the writer is never told who reported. */
export function reportMessage(groupId: string, messageId: string, body: ReportMessageDto): Promise<OwnReport> {
  return apiRequest<OwnReport>(`${groupPath(groupId)}/messages/${encodeURIComponent(messageId)}/report`, {
    method: 'POST',
    body,
  });
}

export function useReportMessage(groupId: string) {
  return useMutation({
    mutationFn: ({ messageId, body }: { messageId: string; body: ReportMessageDto }) =>
      reportMessage(groupId, messageId, body),
  });
}
