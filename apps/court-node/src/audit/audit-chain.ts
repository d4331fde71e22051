import { createHash } from 'node:crypto';
import type { Actor } from './actor-context';

/**
 * The audit trail's chain: how a record is encoded and hashed, how records are linked, and how
 * a chain is checked. The court node's writer and the command line's `audit verify` both use
 * this file and nothing else for it, so they cannot disagree. Pure: no database, no NestJS.
 */

/** What a record says happened. */
export type AuditAction =
  | 'request.created'
  | 'request.changed'
  | 'message.received'
  | 'message.rejected'
  | 'message.parked'
  | 'message.sent';

/** A JSON value as PostgreSQL's jsonb keeps it: what a record's detail may contain. */
export type JsonValue =
  string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** A change to record, before it has a place in the chain. */
export interface AuditEntry {
  /** When the change was made (ISO 8601, milliseconds). */
  recordedAt: string;
  actor: Actor;
  action: AuditAction;
  requestId: string | null;
  messageId: string | null;
  detail: { [key: string]: JsonValue };
}

/** A record as stored: the entry, its place in the chain and its hash. */
export interface AuditRecord extends AuditEntry {
  sequence: number;
  previousHash: string;
  hash: string;
}

/** The newest record of a chain, which a witness can hold: `<sequence>:<hash>`. */
export interface ChainHead {
  sequence: number;
  hash: string;
}

/** What the first record links to. */
export const GENESIS_HASH = '0'.repeat(64);

/** Problems kept for the report; past that only counted (a renumbered chain breaks at every record). */
const PROBLEMS_KEPT = 100;

/**
 * JSON with object keys sorted by UTF-16 code units, no whitespace, `undefined` members left
 * out: for the values a record holds this is the JSON Canonicalization Scheme (RFC 8785), so one
 * value has one encoding however its keys were ordered (jsonb reorders them).
 */
export function canonicalJson(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new Error(`${value} has no JSON encoding`);
      return JSON.stringify(value);
    case 'object': {
      if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
      const prototype = Object.getPrototypeOf(value) as unknown;
      if (prototype !== Object.prototype && prototype !== null) {
        throw new Error('only plain objects have a canonical encoding (convert dates to text)');
      }
      const members = Object.entries(value as Record<string, unknown>)
        .filter(([, member]) => member !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      return `{${members.map(([key, member]) => `${JSON.stringify(key)}:${canonicalJson(member)}`).join(',')}}`;
    }
    default:
      throw new Error(`a ${typeof value} has no JSON encoding`);
  }
}

/** SHA-256, in hex, of the canonical encoding of every field of the record but its hash. */
export function recordHash(record: Omit<AuditRecord, 'hash'>): string {
  const hashed: Omit<AuditRecord, 'hash'> = {
    sequence: record.sequence,
    previousHash: record.previousHash,
    recordedAt: record.recordedAt,
    actor: record.actor,
    action: record.action,
    requestId: record.requestId,
    messageId: record.messageId,
    detail: record.detail,
  };
  return createHash('sha256').update(canonicalJson(hashed)).digest('hex');
}

/** SHA-256, in hex, of a message's bytes: what the trail keeps instead of the payload. */
export function payloadHash(payload: string | Uint8Array): string {
  return createHash('sha256').update(payload).digest('hex');
}

/** Places `entries` after `head` (none: the chain is empty), in order, each linked to the one before. */
export function appendToChain(head: ChainHead | undefined, entries: AuditEntry[]): AuditRecord[] {
  let sequence = head?.sequence ?? 0;
  let previousHash = head?.hash ?? GENESIS_HASH;
  return entries.map((entry) => {
    const unhashed = { ...entry, sequence: ++sequence, previousHash };
    const record = { ...unhashed, hash: recordHash(unhashed) };
    previousHash = record.hash;
    return record;
  });
}

/** Reads `<sequence>:<hash>`, as `audit verify --expected-head` takes it. */
export function parseChainHead(text: string): ChainHead {
  const match = /^(\d+):([0-9a-f]{64})$/.exec(text.trim().toLowerCase());
  const sequence = match ? Number(match[1]) : NaN;
  if (!match || !Number.isSafeInteger(sequence) || sequence < 1) {
    throw new Error(`"${text}" is not <sequence>:<sha-256 in hex>, e.g. 42:${'ab'.repeat(32)}`);
  }
  return { sequence, hash: match[2] };
}

