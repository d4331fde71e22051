import {
  DatabaseModule,
  ensureDatabaseExists,
  PREPARED_STATEMENT_MAX_LENGTH,
  PREPARED_STATEMENTS_PER_CONNECTION,
  PreparingClient,
} from '@enforcement-link/platform';
import { INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { TestNetwork } from './support/test-network';

const PREPARED = 'SELECT statement FROM pg_prepared_statements ORDER BY prepare_time';

describe('prepared statements', () => {
  let network: TestNetwork;
  let client: PreparingClient;

  beforeEach(async () => {
    network = TestNetwork.create();
    const url = network.databaseUrl('prepared');
    await ensureDatabaseExists(url);
    client = new PreparingClient({ connectionString: url });
    await client.connect();
  });

  afterEach(async () => {
    await client.end();
    await network.cleanup();
  });

  it('prepares a parameterised statement once and answers it every time', async () => {
    const text = 'SELECT $1::int + 1 AS next';

    const answers = [];
    for (const value of [1, 2, 3]) answers.push((await client.query(text, [value])).rows);

    expect(answers).toEqual([[{ next: 2 }], [{ next: 3 }], [{ next: 4 }]]);
    expect((await client.query(PREPARED)).rows).toEqual([{ statement: text }]);
  });

  it('sends statements without parameters as they are, several in one text included', async () => {
    await client.query('CREATE TABLE notes (id int PRIMARY KEY); INSERT INTO notes VALUES (7)');
    await client.query('INSERT INTO notes VALUES (8); INSERT INTO notes VALUES (9)', []);

    expect((await client.query('SELECT id FROM notes ORDER BY id')).rows).toEqual([
      { id: 7 },
      { id: 8 },
      { id: 9 },
    ]);
    expect((await client.query(PREPARED)).rows).toEqual([]);
  });

  it('sends long texts and statements past the per-connection limit unnamed', async () => {
    const long = `SELECT $1::text AS padded /* ${'x'.repeat(PREPARED_STATEMENT_MAX_LENGTH)} */`;
    expect((await client.query(long, ['kept'])).rows).toEqual([{ padded: 'kept' }]);
    for (let n = 0; n <= PREPARED_STATEMENTS_PER_CONNECTION; n++) {
      expect((await client.query(`SELECT $1::int AS n${n}`, [n])).rows).toEqual([{ [`n${n}`]: n }]);
    }

    const prepared = (await client.query<{ statement: string }>(PREPARED)).rows;
    expect(prepared).toHaveLength(PREPARED_STATEMENTS_PER_CONNECTION);
    expect(prepared.map(({ statement }) => statement)).not.toContain(long);
    expect(prepared.at(-1)?.statement).toBe(
      `SELECT $1::int AS n${PREPARED_STATEMENTS_PER_CONNECTION - 1}`,
    );
  });

  it("is the client of every service's database connections", async () => {
    @Module({
      imports: [
        DatabaseModule.forRoot({
          url: network.databaseUrl('service'),
          owner: 'xinzhou',
          migrations: [],
        }),
      ],
    })
    class ServiceModule {}
    const context: INestApplicationContext = await NestFactory.createApplicationContext(
      ServiceModule,
      { logger: false },
    );
    try {
      const runner = context.get(DataSource).createQueryRunner();
      try {
        await runner.query('SELECT $1::text AS court', ['xinzhou']);
        // Start-up (the database's owner, the migrations) may have prepared others on it.
        expect(await runner.query(PREPARED)).toContainEqual({
          statement: 'SELECT $1::text AS court',
        });
      } finally {
        await runner.release();
      }
    } finally {
      await context.close();
    }
  });
});
