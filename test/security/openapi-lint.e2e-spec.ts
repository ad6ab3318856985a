import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { REPO_ROOT, startTestApp, type TestApp } from '../support/test-app';

interface LintReport {
  totals: { errors: number; warnings: number };
  problems: Array<{ ruleId: string; severity: string; message: string; location: Array<{ pointer: string }> }>;
}

type Operation = { responses: Record<string, { content?: Record<string, { schema?: { $ref?: string } }> }> };
type Document = {
  servers?: Array<{ url: string }>;
  info: { license?: { name: string } };
  paths: Record<string, Record<string, Operation>>;
};

const REDOCLY = join(REPO_ROOT, 'node_modules', '@redocly', 'cli', 'bin', 'cli.js');

/** Redocly CLI's `recommended` rules over a document file, offline (no telemetry, no update check). */
function lint(document: object, dir: string): Promise<LintReport> {
  const file = join(dir, `openapi-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, JSON.stringify(document));
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [REDOCLY, 'lint', file, '--extends', 'recommended', '--format', 'json', '--max-problems', '1000'], {
      cwd: dir,
      env: { PATH: process.env.PATH ?? '', HOME: dir, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NO_COLOR: '1' },
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', () => {
      try {
        resolve(JSON.parse(out) as LintReport);
      } catch {
        reject(new Error(`redocly printed no report: ${err}`));
      }
    });
  });
}

const summary = (report: LintReport) => report.problems.map((p) => `${p.severity} ${p.ruleId} ${p.location[0]?.pointer}: ${p.message}`);

/**
 * The served OpenAPI document passes an outside linter (Redocly CLI, `recommended` rules) with no
 * error and no warning: servers, a license, and on every operation the 4xx answers it can give,
 * with the one shared error schema.
 */
describe('the served OpenAPI document', () => {
  let app: TestApp;
  let dir: string;
  let document: Document;

  beforeAll(async () => {
    app = await startTestApp();
    dir = mkdtempSync(join(tmpdir(), 'tryg-openapi-'));
    const res = await request(app.url).get('/api/docs-json');
    expect(res.status).toBe(200);
    document = res.body as Document;
  });
  afterAll(async () => {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('the linter works: it reports a document without servers or 4xx answers', async () => {
    const broken = structuredClone(document) as Document;
    delete broken.servers;
    for (const operation of Object.values(broken.paths['/api/v1/auth/me'])) {
      for (const status of Object.keys(operation.responses)) if (status.startsWith('4')) delete operation.responses[status];
    }
    const report = await lint(broken, dir);
    expect(report.problems.map((p) => p.ruleId)).toEqual(expect.arrayContaining(['no-empty-servers', 'operation-4xx-response']));
  }, 60_000);

  it('passes Redocly `recommended` with 0 errors and 0 warnings', async () => {
    const report = await lint(document, dir);
    expect(summary(report)).toEqual([]);
    expect(report.totals).toMatchObject({ errors: 0, warnings: 0 });
  }, 60_000);

  it('has servers, a license, and on every operation 4xx answers with the shared error schema', () => {
    expect(document.servers?.length).toBeGreaterThan(0);
    expect(document.info.license?.name).toBeTruthy();
    const operations = Object.entries(document.paths).flatMap(([path, item]) => Object.entries(item).map(([method, op]) => ({ at: `${method} ${path}`, op })));
    expect(operations.length).toBeGreaterThan(80);
    for (const { at, op } of operations) {
      const errors = Object.entries(op.responses).filter(([status]) => /^4\d\d$/.test(status));
      expect([at, errors.length > 0]).toEqual([at, true]);
      for (const [status, answer] of errors) {
        expect([at, status, answer.content?.['application/json']?.schema?.$ref]).toEqual([at, status, '#/components/schemas/Error']);
      }
    }
  });
});
