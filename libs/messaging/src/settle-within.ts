/**
 * Waits for `work` at most `ms` milliseconds; true when it settled in time. Shutdown uses it so
 * that a NATS call that never answers cannot keep a stopping service alive: what was not
 * acknowledged is delivered again after a restart.
 */
export async function settleWithin(work: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  try {
    return await Promise.race([
      work.then(
        () => true,
        () => true,
      ),
      timedOut,
    ]);
  } finally {
    clearTimeout(timer);
  }
}
