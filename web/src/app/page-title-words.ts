/**
 * Words that would tell someone looking at the tab, the history or a shared screen what Tryg is
 * for (the threat model: the stalker may see the screen). Matched anywhere in a title, any case.
 * Used by the tests that check every title (unit and browser); the app itself never needs it.
 */
export const FORBIDDEN_TITLE_WORDS: readonly string[] = [
  'stalk',
  'forfølg',
  'log',
  'krise',
  'crisis',
  'politi',
  'police',
  'offer',
  'victim',
  'hændelse',
  'incident',
  'chikane',
  'harass',
  'vold',
  'violence',
  'abuse',
  'overgreb',
  'tryghed',
  'safety',
  'sikkerhed',
  'security',
  'moderation',
  'anmeld',
  'report',
  'henvisn',
  'referral',
  'hjælp',
  'help',
  'trussel',
  'threat',
];
