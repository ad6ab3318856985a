// Which way dependencies point (STYLE.md), as lint rules. Used by eslint.config.mjs and by the
// test that proves each rule refuses a deliberately wrong import.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import importX from 'eslint-plugin-import-x';

/** Each zone: files under `target` may not import from `from` (except `except`, relative to `from`). */
function zones(rootDir) {
  const webFeatures = readdirSync(join(rootDir, 'web/src/features'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name);
  return [
    { target: './api/src/common', from: './api/src/modules', message: 'common/ imports no feature.' },
    { target: './shared/src', from: './api', message: 'shared/ imports nothing of the api.' },
    { target: './shared/src', from: './web', message: 'shared/ imports nothing of the web.' },
    {
      target: './api/src/modules/realtime',
      from: './api/src/modules',
      except: ['./realtime'],
      message: 'realtime is the lowest feature: every feature that pushes or cuts depends on it, not the other way.',
    },
    {
      target: './api/src/modules/content-policy',
      from: './api/src/modules',
      except: ['./content-policy'],
      message: 'content-policy is a leaf: it depends on no other feature.',
    },
    {
      target: './api/src/modules/room-rules',
      from: './api/src/modules/chat',
      message: 'room-rules sits below chat: chat reads the rules, not the other way.',
    },
    {
      target: './api/src/modules/room-rules',
      from: './api/src/modules/moderation',
      message: 'room-rules sits below moderation: moderation changes the rules through RoomRules.',
    },
    {
      target: './api/src/modules/chat',
      from: './api/src/modules/moderation',
      message: 'chat sits below moderation: let moderation listen to a chat event instead.',
    },
    ...webFeatures.map((feature) => ({
      target: `./web/src/features/${feature}`,
      from: './web/src/features',
      except: [`./${feature}`],
      message: 'Web features never import each other: compose them in web/src/app.',
    })),
  ];
}

/** The flat-config blocks that enforce the directions. */
export function dependencyDirections(rootDir) {
  return [
    {
      files: ['api/src/**/*.ts', 'shared/src/**/*.ts', 'web/src/**/*.{ts,tsx}'],
      plugins: { 'import-x': importX },
      settings: { 'import-x/resolver': { node: { extensions: ['.ts', '.tsx', '.js', '.json'] } } },
      rules: { 'import-x/no-restricted-paths': ['error', { basePath: rootDir, zones: zones(rootDir) }] },
    },

    {
      // Only the realtime authority touches socket.io server objects; no service imports a gateway.
      files: ['api/src/**/*.ts'],
      ignores: ['api/src/modules/realtime/**'],
      rules: {
        'no-restricted-imports': [
          'error',
          {
            paths: [
              { name: 'socket.io', message: 'Only api/src/modules/realtime touches socket.io: use RealtimeService.' },
              { name: '@socket.io/redis-adapter', message: 'Only api/src/modules/realtime touches socket.io.' },
            ],
            patterns: [
              {
                regex: '\\.gateway$',
                message: 'No service imports a gateway: gateways only translate events into service calls.',
              },
            ],
          },
        ],
      },
    },

    {
      // A module file registers its gateway.
      files: ['api/src/**/*.module.ts'],
      ignores: ['api/src/modules/realtime/**'],
      rules: {
        'no-restricted-imports': [
          'error',
          {
            paths: [
              { name: 'socket.io', message: 'Only api/src/modules/realtime touches socket.io: use RealtimeService.' },
              { name: '@socket.io/redis-adapter', message: 'Only api/src/modules/realtime touches socket.io.' },
            ],
          },
        ],
      },
    },
  ];
}
