import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assertWebBuilt } from '../support/browser';
import { builtApiFile } from '../support/built-api';
import { REPO_ROOT } from '../support/test-app';

/** Width and height from a PNG's header (after checking it is a PNG at all). */
function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(file);
  expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(bytes.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('npm run screenshots', () => {
  it("makes the README's four screenshots from the demo, or fails", async () => {
    assertWebBuilt();
    builtApiFile('demo/demo.js');
    const dir = mkdtempSync(join(tmpdir(), 'tryg-shots-'));
    try {
      const result = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
        const child = spawn(process.execPath, [join(REPO_ROOT, 'tools', 'screenshots.mjs')], {
          cwd: REPO_ROOT,
          env: {
            PATH: process.env.PATH ?? '',
            SCREENSHOTS_DIR: dir,
            TRYG_TEST_SERVICES: process.env.TRYG_TEST_SERVICES ?? '',
          },
        });
        let stderr = '';
        child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
        child.on('close', (code) => resolve({ code, stderr }));
      });
      expect(result).toEqual({ code: 0, stderr: '' });
      expect(readdirSync(dir).sort()).toEqual([
        'coordinator-referrals.png',
        'facilitator-moderation.png',
        'incident-log-phone.png',
        'participant-room-phone.png',
      ]);
      // The phone shots at 390×844, the desk shots at 1280 wide; each a real picture.
      expect(pngSize(join(dir, 'participant-room-phone.png'))).toEqual({ width: 390, height: 844 });
      expect(pngSize(join(dir, 'incident-log-phone.png'))).toEqual({ width: 390, height: 844 });
      expect(pngSize(join(dir, 'facilitator-moderation.png')).width).toBe(1280);
      expect(pngSize(join(dir, 'coordinator-referrals.png')).width).toBe(1280);
      for (const name of readdirSync(dir)) expect(readFileSync(join(dir, name)).length).toBeGreaterThan(20_000);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);
});
