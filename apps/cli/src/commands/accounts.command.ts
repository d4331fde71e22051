import { hashPassword, MIN_PASSWORD_LENGTH, Role, ROLES } from '@enforcement-link/platform';
import { Client } from 'pg';
import { Command, parseOptions, UsageError } from '../command';
import { readSecret } from '../read-secret';

const USAGE = `usage: enforcement-link accounts add --database-url <url> --username <name> --name <display name> --role <role>

Opens an account straight in a service's database: the first court admin of a new court node
(or command-centre admin of the monitor), or one for when nobody can sign in any more. Later
accounts are opened in the web pages or with POST /api/accounts.

  --database-url  the service's PostgreSQL database (the DATABASE_URL it runs with)
  --username      2 to 64 lowercase letters, digits, dots, dashes or underscores
  --name          the person's name as the pages show it
  --role          ${ROLES.join(', ')}

The password is read from standard input: typed at a prompt, or piped as the first line.`;

export const accountsAddCommand: Command = {
  name: 'accounts add',
  summary: "open an account in a service's database (the first admin)",
  usage: USAGE,
  async run(args) {
    const { options } = parseOptions(args);
    const databaseUrl = required(options, 'database-url');
    const username = required(options, 'username');
    const displayName = required(options, 'name');
    const role = required(options, 'role') as Role;
    if (!/^[a-z0-9][a-z0-9._-]{1,63}$/.test(username)) {
      throw new UsageError(
        '--username: 2 to 64 lowercase letters, digits, dots, dashes or underscores',
      );
    }
    if (!ROLES.includes(role)) throw new UsageError(`--role: one of ${ROLES.join(', ')}`);
    const password = await readSecret(`password for ${username}: `);
    if (password.length < MIN_PASSWORD_LENGTH) {
      throw new UsageError(`the password needs at least ${MIN_PASSWORD_LENGTH} characters`);
    }
    const client = new Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      const inserted = await client.query(
        `INSERT INTO user_accounts (username, display_name, role, password_hash)
         VALUES ($1, $2, $3, $4) ON CONFLICT (username) DO NOTHING`,
        [username, displayName, role, await hashPassword(password)],
      );
      if (inserted.rowCount === 0) throw new Error(`an account ${username} exists already`);
    } finally {
      await client.end();
    }
    console.log(`opened the ${role} account ${username} (${displayName})`);
    return 0;
  },
};

function required(options: Record<string, string | true>, name: string): string {
  const value = options[name];
  if (typeof value !== 'string' || value === '') throw new UsageError(`--${name} is required`);
  return value;
}
