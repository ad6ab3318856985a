import type { RouteObject } from 'react-router';
import { PAGES, type PageHandle, type PageName } from './pages';
import { routes } from './router';

/** Every route that shows a page, with its full path and the page it says it is. */
function pagesOf(tree: readonly RouteObject[], parent = ''): { path: string; page: PageName | undefined }[] {
  return tree.flatMap((route) => {
    const own =
      route.path === undefined ? parent : route.path === '*' ? '*' : `${parent.replace(/\/$/, '')}/${route.path}`;
    // A page is an index route or a leaf with a path; layouts and the log's parent route are not.
    const isPage = route.index === true || (route.path !== undefined && !route.children);
    const here = isPage
      ? [{ path: route.index ? parent || '/' : own, page: (route.handle as PageHandle | undefined)?.page }]
      : [];
    return [...here, ...pagesOf(route.children ?? [], route.path === undefined ? parent : own)];
  });
}

describe('router and the list of pages', () => {
  const routed = pagesOf(routes);

  it('gives every page route its entry in PAGES, with the same path', () => {
    for (const { path, page } of routed) {
      expect([path, page]).toEqual([path, expect.any(String)]);
      expect([page, PAGES[page!].path]).toEqual([page, path]);
    }
  });

  it('routes every page in PAGES exactly once', () => {
    const names = routed.map((route) => route.page).sort();
    expect(names).toEqual((Object.keys(PAGES) as PageName[]).sort());
  });
});
