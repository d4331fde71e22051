import { QueryRunner } from 'typeorm';

/**
 * What an open transaction noted for the work done as it commits (rows to insert, messages to
 * publish), kept with its query runner so that it ends with the transaction.
 */
export class TransactionNotes<T> {
  constructor(private readonly key: string) {}

  add(queryRunner: QueryRunner, note: T): void {
    ((queryRunner.data[this.key] as T[] | undefined) ??= []).push(note);
  }

  /** The notes so far, left in place. */
  peek(queryRunner: QueryRunner): T[] {
    return (queryRunner.data[this.key] as T[] | undefined) ?? [];
  }

  /** The notes so far, removed. */
  take(queryRunner: QueryRunner): T[] {
    const notes = this.peek(queryRunner);
    delete queryRunner.data[this.key];
    return notes;
  }
}
