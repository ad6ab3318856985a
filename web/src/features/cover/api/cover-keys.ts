/** The cover feature's own queries; taking or giving back also changes the group's meetings (lib/query-keys). */
export const coverKeys = {
  all: ['cover'] as const,
  gaps: ['cover', 'gaps'] as const,
  mine: ['cover', 'mine'] as const,
};

/** The week view pages through this many days ahead (the API's maximum). */
export const COVER_DAYS = 60;
