import { changeCourtKeys, openCourtKeysBucket, withCurrentKey } from '@enforcement-link/messaging';
import { SigningKey } from '@enforcement-link/protocol';
import { connect } from 'nats';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Makes `publicKey` the current key of `court` in the registry on `natsUrl`, as an
 * administrator would; nothing changes if it is already one of the court's keys. A server that
 * does not answer is left alone: a test that starts a node before its NATS registers nothing.
 * A registry created here gets `replicas` copies, as the nodes would create it.
 */
export async function registerCourtKey(
  natsUrl: string,
  namespace: string,
  court: string,
  publicKey: string,
  replicas = 1,
): Promise<void> {
  const connection = await connect({
    servers: natsUrl.split(','),
    reconnect: false,
    timeout: 2_000,
  }).catch(() => undefined);
  if (!connection) return;
  try {
    const bucket = await openCourtKeysBucket(connection.jetstream(), namespace, replicas);
    await changeCourtKeys(bucket, court, withCurrentKey(court, publicKey));
  } finally {
    await connection.close();
  }
}

/**
 * The signing keys of one test network's courts: a seed file per court, in a folder of its own
 * that `cleanup()` removes. Keys are made at test time and never kept.
 */
export class TestCourtKeys {
  private readonly folder = mkdtempSync(join(tmpdir(), 'enforcement-link-keys-'));
  private readonly keys = new Map<string, { seedFile: string; key: SigningKey }>();

  constructor(private readonly namespace: string) {}

  /** The seed file of `court`'s key, made on first use. */
  seedFileOf(court: string): string {
    return this.entryOf(court).seedFile;
  }

  keyOf(court: string): SigningKey {
    return this.entryOf(court).key;
  }

  register(court: string, natsUrl: string, replicas = 1): Promise<void> {
    return registerCourtKey(natsUrl, this.namespace, court, this.keyOf(court).publicKey, replicas);
  }

  cleanup(): void {
    rmSync(this.folder, { recursive: true, force: true });
  }

  private entryOf(court: string): { seedFile: string; key: SigningKey } {
    let entry = this.keys.get(court);
    if (!entry) {
      const { seed, key } = SigningKey.generate();
      const seedFile = join(this.folder, `${court}.seed`);
      writeFileSync(seedFile, `${seed}\n`, { mode: 0o600 });
      entry = { seedFile, key };
      this.keys.set(court, entry);
    }
    return entry;
  }
}
