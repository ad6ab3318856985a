import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './test-app';

function newestSource(dir: string): number {
  let newest = 0;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const stat = statSync(path);
    newest = Math.max(newest, stat.isDirectory() ? newestSource(path) : name.endsWith('.ts') && !name.endsWith('.spec.ts') ? stat.mtimeMs : 0);
  }
  return newest;
}

/**
 * The path of a built api file, failing loudly when it is missing or older than the sources
 * (a stale build would test old code). `npm test` builds first.
 */
export function builtApiFile(relative: string): string {
  const file = join(REPO_ROOT, 'api', 'dist', relative);
  if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\` first (npm test does).`);
  const sources = Math.max(newestSource(join(REPO_ROOT, 'api', 'src')), newestSource(join(REPO_ROOT, 'shared', 'src')));
  if (sources > statSync(file).mtimeMs) throw new Error(`${file} is older than the sources: run \`npm run build\` first.`);
  return file;
}
