import { NatsError } from 'nats';

/**
 * What went wrong, in words an operator can act on: when JetStream refused a request, its own
 * description and error code (the client's message is then only the status, such as "503",
 * which also stands for no responders).
 */
export function describeNatsError(error: unknown): string {
  if (error instanceof NatsError && error.api_error) {
    const { description, err_code } = error.api_error;
    return `${description ?? error.message} (JetStream error ${err_code})`;
  }
  return error instanceof Error ? error.message : String(error);
}
