import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { Response } from 'supertest';
import { CSRF_HEADER, CSRF_HEADER_VALUE } from '@tryg/shared';
import { createParticipant, type TestParticipant } from '../support/participants';
import { type Client, startTestApp, type TestApp } from '../support/test-app';

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0]);
const TEN_MB = 10 * 1024 * 1024;

/** Collects a binary answer as a Buffer (PDF, CSV with its BOM, attachments). */
function binary(res: Response, callback: (error: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
}

interface PdfText {
  text: string;
  pages: string[];
  info: Record<string, unknown>;
}

/** Parses with pdf.js in a child node process (ESM-only on Node 20; TESTING.md). */
function pdfText(pdf: Buffer): PdfText {
  const run = spawnSync(process.execPath, [join(__dirname, '..', 'support', 'pdf-text.mjs')], {
    input: pdf,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.status !== 0) throw new Error(`pdf parse failed: ${run.stderr.toString()}`);
  return JSON.parse(run.stdout.toString('utf8')) as PdfText;
}

/** RFC 4180 with `;`: quoted cells may hold `;`, `""` and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ';') {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += ch;
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell]);
  return rows;
}

function upload(
  client: Client,
  entryId: string,
  bytes: Buffer,
  filename: string,
  contentType = 'application/octet-stream',
) {
  return client.agent
    .post(`/api/v1/me/incidents/${entryId}/attachments`)
    .set(CSRF_HEADER, CSRF_HEADER_VALUE)
    .attach('file', bytes, { filename, contentType });
}

describe('incident log: attachments and exports', () => {
  let app: TestApp;
  let me: TestParticipant;

  beforeAll(async () => {
    app = await startTestApp();
    me = await createParticipant(app);
  });
  afterAll(() => app.close());

  const create = async (client: Client, body: Record<string, unknown>) => {
    const res = await client.post('/me/incidents', {
      occurredAt: '2026-11-01T12:00:00.000Z',
      contactType: 'call',
      description: 'x',
      ...body,
    });
    if (res.status !== 201) throw new Error(`create failed: ${res.status} ${res.text}`);
    return res.body as { id: string; version: number };
  };

  describe('attachments', () => {
    it('stores a photo as the next bilag, adds a version, and gives the same bytes back under a neutral name', async () => {
      const entry = await create(me.client, { description: 'The letter in my mailbox' });
      const photo = Buffer.concat([PNG, randomBytes(4096)]);
      const res = await upload(me.client, entry.id, photo, 'stalker-letter.png', 'image/png');
      expect(res.status).toBe(201);
      expect(res.body).toEqual({ id: expect.any(String), bilag: 1, mimeType: 'image/png', size: photo.length });

      const read = await me.client.get(`/me/incidents/${entry.id}`);
      expect(read.body.version).toBe(2);
      expect(read.body.attachments).toEqual([res.body]);

      const download = await me.client
        .get(`/me/incidents/${entry.id}/attachments/${res.body.id}`)
        .buffer(true)
        .parse(binary);
      expect(download.status).toBe(200);
      expect(download.headers['content-type']).toBe('image/png');
      expect(download.headers['content-disposition']).toBe('attachment; filename="bilag-1.png"');
      expect(Buffer.compare(download.body as Buffer, photo)).toBe(0);
      expect((await me.client.get('/me/incidents/verify')).body.intact).toBe(true);
    });

    it('numbers bilag per log and never reuses a number after its entry is deleted', async () => {
      const person = await createParticipant(app);
      const a = await create(person.client, {});
      const b = await create(person.client, {});
      const first = await upload(person.client, a.id, Buffer.concat([JPEG, randomBytes(100)]), 'a.jpg');
      const second = await upload(person.client, b.id, Buffer.concat([PNG, randomBytes(100)]), 'b.png');
      expect([first.body.bilag, second.body.bilag]).toEqual([1, 2]);
      expect((await person.client.delete(`/me/incidents/${a.id}`)).status).toBe(204);
      expect((await person.client.get(`/me/incidents/${a.id}/attachments/${first.body.id}`)).status).toBe(404);
      const [{ n }] = await app.dataSource.query('SELECT COUNT(*) AS n FROM incident_attachments WHERE entry_id = ?', [
        a.id,
      ]);
      expect(n).toBe(0);
      const third = await upload(person.client, b.id, Buffer.from('%PDF-1.4\n%%EOF\n'), 'c.pdf');
      expect(third.body).toMatchObject({ bilag: 3, mimeType: 'application/pdf' });
      expect((await person.client.get('/me/incidents/verify')).body.intact).toBe(true);
    });

    it.each([
      ['plain text named .jpg', Buffer.from('just some text, not a photo'), 'photo.jpg', 'image/jpeg'],
      ['HTML named .pdf', Buffer.from('<html><script>alert(1)</script></html>'), 'scan.pdf', 'application/pdf'],
      [
        'SVG named .png',
        Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
        'shot.png',
        'image/png',
      ],
      ['a ZIP named .heic', Buffer.concat([Buffer.from('PK\u0003\u0004'), randomBytes(64)]), 'img.heic', 'image/heic'],
    ])(
      'refuses %s with 415 UNSUPPORTED_MEDIA_TYPE, whatever its name and claimed type',
      async (_name, bytes, filename, type) => {
        const entry = await create(me.client, {});
        const res = await upload(me.client, entry.id, bytes, filename, type);
        expect(res.status).toBe(415);
        expect(res.body).toEqual({ code: 'UNSUPPORTED_MEDIA_TYPE', message: expect.any(String) });
        expect((await me.client.get(`/me/incidents/${entry.id}`)).body).toMatchObject({ version: 1, attachments: [] });
      },
    );

    it('refuses a request without a file, an empty file, and an extra form field with 400', async () => {
      const entry = await create(me.client, {});
      const none = await me.client.agent
        .post(`/api/v1/me/incidents/${entry.id}/attachments`)
        .set(CSRF_HEADER, CSRF_HEADER_VALUE)
        .field('note', 'x');
      expect(none.status).toBe(400);
      expect((await upload(me.client, entry.id, Buffer.alloc(0), 'empty.png')).status).toBe(400);
      const extra = await me.client.agent
        .post(`/api/v1/me/incidents/${entry.id}/attachments`)
        .set(CSRF_HEADER, CSRF_HEADER_VALUE)
        .field('name', 'x')
        .attach('file', Buffer.concat([PNG, randomBytes(10)]), 'a.png');
      expect(extra.status).toBe(400);
      expect(extra.body.code).toBe('VALIDATION');
    });

    it('accepts exactly 10 MB and answers 10 MB + 1 byte with 413 PAYLOAD_TOO_LARGE', async () => {
      const entry = await create(me.client, {});
      const exact = Buffer.concat([PNG, Buffer.alloc(TEN_MB - PNG.length, 1)]);
      const ok = await upload(me.client, entry.id, exact, 'big.png');
      expect(ok.status).toBe(201);
      expect(ok.body.size).toBe(TEN_MB);
      const tooBig = await upload(me.client, entry.id, Buffer.concat([exact, Buffer.from([1])]), 'bigger.png');
      expect(tooBig.status).toBe(413);
      expect(tooBig.body).toEqual({ code: 'PAYLOAD_TOO_LARGE', message: expect.any(String) });
      expect((await me.client.get(`/me/incidents/${entry.id}`)).body.attachments).toHaveLength(1);
    });
  });

  describe('exports', () => {
    let person: TestParticipant;
    const ids: Record<string, string> = {};
    let finalHash: string;

    beforeAll(async () => {
      person = await createParticipant(app);
      ids.alpha = (
        await create(person.client, {
          occurredAt: '2026-10-01T08:00:00.000Z',
          description: 'ALPHA oldest incident text',
          private: { thoughts: 'PRIVATE-THOUGHT-ALPHA' },
        })
      ).id;
      ids.bravo = (
        await create(person.client, {
          occurredAt: '2026-10-10T08:00:00.000Z',
          contactType: 'threat',
          description: 'BRAVO middle incident text',
          keyExample: true,
          police: { journalNumber: '3700-80123-00456-26' },
          private: { safetyNotes: 'PRIVATE-SAFETY-BRAVO' },
        })
      ).id;
      ids.charlie = (
        await create(person.client, {
          occurredAt: '2026-10-20T08:00:00.000Z',
          description: 'CHARLIE newest incident text',
          place: '+4512345678',
          witnesses: '@neighbour',
          effect: '-sleepless',
          evidence: [{ description: '=HYPERLINK("http://evil.example","click")', keptWhere: '\tdrawer' }],
        })
      ).id;
      expect((await upload(person.client, ids.bravo, Buffer.concat([JPEG, randomBytes(2048)]), 'x.jpg')).status).toBe(
        201,
      );
      finalHash = (
        await app.dataSource.query('SELECT head_hash FROM incident_logs WHERE account_id = ?', [person.id])
      )[0].head_hash;
    });

    const exportOf = (query: string) => person.client.get(`/me/incidents/export?${query}`).buffer(true).parse(binary);

    it('exports a PDF with a neutral name and metadata, the entries newest first, key examples, the bilag list and the final hash', async () => {
      app.clock.set(new Date('2026-11-25T10:00:00.000Z'));
      const res = await exportOf('format=pdf');
      app.clock.reset();
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.headers['content-disposition']).toBe('attachment; filename="log-2026-11-25.pdf"');
      const pdf = res.body as Buffer;
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');

      const parsed = pdfText(pdf);
      expect(parsed.info.Title).toBe('Log');
      expect(JSON.stringify(parsed.info).toLowerCase()).not.toMatch(/stalk|incident|hændelse/);
      const text = parsed.text;
      expect(text).toContain('Logskema'); // the account's language: Danish
      const incidents = text.slice(text.indexOf('Hændelser (nyeste først)'));
      const order = ['CHARLIE', 'BRAVO', 'ALPHA'].map((word) => incidents.indexOf(word));
      expect(order.every((i) => i > 0)).toBe(true);
      expect(order).toEqual([...order].sort((a, b) => a - b));
      // Key examples come first and hold only the marked entry.
      const keySection = text.slice(text.indexOf('Nøgleeksempler'), text.indexOf('Hændelser (nyeste først)'));
      expect(keySection).toContain('BRAVO');
      expect(keySection).not.toContain('CHARLIE');
      expect(text).toContain('Bilagsliste');
      expect(text).toContain('Bilag 1');
      expect(text).toContain('3700-80123-00456-26');
      expect(text.replace(/\s/g, '')).toContain(finalHash);
      expect(text).toContain('Intakt');
      expect(text).not.toContain('PRIVATE-');
    });

    it('exports in English with ?lang=en, and includes the private layer only when asked', async () => {
      const english = pdfText((await exportOf('format=pdf&lang=en')).body as Buffer).text;
      expect(english).toContain('Incident log');
      expect(english).toContain('Incidents (newest first)');
      expect(english).not.toContain('PRIVATE-');
      const withPrivate = pdfText((await exportOf('format=pdf&includePrivate=true')).body as Buffer).text;
      expect(withPrivate).toContain('PRIVATE-THOUGHT-ALPHA');
      expect(withPrivate).toContain('PRIVATE-SAFETY-BRAVO');
      expect(pdfText((await exportOf('format=pdf&includePrivate=false')).body as Buffer).text).not.toContain(
        'PRIVATE-',
      );
    });

    it('exports a CSV: UTF-8 with BOM, `;` separated, one row per entry newest first, formula cells neutralised, no private layer', async () => {
      const res = await exportOf('format=csv');
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(res.headers['content-disposition']).toMatch(/^attachment; filename="log-\d{4}-\d{2}-\d{2}\.csv"$/);
      const bytes = res.body as Buffer;
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const text = bytes.subarray(3).toString('utf8');
      expect(text).not.toContain('PRIVATE-');
      const rows = parseCsv(text);
      const header = rows[0];
      expect(header[0]).toBe('Nr.');
      expect(rows).toHaveLength(4);
      expect(rows.every((row) => row.length === header.length)).toBe(true);
      const column = (name: string) => header.indexOf(name);
      expect(rows.slice(1).map((row) => row[column('Hvad skete der')])).toEqual([
        'CHARLIE newest incident text',
        'BRAVO middle incident text',
        'ALPHA oldest incident text',
      ]);
      const charlie = rows[1];
      expect(charlie[column('Sted')]).toBe("'+4512345678");
      expect(charlie[column('Vidner')]).toBe("'@neighbour");
      expect(charlie[column('Betydning for mig')]).toBe("'-sleepless");
      // Inside a cell a formula is harmless text; only the cell's first character matters.
      expect(charlie[column('Beviser')]).toBe('1. =HYPERLINK("http://evil.example","click") (opbevares: drawer)');
      expect(rows[2][column('Bilag')]).toBe('Bilag 1');
      // No cell of the file starts with a formula character.
      for (const row of rows) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    });

    it('neutralises a cell that itself begins with a formula character', async () => {
      const other = await createParticipant(app);
      // Leading tabs and line breaks are trimmed on the way in; the renderer's own test covers them.
      await create(other.client, { description: '=1+2', place: "=cmd|' /C calc'!A0", witnesses: '+SUM(A1)' });
      const rows = parseCsv(
        ((await other.client.get('/me/incidents/export?format=csv').buffer(true).parse(binary)).body as Buffer)
          .subarray(3)
          .toString('utf8'),
      );
      const header = rows[0];
      expect(rows[1][header.indexOf('Hvad skete der')]).toBe("'=1+2");
      expect(rows[1][header.indexOf('Sted')]).toBe("'=cmd|' /C calc'!A0");
      expect(rows[1][header.indexOf('Vidner')]).toBe("'+SUM(A1)");
      const withPrivate = parseCsv(
        (
          (await person.client.get('/me/incidents/export?format=csv&includePrivate=true').buffer(true).parse(binary))
            .body as Buffer
        )
          .subarray(3)
          .toString('utf8'),
      );
      expect(withPrivate[0]).toContain('Private tanker');
      expect(withPrivate.flat().join('|')).toContain('PRIVATE-THOUGHT-ALPHA');
    });

    it('refuses a missing or unknown format and unknown query fields with 400', async () => {
      expect((await person.client.get('/me/incidents/export')).status).toBe(400);
      expect((await person.client.get('/me/incidents/export?format=docx')).status).toBe(400);
      expect((await person.client.get('/me/incidents/export?format=pdf&includePrivate=yes')).status).toBe(400);
      expect((await person.client.get('/me/incidents/export?format=pdf&debug=1')).status).toBe(400);
    });
  });
});
