import { renameSync, writeFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { createTestDatabase } from '../postgres';
import { chromiumEndpoint, redisAvailable, servicesStatus, startRedis } from '../services';

/** Run only by probe.jest.config.js: starts each service, writes what runs to TRYG_PROBE_OUT, then waits if asked. */
it('starts every service and reports them', async () => {
  await createTestDatabase();
  if (redisAvailable()) await startRedis();
  const browser = await chromium.connect(await chromiumEndpoint());
  const page = await browser.newPage();
  await page.setContent('<h1>probe</h1>');
  expect(await page.textContent('h1')).toBe('probe');
  const status = await servicesStatus();
  // Written whole, then renamed: whoever sees the file sees all of it (a Ctrl-C may follow at once).
  const out = process.env.TRYG_PROBE_OUT!;
  writeFileSync(`${out}.partial`, JSON.stringify(status));
  renameSync(`${out}.partial`, out);
  if (process.env.TRYG_PROBE_WAIT === '1') await new Promise(() => undefined);
});
