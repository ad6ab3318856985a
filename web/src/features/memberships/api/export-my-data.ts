import { useMutation } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { downloadTextFile } from '../../../lib/download-file';

/** Everything Tryg keeps about me (decrypted, nothing about others). */
export function exportMyData(): Promise<unknown> {
  return apiRequest<unknown>('/me/export');
}

/** A neutral name with the date, so several exports can sit side by side. */
export function exportFileName(now: Date = new Date()): string {
  const day = [now.getFullYear(), now.getMonth() + 1, now.getDate()].map((n) => String(n).padStart(2, '0')).join('-');
  return `data-${day}.json`;
}

/** Asks for the data and saves it as a file at once; the answer is not kept in the client. */
export function useExportMyData() {
  return useMutation({
    mutationFn: async () => {
      const data = await exportMyData();
      downloadTextFile(exportFileName(), `${JSON.stringify(data, null, 2)}\n`, 'application/json');
    },
  });
}
