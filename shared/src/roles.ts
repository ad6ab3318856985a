/** The four kinds of account. A role is global; what a facilitator may do in a group is checked per group. */
export const ROLES = ['participant', 'facilitator', 'coordinator', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const STAFF_ROLES = ['facilitator', 'coordinator', 'admin'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export const LOCALES = ['da', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'da';
