/**
 * The web bundle's entry to this library: everything but the DTO classes, so no decorators
 * or class-validator reach the browser. The web imports DTO types with `import type` only.
 */
export * from './roles';
export * from './permissions';
export * from './error-codes';
export * from './http-contract';
export * from './socket-events';
export * from './chat';
export * from './incidents';
export * from './groups';
export * from './scheduling';
export * from './moderation';
export * from './floor';
export * from './clients';
export * from './cover';
export * from './responses';
// The name rules without the look-alike table (server only; ~100 KB).
export * from './display-names';
// Types only, so the DTO classes' decorators never reach the bundle.
export type * from './dto';
