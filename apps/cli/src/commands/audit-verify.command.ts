import { Client } from 'pg';
import {
  ChainCheck,
  ChainHead,
  formatChainHead,
  parseChainHead,
} from '../../../court-node/src/audit/audit-chain';
import {
  recordFromRow,
  SELECT_RECORDS_AFTER,
} from '../../../court-node/src/audit/audit-records.table';
import { Command, parseOptions, UsageError } from '../command';

/** Records read per query: the walk holds one batch in memory, whatever the chain's length. */
const BATCH_SIZE = 5_000;
const UNDEFINED_TABLE = '42P01';

export const auditVerify: Command = {
  name: 'audit verify',
  summary: "checks a court node's audit trail for changed, removed or inserted records",
  usage: `usage: enforcement-link audit verify [--database-url <url>] [--expected-head <sequence>:<hash>] [--json]

Walks the court node's audit trail in sequence order, recomputes every record's hash and
checks every link, and reports each record that was changed, removed or inserted since it
was written. Exit code 0 when the trail is intact, 1 when it is not.

  --database-url    the court node's database (default: DATABASE_URL)
  --expected-head   a head seen earlier outside this database, e.g. the one the monitor
                    keeps from the node's heartbeats: the trail must still contain it, so
                    its newest records cannot have been removed or rewritten unnoticed
  --json            print the result as JSON`,

  async run(args: string[]): Promise<number> {
    const { options, positional } = parseOptions(args, ['json']);
    if (positional.length > 0) throw new UsageError(`unexpected argument ${positional[0]}`);
    const databaseUrl = options['database-url'] ?? process.env.DATABASE_URL;
    if (typeof databaseUrl !== 'string') {
      throw new UsageError('--database-url or DATABASE_URL is required');
    }
    const expected = options['expected-head'];
    let expectedHead: ChainHead | undefined;
    try {
      expectedHead = typeof expected === 'string' ? parseChainHead(expected) : undefined;
    } catch (error) {
      throw new UsageError(`--expected-head: ${(error as Error).message}`);
    }
    const check = await walk(databaseUrl, new ChainCheck(expectedHead));
    console.log(
      options.json ? JSON.stringify(asJson(check), null, 2) : asText(check, expectedHead),
    );
    return check.intact ? 0 : 1;
  },
};

/** Feeds every record to `check`, a batch at a time, from one consistent snapshot. */
async function walk(databaseUrl: string, check: ChainCheck): Promise<ChainCheck> {
  const client = new Client({ connectionString: databaseUrl, application_name: 'audit verify' });
  await client.connect();
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    for (let after = 0, more = true; more;) {
      const { rows } = await client
        .query<Parameters<typeof recordFromRow>[0]>(SELECT_RECORDS_AFTER, [after, BATCH_SIZE])
        .catch((error: unknown) => {
          if ((error as { code?: string }).code !== UNDEFINED_TABLE) throw error;
          throw new Error("this database has no audit trail: is it a court node's, migrated?");
        });
      for (const row of rows) check.add(recordFromRow(row));
      after = check.head?.sequence ?? after;
      more = rows.length === BATCH_SIZE;
    }
    check.finish();
    return check;
  } finally {
    await client.end();
  }
}

function asJson(check: ChainCheck): object {
  return {
    intact: check.intact,
    records: check.records,
    head: check.head ? formatChainHead(check.head) : null,
    problemCount: check.problemCount,
    problems: check.problems,
  };
}

function asText(check: ChainCheck, expectedHead: ChainHead | undefined): string {
  const head = check.head ? `, head ${formatChainHead(check.head)}` : '';
  if (check.intact) {
    const witnessed = expectedHead
      ? `; it contains the expected head ${expectedHead.sequence}`
      : '';
    return `audit trail intact: ${check.records} records${head}${witnessed}`;
  }
  const more = check.problemCount - check.problems.length;
  return [
    `audit trail NOT intact: ${check.problemCount} problem(s) in ${check.records} records${head}`,
    ...check.problems.map(
      (problem) => `  record ${problem.sequence}: ${problem.kind}: ${problem.detail}`,
    ),
    ...(more > 0 ? [`  ... and ${more} more`] : []),
  ].join('\n');
}
