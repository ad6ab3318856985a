// Extracts a PDF's text and metadata with a real parser (pdf.js). pdf.js is ESM-only on Node 20,
// so tests run this in a child `node` process: `node pdf-text.mjs < file.pdf` → JSON on stdout:
// { pages: [string], text: string, info: { Title, ... } }. Each page's text items are joined by
// line breaks where pdf.js saw one.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const pdfjsDir = dirname(require.resolve('pdfjs-dist/package.json'));
const { getDocument } = await import(pathToFileURL(join(pdfjsDir, 'legacy/build/pdf.mjs')).href);

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const data = new Uint8Array(Buffer.concat(chunks));

const pdf = await getDocument({
  data,
  isEvalSupported: false,
  useSystemFonts: false,
  standardFontDataUrl: `${join(pdfjsDir, 'standard_fonts')}/`,
  verbosity: 0,
}).promise;
const pages = [];
for (let n = 1; n <= pdf.numPages; n++) {
  const page = await pdf.getPage(n);
  const content = await page.getTextContent();
  pages.push(content.items.map((item) => item.str + (item.hasEOL ? '\n' : '')).join(''));
}
const { info } = await pdf.getMetadata();
process.stdout.write(JSON.stringify({ pages, text: pages.join('\n'), info }));
