export * from './auth.dto';
export * from './admin.dto';
export * from './validation-rules';
export * from './incidents.dto';
export * from './groups.dto';
export * from './scheduling.dto';
export * from './chat.dto';
export * from './moderation.dto';
