import { readFileSync } from 'node:fs';

export interface PdfFonts {
  body: Buffer;
  bold: Buffer;
  mono: Buffer;
}

let fonts: PdfFonts | null = null;

/** DejaVu, embedded (subset): the PDF standard fonts cannot show much beyond Western European letters. */
export function loadPdfFonts(): PdfFonts {
  fonts ??= {
    body: readFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf')),
    bold: readFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf')),
    mono: readFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSansMono.ttf')),
  };
  return fonts;
}

/** Registers the fonts as `body`, `bold` and `mono` and collects the document into one Buffer. */
export function collectPdf(doc: PDFKit.PDFDocument): Promise<Buffer> {
  const { body, bold, mono } = loadPdfFonts();
  doc.registerFont('body', body);
  doc.registerFont('bold', bold);
  doc.registerFont('mono', mono);
  const chunks: Buffer[] = [];
  return new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}
