import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { REPO_ROOT } from '../support/test-app';

const DIST = join(REPO_ROOT, 'web', 'dist');
const FIRST_PAGE_BUDGET = 150 * 1024;

/** Strings only React's development builds carry (the production builds spell these out as error codes). */
const DEVELOPMENT_MARKERS = [
  'Invalid hook call',
  'cannot be a child of',
  'jsxDEV',
  'Each child in a list should have a unique',
];

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? files(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

const gzipped = (path: string) => gzipSync(readFileSync(path), { level: 9 }).length;

/** What index.html makes the browser fetch before the first page can run: the entry and its modulepreloads. */
function firstPageScripts(): string[] {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const entry = [...html.matchAll(/<script[^>]+type="module"[^>]+src="([^"]+)"/g)].map((m) => m[1]);
  const preloaded = [...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g)].map((m) => m[1]);
  return [...entry, ...preloaded].map((src) => join(DIST, src.replace(/^\//, '')));
}

describe('the production build of the web app', () => {
  beforeAll(() => {
    if (!existsSync(join(DIST, 'index.html')))
      throw new Error(`${DIST} is missing: npm test builds it (or npm run build).`);
  });

  it("carries none of React's development build", () => {
    // The markers are real: React's own development builds contain them.
    const development = [
      'react/cjs/react.development.js',
      'react-dom/cjs/react-dom-client.development.js',
      'react/cjs/react-jsx-dev-runtime.development.js',
    ]
      .map((file) => readFileSync(join(REPO_ROOT, 'node_modules', file), 'utf8'))
      .join('\n');
    for (const marker of DEVELOPMENT_MARKERS)
      expect({ marker, inDevelopmentBuild: development.includes(marker) }).toEqual({
        marker,
        inDevelopmentBuild: true,
      });
    const scripts = files(DIST).filter((file) => file.endsWith('.js'));
    expect(scripts.length).toBeGreaterThan(5);
    const found = scripts.flatMap((file) => {
      const text = readFileSync(file, 'utf8');
      return DEVELOPMENT_MARKERS.filter((marker) => text.includes(marker)).map((marker) => `${file}: ${marker}`);
    });
    expect(found).toEqual([]);
  });

  it('ships no source map and points to none', () => {
    const all = files(DIST);
    expect(all.filter((file) => file.endsWith('.map'))).toEqual([]);
    const pointing = all.filter(
      (file) => /\.(js|css)$/.test(file) && /sourceMappingURL=/.test(readFileSync(file, 'utf8')),
    );
    expect(pointing).toEqual([]);
  });

  it(`loads at most ${FIRST_PAGE_BUDGET / 1024} KB of JavaScript (gzipped) for the first page: the entry and its preloaded chunks`, () => {
    const scripts = firstPageScripts();
    expect(scripts.length).toBeGreaterThan(0);
    const sizes = Object.fromEntries(scripts.map((file) => [file.slice(DIST.length + 1), gzipped(file)]));
    const total = Object.values(sizes).reduce((a, b) => a + b, 0);
    // The sizes show in the failure, so whoever breaks the budget sees which chunk grew.
    expect({ sizes, total, withinBudget: total <= FIRST_PAGE_BUDGET }).toEqual({ sizes, total, withinBudget: true });
  });

  it('keeps each language out of the first download: a page fetches only the one it shows', () => {
    const firstPage = firstPageScripts()
      .map((file) => readFileSync(file, 'utf8'))
      .join('\n');
    const da = JSON.parse(readFileSync(join(REPO_ROOT, 'web', 'src', 'lib', 'i18n', 'da.json'), 'utf8')) as {
      login: { title: string };
    };
    const en = JSON.parse(readFileSync(join(REPO_ROOT, 'web', 'src', 'lib', 'i18n', 'en.json'), 'utf8')) as {
      login: { title: string };
    };
    for (const title of [da.login.title, en.login.title])
      expect(firstPage.includes(JSON.stringify(title).slice(1, -1))).toBe(false);
    // Each language is a chunk of its own, and one language stays small beside the budget.
    const chunks = files(join(DIST, 'assets')).filter(
      (file) =>
        file.endsWith('.js') && readFileSync(file, 'utf8').includes(JSON.stringify(da.login.title).slice(1, -1)),
    );
    expect(chunks).toHaveLength(1);
    expect(gzipped(chunks[0])).toBeLessThan(30 * 1024);
  });
});
