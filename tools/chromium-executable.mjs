// Which Chromium the tests and `npm run screenshots` drive: the machine's when there is one,
// otherwise the one the `@sparticuz/chromium` npm package ships (never a vendor download).
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { delimiter, dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

function onPath(command) {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir && existsSync(join(dir, command))) return join(dir, command);
  }
  return null;
}

/**
 * `{ executablePath, env, source }`: `env` is the environment to launch it with. The npm copy
 * unpacks into the temp folder (point TMPDIR at a folder you remove afterwards).
 * `useSystem: false` skips the machine's browser, to prove the bare-machine path.
 */
export async function chromiumExecutable({ useSystem = true } = {}) {
  if (useSystem) {
    const system = ['/usr/bin/chromium', onPath('chromium')].find((path) => path && existsSync(path));
    if (system) return { executablePath: system, env: process.env, source: 'system' };
  }
  const { default: Sparticuz, inflate } = await import('@sparticuz/chromium');
  const executablePath = await Sparticuz.executablePath();
  // Its own copies of the few libraries Chromium needs that a bare machine may lack (NSS, expat).
  const libs = await inflate(join(dirname(require.resolve('@sparticuz/chromium')), '..', 'bin', 'al2023.tar.br'));
  const env = {
    ...process.env,
    LD_LIBRARY_PATH: [join(libs, 'lib'), process.env.LD_LIBRARY_PATH].filter(Boolean).join(delimiter),
  };
  return { executablePath, env, source: 'npm' };
}
