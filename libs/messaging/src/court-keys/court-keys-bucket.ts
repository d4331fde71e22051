import {
  CourtKeyRecord,
  courtKeysBucket,
  CourtKeyRegistry,
  withKeyRegistered,
  withKeyRotated,
} from '@enforcement-link/protocol';
import { JetStreamClient, KV } from 'nats';
import { createdConcurrently } from '../streams/provision-streams';

/** Revisions kept per court: who changed a court's keys when stays visible for a while. */
const HISTORY = 16;
const MAX_ATTEMPTS = 5;

/** The network's court key registry bucket, created on first use with `replicas` copies. */
export function openCourtKeysBucket(
  jetStream: JetStreamClient,
  namespace: string,
  replicas: number,
): Promise<KV> {
  return createdConcurrently(() =>
    jetStream.views.kv(courtKeysBucket(namespace), { history: HISTORY, replicas }),
  );
}

/** Every court's keys as the bucket holds them now. */
export async function readCourtKeys(bucket: KV): Promise<CourtKeyRegistry> {
  const courts: string[] = [];
  // Read to the end first: the key listing stops early if the loop awaits in between.
  for await (const court of await bucket.keys()) courts.push(court);
  const records: unknown[] = [];
  for (const court of courts) {
    const entry = await bucket.get(court);
    if (entry?.operation === 'PUT') records.push(...courtEntryRecords(court, entry.json()));
  }
  return CourtKeyRegistry.from(records);
}

/**
 * Applies `change` to `court`'s keys and stores the result, unless `change` returned the very
 * list it was given. If another administrator changed them in between, it reads them again and
 * re-applies `change`, so neither change is lost. The result must keep the whole registry valid
 * (a public key belongs to one court only).
 */
export async function changeCourtKeys(
  bucket: KV,
  court: string,
  change: (keys: CourtKeyRecord[]) => CourtKeyRecord[],
): Promise<CourtKeyRecord[]> {
  for (let attempt = 1; ; attempt++) {
    const others = (await readCourtKeys(bucket)).all.filter((key) => key.court !== court);
    const entry = await bucket.get(court);
    const keys =
      entry?.operation === 'PUT'
        ? [...CourtKeyRegistry.from(courtEntryRecords(court, entry.json())).all]
        : [];
    const changed = change(keys);
    if (changed === keys) return keys;
    CourtKeyRegistry.from([...others, ...changed]);
    try {
      if (entry) await bucket.update(court, JSON.stringify(changed), entry.revision);
      else await bucket.create(court, JSON.stringify(changed));
      return changed;
    } catch (error) {
      const conflict = error instanceof Error && /wrong last sequence/i.test(error.message);
      if (!conflict || attempt >= MAX_ATTEMPTS) throw error;
    }
  }
}

/** The records stored under a court's code, which must all be that court's. */
export function courtEntryRecords(court: string, value: unknown): unknown[] {
  if (!Array.isArray(value)) throw new Error(`the entry of ${court} is not a JSON list`);
  const strangers = value.filter(
    (record) => (record as { court?: unknown } | null)?.court !== court,
  );
  if (strangers.length > 0) throw new Error(`the entry of ${court} lists other courts' keys`);
  return value;
}

/**
 * The change that makes `publicKey` the court's current key at once, for networks whose keys
 * are made at start-up (development, demonstrations, tests): registered when the court has no
 * current key, rotated in with no grace otherwise, nothing when it is one of its keys already.
 */
export function withCurrentKey(
  court: string,
  publicKey: string,
): (keys: CourtKeyRecord[]) => CourtKeyRecord[] {
  return (keys) => {
    if (keys.some((key) => key.publicKey === publicKey)) return keys;
    const now = new Date();
    return keys.some((key) => !key.retiredAt && !key.revokedAt)
      ? withKeyRotated(keys, court, publicKey, now, 0)
      : withKeyRegistered(keys, court, publicKey, now);
  };
}
