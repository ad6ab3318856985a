import { findIdentifyingInfo, type IdentifyingKind } from './identifying-info';
import type { WatchList } from './watch-list';

/** What the content rules say about one message before it is stored. */
export interface ContentVerdict {
  /** A `hold` word: kept from everyone but the facilitators until approved. */
  hold: boolean;
  /** Crisis wording: delivered, the facilitators alerted privately, help lines for the writer. */
  crisis: boolean;
  /** Identifying information found: the writer must confirm before it is sent. */
  identifying: IdentifyingKind[];
}

/** The one rule for a message's content; a leaf with no state of its own. */
export function checkContent(text: string, watchList: WatchList): ContentVerdict {
  const words = watchList.match(text);
  return { hold: words.hold, crisis: words.crisis, identifying: findIdentifyingInfo(text) };
}
