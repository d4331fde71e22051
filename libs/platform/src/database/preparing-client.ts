import { Client, ClientConfig } from 'pg';

/**
 * Distinct statements prepared on one connection at most. A service sends a few dozen on its
 * hot path; multi-row inserts add a variant per row count. Past the limit a new statement is
 * sent unnamed, as pg does by default, so a server's memory per connection stays bounded.
 */
export const PREPARED_STATEMENTS_PER_CONNECTION = 100;
/** Longer texts (bulk inserts) are sent unnamed: they are rarely repeated word for word. */
export const PREPARED_STATEMENT_MAX_LENGTH = 4_096;

/**
 * A pg client that prepares each parameterised statement it sends, under a name of its own on
 * the connection, so PostgreSQL parses and plans it once per connection instead of every
 * time it is sent (about a sixth of the server's work per asset search: docs/PERFORMANCE.md).
 * TypeORM sends text and values only, and has no setting for this; the pool takes the client
 * class as an option. Statements without parameters (BEGIN, COMMIT, migrations with several
 * statements in one text) keep pg's simple protocol.
 */
export class PreparingClient extends Client {
  /** The statements prepared on this connection, by text: their names are theirs alone. */
  private readonly names = new Map<string, string>();

  constructor(config?: string | ClientConfig) {
    super(config);
    const send = Client.prototype.query.bind(this) as (...args: unknown[]) => unknown;
    this.query = ((text: unknown, values?: unknown, ...rest: unknown[]) => {
      const name =
        typeof text === 'string' &&
        Array.isArray(values) &&
        values.length > 0 &&
        this.nameFor(text);
      return name ? send({ name, text, values }, ...rest) : send(text, values, ...rest);
    }) as Client['query'];
  }

  /** The statement's name, or undefined when it is sent unnamed. */
  private nameFor(text: string): string | undefined {
    const known = this.names.get(text);
    if (known) return known;
    if (text.length > PREPARED_STATEMENT_MAX_LENGTH) return undefined;
    if (this.names.size >= PREPARED_STATEMENTS_PER_CONNECTION) return undefined;
    const name = `statement_${this.names.size + 1}`;
    this.names.set(text, name);
    return name;
  }
}
