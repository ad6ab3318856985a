import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { Response } from 'supertest';

export interface PdfText {
  text: string;
  pages: string[];
  info: Record<string, unknown>;
}

/** Parses with pdf.js in a child node process (ESM-only on Node 20; TESTING.md). */
export function parsePdf(pdf: Buffer): PdfText {
  const run = spawnSync(process.execPath, [join(__dirname, 'pdf-text.mjs')], {
    input: pdf,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.status !== 0) throw new Error(`pdf parse failed: ${run.stderr.toString()}`);
  return JSON.parse(run.stdout.toString('utf8')) as PdfText;
}

/** supertest `.buffer(true).parse(binaryBody)`: collects a binary answer (PDF, files) as a Buffer. */
export function binaryBody(res: Response, callback: (error: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
}
