import { useEffect, useRef, type RefObject } from 'react';
import { useLocation, useMatches } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PAGES, type PageHandle, type PageInfo } from './pages';

/** The page the deepest matching route says it is, if any. */
export function useCurrentPage(): PageInfo | null {
  const matches = useMatches();
  for (let i = matches.length - 1; i >= 0; i -= 1) {
    const page = (matches[i].handle as PageHandle | undefined)?.page;
    if (page) return PAGES[page];
  }
  return null;
}

const HEADING_WAIT_MS = 3000;

/**
 * Focus the page's heading once it is drawn (a page may show it only after its data loaded), so a
 * screen reader starts reading the new page there. Never takes focus the person already moved.
 */
function focusHeadingOf(main: HTMLElement): () => void {
  const untouched = () =>
    document.activeElement === document.body || document.activeElement === main || !document.activeElement;
  const focus = (heading: HTMLElement) => {
    if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
    heading.focus({ preventScroll: true });
  };
  const now = main.querySelector<HTMLElement>('h1');
  if (now) {
    focus(now);
    return () => undefined;
  }
  main.focus({ preventScroll: true });
  const observer = new MutationObserver(() => {
    const heading = main.querySelector<HTMLElement>('h1');
    if (!heading) return;
    observer.disconnect();
    if (untouched()) focus(heading);
  });
  observer.observe(main, { childList: true, subtree: true });
  const timer = window.setTimeout(() => observer.disconnect(), HEADING_WAIT_MS);
  return () => {
    observer.disconnect();
    window.clearTimeout(timer);
  };
}

/**
 * Each page change: the tab's neutral title for the new page, the view back at the top, and keyboard
 * and screen-reader focus on the new page's heading (the first load leaves focus where it is).
 */
export function usePageChange(mainRef: RefObject<HTMLElement | null>): PageInfo | null {
  const { t } = useTranslation();
  const page = useCurrentPage();
  const title = page ? t('app.titleFormat', { page: t(`titles.${page.title}`) }) : t('app.name');
  useEffect(() => {
    document.title = title;
  }, [title]);

  const { pathname } = useLocation();
  const shownPath = useRef(pathname);
  useEffect(() => {
    if (shownPath.current === pathname) return;
    shownPath.current = pathname;
    window.scrollTo(0, 0);
    const main = mainRef.current;
    return main ? focusHeadingOf(main) : undefined;
  }, [pathname, mainRef]);
  return page;
}
