import { DataSource, EntityManager } from 'typeorm';
import { ActorContext } from '../audit/actor-context';
import { GroupCommit } from './group-commit';

/** Counts transactions; each hands its work a manager of its own. */
function countingDataSource() {
  const transactions: EntityManager[] = [];
  const dataSource = {
    transaction: async <T>(work: (manager: EntityManager) => Promise<T>): Promise<T> => {
      const manager = {} as EntityManager;
      transactions.push(manager);
      return work(manager);
    },
  } as unknown as DataSource;
  return { dataSource, transactions };
}

const clerk = (username: string) => ({ kind: 'user' as const, username, role: 'clerk' });

describe('GroupCommit', () => {
  it('runs the work of callers arriving together in one transaction, each in its own context', async () => {
    const { dataSource, transactions } = countingDataSource();
    const group = new GroupCommit(dataSource);
    const managers: EntityManager[] = [];
    const results = await Promise.all(
      ['wang.fang', 'li.ming', 'zhao.lei'].map((username) =>
        ActorContext.run(clerk(username), () =>
          group.run(async (manager) => {
            managers.push(manager);
            await Promise.resolve();
            return ActorContext.current();
          }),
        ),
      ),
    );
    expect(transactions).toHaveLength(1);
    expect(new Set(managers).size).toBe(1);
    expect(results).toEqual([clerk('wang.fang'), clerk('li.ming'), clerk('zhao.lei')]);
  });

  it('runs each piece on its own when the shared transaction fails, failing only its caller', async () => {
    const { dataSource, transactions } = countingDataSource();
    const group = new GroupCommit(dataSource);
    const outcomes = await Promise.allSettled([
      group.run(() => Promise.resolve('first')),
      group.run(() => Promise.reject(new Error('refused'))),
      group.run(() => Promise.resolve('third')),
    ]);
    expect(outcomes).toEqual([
      { status: 'fulfilled', value: 'first' },
      { status: 'rejected', reason: new Error('refused') },
      { status: 'fulfilled', value: 'third' },
    ]);
    expect(transactions).toHaveLength(4);
  });

  it('starts a new transaction for callers arriving later, and for more than 64 at once', async () => {
    const { dataSource, transactions } = countingDataSource();
    const group = new GroupCommit(dataSource);
    await group.run(() => Promise.resolve(1));
    await group.run(() => Promise.resolve(2));
    expect(transactions).toHaveLength(2);
    await Promise.all(Array.from({ length: 65 }, (_, i) => group.run(() => Promise.resolve(i))));
    expect(transactions).toHaveLength(4);
  });
});
