import type { Socket } from 'socket.io-client';
import type { DataSource } from 'typeorm';
import type { ChatClient } from './sockets';
import type { LogCapture } from './test-app';

/**
 * What every bad-input suite asserts besides the status (issue 13): no error-level line in the
 * server's log, no unhandled rejection, no stack trace or internals in the answer, nothing stored
 * and nothing broadcast. One way to check each, shared by the fuzz, body-transport and
 * request-shape suites.
 */

/** The server log's lines at level error or fatal (pino 50, 60): the exception filter's 500s, failed handlers. */
export function errorLines(logs: LogCapture): string[] {
  return logs.lines.filter((line) => /"level":(50|60)/.test(line));
}

/** A stack frame, a file path, or a driver's or runtime's error name: what an answer must never show. */
export const INTERNALS = /\bat .+:\d+:\d+|node_modules|\/src\/|QueryFailedError|TypeError|ReferenceError|RangeError|SQLITE_|Error:/;

/** Rejections nobody handled while the suite runs (one can end a Node 20 process): start in beforeAll, stop in afterAll. */
export function watchUnhandledRejections(): { readonly rejections: unknown[]; stop: () => void } {
  const rejections: unknown[] = [];
  const onRejection = (reason: unknown) => rejections.push(reason instanceof Error ? (reason.stack ?? reason.message) : reason);
  process.on('unhandledRejection', onRejection);
  return { rejections, stop: () => process.off('unhandledRejection', onRejection) };
}

/**
 * A count of the rows of every table (but the job scheduler's), and the newest message edit:
 * anything stored, deleted, duplicated or edited changes it.
 */
export async function rowFingerprint(dataSource: DataSource): Promise<string> {
  const tables = (await dataSource.query(
    // job_leases is the background jobs' own bookkeeping: they run on their timers, whatever the requests.
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'job_leases' ORDER BY name",
  )) as Array<{ name: string }>;
  const counts = await Promise.all(tables.map(async ({ name }) => `${name}:${(await dataSource.query(`SELECT COUNT(*) AS n FROM "${name}"`))[0].n}`));
  const messages = await dataSource.query('SELECT MAX(updated_at) AS at FROM messages');
  return [...counts, `messages.updated:${messages[0].at}`].join(' ');
}

/** Every event the given sockets receive from now on (but those named in `ignore`): "nothing broadcast" is `heard` staying empty. */
export function recordBroadcasts(sockets: ChatClient[], ignore: string[] = []): { readonly heard: string[]; clear: () => void } {
  const heard: string[] = [];
  for (const socket of sockets) (socket as unknown as Socket).onAny((event: string) => !ignore.includes(event) && heard.push(event));
  return { heard, clear: () => void (heard.length = 0) };
}
