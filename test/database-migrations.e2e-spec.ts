import { DatabaseModule } from '@enforcement-link/platform';
import { INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { MigrationInterface, QueryRunner } from 'typeorm';
import { TestNetwork } from './support/test-network';

class CreateLedger1764100000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE TABLE ledger (id serial PRIMARY KEY, note text NOT NULL)');
    // Slow enough that replicas starting together overlap inside it.
    await queryRunner.query('SELECT pg_sleep(0.5)');
    await queryRunner.query("INSERT INTO ledger (note) VALUES ('created once')");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE ledger');
  }
}

class BrokenMigration1764100000001 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE no_such_table ADD COLUMN x int');
  }

  async down(): Promise<void> {}
}

function startReplica(url: string, migrations: MigrationInterface['constructor'][]) {
  @Module({
    imports: [
      DatabaseModule.forRoot({
        url,
        owner: 'xinzhou',
        migrations: migrations as (new () => MigrationInterface)[],
      }),
    ],
  })
  class ReplicaModule {}
  return NestFactory.createApplicationContext(ReplicaModule, {
    logger: false,
    abortOnError: false,
  });
}

describe('database migrations at start-up', () => {
  let network: TestNetwork;
  const contexts: INestApplicationContext[] = [];

  beforeEach(() => {
    network = TestNetwork.create();
  });

  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((context) => context.close()));
    await network.cleanup();
  });

  it('applies each migration once when three replicas start together', async () => {
    const url = network.databaseUrl('replicas');

    contexts.push(
      ...(await Promise.all([1, 2, 3].map(() => startReplica(url, [CreateLedger1764100000000])))),
    );

    expect(await network.query(url, 'SELECT note FROM ledger')).toEqual([{ note: 'created once' }]);
    expect(await network.query(url, 'SELECT name FROM migrations')).toEqual([
      { name: 'CreateLedger1764100000000' },
    ]);
  });

  it('fails the start when a migration fails, keeping what earlier migrations applied', async () => {
    const url = network.databaseUrl('broken');

    await expect(
      startReplica(url, [CreateLedger1764100000000, BrokenMigration1764100000001]),
    ).rejects.toThrow(/no_such_table/);

    expect(await network.query(url, 'SELECT name FROM migrations')).toEqual([
      { name: 'CreateLedger1764100000000' },
    ]);
  });
});
