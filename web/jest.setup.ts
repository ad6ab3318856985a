import { TextEncoder, TextDecoder } from 'node:util';
Object.assign(globalThis, { TextEncoder, TextDecoder });

// The app fetches one language at start; unit tests know both at once.
import { registerTranslations } from './src/lib/i18n/i18n';
import da from './src/lib/i18n/da.json';
import en from './src/lib/i18n/en.json';
registerTranslations({ da, en });
