import { DataSource } from 'typeorm';
import { PendingDocument, PendingDocuments } from './pending-documents';

const RULING: PendingDocument = {
  documentId: '0190a3f0-5c00-7000-8000-000000000001',
  fileName: '裁定书.pdf',
  mediaType: 'application/pdf',
  sizeBytes: 3,
  sha256: 'f'.repeat(64),
};

/** A table of waiting documents in memory, answering the statements PendingDocuments sends. */
function databaseHolding(rows: (PendingDocument & { bytes: Buffer })[]) {
  const statements: string[] = [];
  const query = (sql: string, parameters: unknown[] = []) => {
    statements.push(sql.trim().split(/\s+/)[0]);
    if (sql.startsWith('INSERT')) rows.push({ ...RULING, bytes: parameters[5] as Buffer });
    if (sql.startsWith('DELETE')) rows.splice(0, 1);
    return Promise.resolve(sql.trim().startsWith('SELECT') ? rows.slice(0, 1) : []);
  };
  const dataSource = {
    query,
    transaction: (work: (manager: { query: typeof query }) => Promise<unknown>) => work({ query }),
  } as unknown as DataSource;
  return { dataSource, statements };
}

describe('PendingDocuments', () => {
  afterEach(() => jest.useRealTimers());

  it('puts every waiting document, then spares the database until one is kept or a minute passed', async () => {
    jest.useFakeTimers({ now: new Date('2026-12-04T10:00:00Z') });
    const { dataSource, statements } = databaseHolding([{ ...RULING, bytes: Buffer.from('pdf') }]);
    const pending = new PendingDocuments(dataSource);
    const put = jest.fn(() => Promise.resolve());

    expect(await pending.putEach(put)).toBe(1);
    expect(put).toHaveBeenCalledWith(expect.objectContaining(RULING), Buffer.from('pdf'));
    const afterFirstPass = statements.length;
    expect(await pending.putEach(put)).toBe(0);
    expect(statements).toHaveLength(afterFirstPass);

    await pending.keep(RULING, Buffer.from('pdf'));
    expect(await pending.putEach(put)).toBe(1);
    jest.advanceTimersByTime(60_000);
    expect(await pending.putEach(put)).toBe(0);
    expect(statements.at(-1)).toBe('SELECT');
  });

  it('keeps a document whose put failed, for the next pass to try at once', async () => {
    const { dataSource } = databaseHolding([{ ...RULING, bytes: Buffer.from('pdf') }]);
    const pending = new PendingDocuments(dataSource);
    const failing = () => Promise.reject(new Error('503'));
    await expect(pending.putEach(failing)).rejects.toThrow('503');
    expect(await pending.putEach(() => Promise.resolve())).toBe(1);
  });
});
