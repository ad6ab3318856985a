import { apiFetch } from './api-client';
import { downloadName } from './download-name';

/**
 * Fetches a file from the API (exports, attachments) and hands it to the browser as a download under the server's
 * neutral name. Returns that name. The object URL is dropped again shortly after.
 */
export async function saveFile(path: string, fallbackName: string): Promise<string> {
  const response = await apiFetch(path);
  const blob = await response.blob();
  const name = downloadName(response.headers.get('Content-Disposition'), fallbackName);
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return name;
}
