/** Closes the supervisor's lifeline and waits until it has stopped every service and removed its files. */
export default async function globalTeardown(): Promise<void> {
  const running = globalThis.__trygTestServices;
  if (!running) return;
  globalThis.__trygTestServices = undefined;
  const { supervisor } = running;
  if (supervisor.exitCode !== null || supervisor.signalCode !== null) return;
  const gone = new Promise<void>((resolve) => supervisor.once('exit', () => resolve()));
  // Unreferenced since setup: hold the process open until the clean-up has finished.
  supervisor.ref();
  supervisor.stdin!.end();
  await gone;
}
