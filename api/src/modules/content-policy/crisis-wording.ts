import type { WatchedWord } from '@tryg/shared';

/**
 * The crisis wording the admin's list starts with (seeded by the moderation migration, then the
 * admin's to edit). Conservative on purpose: a false alarm only shows help lines to the writer
 * and tells the facilitators privately.
 */
export const DEFAULT_CRISIS_WORDING: readonly WatchedWord[] = [
  { pattern: 'selvmord*', action: 'crisis' },
  { pattern: 'tage mit eget liv', action: 'crisis' },
  { pattern: 'tage mit liv', action: 'crisis' },
  { pattern: 'slå mig selv ihjel', action: 'crisis' },
  { pattern: 'vil ikke leve mere', action: 'crisis' },
  { pattern: 'suicid*', action: 'crisis' },
  { pattern: 'kill myself', action: 'crisis' },
  { pattern: 'end my life', action: 'crisis' },
  { pattern: 'want to die', action: 'crisis' },
];
