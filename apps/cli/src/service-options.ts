import { ServiceClient } from '@enforcement-link/client';
import { readSecret } from './read-secret';
import { stringOption } from './network-options';
import { UsageError } from './command';

/** The usage lines of the options every command that calls a court node or the monitor takes. */
export const SERVICE_OPTIONS_USAGE = `  --url <url>           the court node, or for backlog the monitor (default: ENFORCEMENT_LINK_URL)
  --username <name>     the account to sign in with (default: ENFORCEMENT_LINK_USERNAME)
  --json                print what the service answered as JSON, for scripts
  The password is ENFORCEMENT_LINK_PASSWORD, else read from standard input (a prompt at a
  terminal, the first line of a pipe).`;

/** Signs in at the service the options or the environment name. */
export async function signInFromOptions(
  options: Record<string, string | true>,
): Promise<ServiceClient> {
  const url = stringOption(options, 'url') ?? process.env.ENFORCEMENT_LINK_URL;
  const username = stringOption(options, 'username') ?? process.env.ENFORCEMENT_LINK_USERNAME;
  if (!url) throw new UsageError('--url (or ENFORCEMENT_LINK_URL) is required');
  if (!/^https?:\/\/[^/]+/.test(url)) throw new UsageError(`--url ${url}: an http(s) URL`);
  if (!username) throw new UsageError('--username (or ENFORCEMENT_LINK_USERNAME) is required');
  const password =
    process.env.ENFORCEMENT_LINK_PASSWORD ?? (await readSecret(`password for ${username}: `));
  return ServiceClient.signIn(url, username, password);
}
