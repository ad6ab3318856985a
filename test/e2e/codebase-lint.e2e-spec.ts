import { execFileSync, spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { REPO_ROOT } from '../support/test-app';

interface LintResult {
  filePath: string;
  errorCount: number;
  messages: { line: number; ruleId: string | null; message: string }[];
}

/**
 * The STYLE.md lint rules (floating promises, exhaustive switches, eqeqeq, type-only imports, no
 * literal text in JSX) are part of the test run, so a break fails `npm test`, not only an editor.
 * ESLint runs in a child process: its flat config is ESM, which Jest's module loader cannot import.
 */
describe('codebase lint', () => {
  it('passes eslint with no errors', async () => {
    const output = await new Promise<string>((resolve, reject) => {
      const child = spawn(process.execPath, [join(REPO_ROOT, 'node_modules', 'eslint', 'bin', 'eslint.js'), '.', '--format', 'json'], { cwd: REPO_ROOT });
      let stdout = '';
      child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
      child.on('error', reject);
      child.on('close', () => resolve(stdout));
    });
    const results = JSON.parse(output) as LintResult[];
    const errors = results
      .filter((r) => r.errorCount > 0)
      .flatMap((r) => r.messages.map((m) => `${r.filePath.replace(REPO_ROOT, '')}:${m.line} ${m.ruleId} ${m.message}`));
    expect(errors).toEqual([]);
    expect(results.length).toBeGreaterThan(100);
    // Type-aware lint of the whole repository takes minutes on two shared cores.
  }, 360_000);
});

/** Every .ts file under a directory (tests excluded). */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });
}

describe('dependency directions (STYLE.md)', () => {
  const wrongImports = [
    { why: 'common imports a feature', filePath: 'api/src/common/zz.ts', code: "import { AuthService } from '../modules/auth/auth.service';\nexport const a = AuthService;" },
    { why: 'a feature touches socket.io', filePath: 'api/src/modules/moderation/zz.ts', code: "import { Server } from 'socket.io';\nexport const a = Server;" },
    { why: 'a service imports a gateway', filePath: 'api/src/modules/moderation/zz.ts', code: "import { ChatGateway } from '../chat/chat.gateway';\nexport const a = ChatGateway;" },
    { why: 'realtime imports a feature', filePath: 'api/src/modules/realtime/zz.ts', code: "import { ChatService } from '../chat/chat.service';\nexport const a = ChatService;" },
    { why: 'room-rules imports chat', filePath: 'api/src/modules/room-rules/zz.ts', code: "import { ChatService } from '../chat/chat.service';\nexport const a = ChatService;" },
    { why: 'chat imports moderation', filePath: 'api/src/modules/chat/zz.ts', code: "import { SafetyAlerts } from '../moderation/safety-alerts';\nexport const a = SafetyAlerts;" },
    { why: 'a web feature imports another', filePath: 'web/src/features/admin/zz.ts', code: "import { x } from '../safety/api/get-help-lines';\nexport const a = x;" },
    { why: 'shared imports the api', filePath: 'shared/src/zz.ts', code: "import { Clock } from '../../api/src/common/clock';\nexport const a = Clock;" },
    { why: 'shared imports the web', filePath: 'shared/src/zz.ts', code: "import { x } from '../../web/src/lib/format';\nexport const a = x;" },
  ];
  const rightImports = [
    { why: 'chat uses the realtime authority', filePath: 'api/src/modules/chat/zz.ts', code: "import { RealtimeService } from '../realtime/realtime.service';\nexport const a = RealtimeService;" },
    { why: 'moderation uses chat', filePath: 'api/src/modules/moderation/zz.ts', code: "import { ChatService } from '../chat/chat.service';\nexport const a = ChatService;" },
    { why: 'a module registers its gateway', filePath: 'api/src/modules/chat/zz.module.ts', code: "import { ChatGateway } from './chat.gateway';\nexport const a = ChatGateway;" },
  ];

  it('refuses a deliberately wrong import for each direction, and lets the right ones through', () => {
    const script = join(REPO_ROOT, 'test', 'support', 'lint-directions.mjs');
    const run = (cases: Array<{ filePath: string; code: string }>) =>
      JSON.parse(execFileSync(process.execPath, [script, JSON.stringify(cases)], { cwd: REPO_ROOT, encoding: 'utf8' })) as Array<{ rules: string[] }>;
    const wrong = run(wrongImports);
    expect(wrongImports.map((c, i) => [c.why, wrong[i].rules.length > 0])).toEqual(wrongImports.map((c) => [c.why, true]));
    const right = run(rightImports);
    expect(rightImports.map((c, i) => [c.why, right[i].rules])).toEqual(rightImports.map((c) => [c.why, []]));
  }, 60_000);

  it('has no setter hook, ModuleRef lookup, namespace() accessor or wiring inside a gateway', () => {
    const banned: Array<[RegExp, string]> = [
      [/\bModuleRef\b/, 'a ModuleRef lookup'],
      [/\.namespace\(\)|\bnamespace\(\)\s*:/, 'a namespace() accessor'],
      [/^\s+use[A-Z]\w*\(\w+: /m, 'a setter hook (useX(source))'],
      [/\bonChange\(/, 'an onChange hook'],
    ];
    const found: string[] = [];
    for (const file of sources(join(REPO_ROOT, 'api', 'src'))) {
      const text = readFileSync(file, 'utf8');
      for (const [pattern, what] of banned) if (pattern.test(text)) found.push(`${relative(REPO_ROOT, file)}: ${what}`);
      if (file.endsWith('.gateway.ts') && /afterInit\(/.test(text)) found.push(`${relative(REPO_ROOT, file)}: wiring inside a gateway`);
    }
    expect(found).toEqual([]);
  });

  it('proves the search works on a planted example of each', () => {
    const planted = 'constructor(private readonly moduleRef: ModuleRef) {}\n  useModeration(source: X): void {}\n  this.realtime.namespace()?.emit();\n  roomState.onChange(fn);';
    expect([/\bModuleRef\b/, /\.namespace\(\)/, /^\s+use[A-Z]\w*\(\w+: /m, /\bonChange\(/].map((p) => p.test(planted))).toEqual([true, true, true, true]);
  });
});
