import { hashPassword, Role } from '@enforcement-link/platform';
import { Client } from 'pg';

/** Every test account's password; accounts are opened straight in the service's database. */
export const TEST_PASSWORD = 'correct horse battery staple';
let passwordHash: Promise<string> | undefined;

/** A signed-in account of one service, calling it with its bearer token. */
export interface TestSession {
  username: string;
  role: Role;
  token: string;
  /** `fetch` of a path of the service, with the session's token. */
  fetch(path: string, init?: RequestInit): Promise<Response>;
}

const sessions = new Map<string, Promise<TestSession>>();

/**
 * A session of `role` at the service at `url`, whose database is `databaseUrl`: the account
 * `test-<role>` is opened there the way `enforcement-link accounts add` would, then signed in
 * through `POST /api/session` as a person would. One per service and role.
 */
export function sessionAs(url: string, databaseUrl: string, role: Role): Promise<TestSession> {
  const key = `${url} ${role}`;
  let session = sessions.get(key);
  if (!session) {
    session = openSession(url, databaseUrl, role);
    session.catch(() => sessions.delete(key));
    sessions.set(key, session);
  }
  return session;
}

export async function openTestAccount(
  databaseUrl: string,
  username: string,
  role: Role,
): Promise<void> {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(
      `INSERT INTO user_accounts (username, display_name, role, password_hash)
       VALUES ($1, $1, $2, $3) ON CONFLICT (username) DO NOTHING`,
      [username, role, await passwordHash],
    );
  } finally {
    await client.end();
  }
}

export async function signIn(
  url: string,
  username: string,
  password = TEST_PASSWORD,
): Promise<string> {
  const response = await fetch(`${url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  const body = (await response.json()) as { token?: string };
  if (response.status !== 200 || !body.token) {
    throw new Error(
      `signing in as ${username} at ${url} answered ${response.status}: ${JSON.stringify(body)}`,
    );
  }
  return body.token;
}

async function openSession(url: string, databaseUrl: string, role: Role): Promise<TestSession> {
  const username = `test-${role}`;
  await openTestAccount(databaseUrl, username, role);
  const token = await signIn(url, username);
  return {
    username,
    role,
    token,
    fetch: (path, init = {}) =>
      fetch(`${url}${path}`, {
        ...init,
        headers: { ...(init.headers as Record<string, string>), authorization: `Bearer ${token}` },
      }),
  };
}
