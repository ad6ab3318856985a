export * from './roles';
export * from './permissions';
export * from './error-codes';
export * from './http-contract';
export * from './responses';
export * from './socket-events';
export * from './dto';
