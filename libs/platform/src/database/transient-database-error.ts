const TRANSIENT_NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
]);

/** SQLSTATE classes and codes that mean "try again later", not "this will never work". */
const TRANSIENT_SQLSTATE_PREFIXES = ['08', '53', '57P', '40001', '40P01'];

/**
 * Whether an error from the database may go away by itself: the server is down, restarting,
 * out of connections, or the transaction lost a serialisation race. Such work is retried;
 * any other error is a bug or bad data and retrying it would only repeat it.
 */
export function isTransientDatabaseError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (typeof code === 'string') {
    if (TRANSIENT_NETWORK_CODES.has(code)) return true;
    if (TRANSIENT_SQLSTATE_PREFIXES.some((prefix) => code.startsWith(prefix))) return true;
  }
  return (
    typeof message === 'string' &&
    /Connection terminated|connection timeout|Client has encountered a connection error/i.test(
      message,
    )
  );
}
