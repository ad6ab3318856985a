/**
 * The file name the server chose (neutral, e.g. `log-2026-11-25.pdf`), read from
 * Content-Disposition; anything unexpected falls back to our own neutral name.
 */
export function downloadName(contentDisposition: string | null, fallback: string): string {
  const match =
    /filename="([^"]*)"/i.exec(contentDisposition ?? '') ?? /filename=([^;\s]+)/i.exec(contentDisposition ?? '');
  const name = match?.[1] ?? '';
  return /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/.test(name) ? name : fallback;
}
