// Runs every project's Jest tests once and ends with the line CI reads (see test-summary.js):
// `N passed, N failed`, or `N passed, 0 failed, K skipped: no redis-server on this machine`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const { summarise } = createRequire(import.meta.url)('./test-summary.js');

const dir = mkdtempSync(join(tmpdir(), 'tryg-jest-'));
const out = join(dir, 'results.json');
const args = ['jest', '--json', `--outputFile=${out}`, ...process.argv.slice(2)];
const run = spawnSync('npx', args, { stdio: 'inherit', env: { ...process.env, NX_DAEMON: 'false' } });

const results = existsSync(out) ? JSON.parse(readFileSync(out, 'utf8')) : null;
rmSync(dir, { recursive: true, force: true });
const { failed, lines } = summarise(results, run.status, process.cwd());
process.stdout.write(`${lines.join('\n')}\n`);
process.exit(failed > 0 ? 1 : 0);
