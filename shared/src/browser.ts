/**
 * The web bundle's entry to this library: everything but the DTO classes, so no decorators
 * or class-validator reach the browser. The web imports DTO types with `import type` only.
 */
export * from './roles';
export * from './permissions';
export * from './error-codes';
export * from './http-contract';
export * from './socket-events';
