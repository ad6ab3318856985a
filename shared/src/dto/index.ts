export * from './auth.dto';
export * from './admin.dto';
export * from './validation-rules';