export function formatChainHead(head: ChainHead): string {
  return `${head.sequence}:${head.hash}`;
}

/**
 * What is wrong at one place of a chain:
 * - `changed`: the record no longer matches its hash;
 * - `removed`: records are missing (a gap in the sequence, or a chain not starting at 1);
 * - `inserted`: a record that was not there before (the next one links past it);
 * - `relinked`: the record does not link to the one before it, which was replaced;
 * - `truncated`: the chain ends before the head a witness saw;
 * - `diverged`: the record at the witnessed head is not the one the witness saw.
 */
export type ChainProblemKind =
  'changed' | 'removed' | 'inserted' | 'relinked' | 'truncated' | 'diverged';

export interface ChainProblem {
  sequence: number;
  kind: ChainProblemKind;
  detail: string;
}

/**
 * Checks a chain one record at a time, in sequence order, holding only the last two records, so
 * a chain of any length can be streamed through it. Each record is judged against the stored
 * hashes of the records before it, so independent tamperings are reported each at its place
 * rather than as one break that spoils everything after it.
 */
export class ChainCheck {
  /** The first problems found, in chain order; `problemCount` says how many there were. */
  readonly problems: ChainProblem[] = [];
  private found = 0;
  private checked = 0;
  private last?: AuditRecord;
  private beforeLast?: AuditRecord;
  private witnessed = false;

  /** `expectedHead`: a head seen earlier by a witness, which the chain must still contain. */
  constructor(private readonly expectedHead?: ChainHead) {}

  get records(): number {
    return this.checked;
  }

  /** The newest record checked: the head to hand to a witness when the chain is intact. */
  get head(): ChainHead | undefined {
    return this.last && { sequence: this.last.sequence, hash: this.last.hash };
  }

  get problemCount(): number {
    return this.found;
  }

  get intact(): boolean {
    return this.found === 0;
  }

  /** Checks the next record; they must come in increasing sequence order. */
  add(record: AuditRecord): void {
    const expected = (this.last?.sequence ?? 0) + 1;
    if (record.sequence < expected) {
      throw new Error(`record ${record.sequence} came after record ${expected - 1}: not in order`);
    }
    if (record.sequence > expected) {
      this.report(
        expected,
        'removed',
        record.sequence - 1 === expected
          ? `record ${expected} is missing`
          : `records ${expected} to ${record.sequence - 1} are missing`,
      );
    } else {
      this.checkLink(record);
    }
    if (recordHash(record) !== record.hash) {
      this.report(record.sequence, 'changed', 'its content no longer matches its hash');
    }
    if (this.expectedHead?.sequence === record.sequence) {
      this.witnessed = true;
      if (record.hash !== this.expectedHead.hash) {
        this.report(
          record.sequence,
          'diverged',
          `its hash is ${record.hash}, not the witnessed ${this.expectedHead.hash}: the chain was rewritten up to here`,
        );
      }
    }
    this.beforeLast = this.last;
    this.last = record;
    this.checked++;
  }

  /** Call once every record has been added: checks the end of the chain against the witness. */
  finish(): void {
    if (!this.expectedHead || this.witnessed) return;
    const end = this.last?.sequence ?? 0;
    if (end < this.expectedHead.sequence) {
      this.report(
        end + 1,
        'truncated',
        `the chain ends at record ${end}, but record ${this.expectedHead.sequence} was witnessed: records ${end + 1} to ${this.expectedHead.sequence} at least were removed`,
      );
    } else {
      // Records past the witnessed head exist, but not the head itself: a gap reported above.
      this.report(this.expectedHead.sequence, 'diverged', 'the witnessed record is missing');
    }
  }

  private checkLink(record: AuditRecord): void {
    const linkTo = this.last?.hash ?? GENESIS_HASH;
    if (record.previousHash === linkTo) return;
    if (this.last && this.beforeLast && record.previousHash === this.beforeLast.hash) {
      this.report(
        this.last.sequence,
        'inserted',
        `record ${record.sequence} links to record ${this.beforeLast.sequence}: record ${this.last.sequence} was put between them`,
      );
      return;
    }
    this.report(
      record.sequence,
      'relinked',
      this.last
        ? `it does not link to record ${this.last.sequence}: one of the two was replaced`
        : 'the first record does not link to the start of the chain',
    );
  }

  private report(sequence: number, kind: ChainProblemKind, detail: string): void {
    if (++this.found <= PROBLEMS_KEPT) this.problems.push({ sequence, kind, detail });
  }
}
