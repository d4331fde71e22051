import { changeCourtKeys, openCourtKeysBucket, readCourtKeys } from '@enforcement-link/messaging';
import {
  COURT_CODE_RULE,
  CourtKeyRecord,
  isCourtCode,
  isSigningPublicKey,
  isTimestamp,
  SIGNING_PUBLIC_KEY_RULE,
  SigningKey,
  TIMESTAMP_RULE,
  withKeyRegistered,
  withKeyRevoked,
  withKeyRotated,
} from '@enforcement-link/protocol';
import { writeFileSync } from 'node:fs';
import { KV } from 'nats';
import { Command, parseOptions, UsageError } from '../command';
import {
  connectToNetwork,
  NETWORK_OPTIONS_USAGE,
  requiredOption,
  stringOption,
} from '../network-options';
import { describeKey } from './key-status';

const DEFAULT_GRACE_MINUTES = 60;

const generate: Command = {
  name: 'keys generate',
  summary: "make a court's signing key: a seed file only its node may read",
  usage: `usage: enforcement-link keys generate --court <code> --out <seed file>

Writes a new Ed25519 seed (nkeys, SU...) to the file, readable by its owner only, and prints
the public key (U...) for the administrators to register. An existing file is never replaced.
Give the file to the court's node as SIGNING_KEY_SEED_FILE.`,
  run(args) {
    const { options } = parseOptions(args);
    courtOption(options);
    const out = requiredOption(options, 'out');
    const { seed, key } = SigningKey.generate();
    try {
      writeFileSync(out, `${seed}\n`, { mode: 0o600, flag: 'wx' });
    } catch (error) {
      throw new Error(`cannot write ${out}: ${(error as Error).message}`);
    }
    console.log(key.publicKey);
    return Promise.resolve(0);
  },
};

const register: Command = {
  name: 'keys register',
  summary: "make a public key a court's signing key, when it has none",
  usage: `usage: enforcement-link keys register --court <code> --public-key <U...>

Registers the court's first key (or a new key after its keys were revoked) in the network's
court key registry. Nothing changes if it is the court's current key already. A court that
has a current key changes it with "keys rotate".
${NETWORK_OPTIONS_USAGE}`,
  run: (args) => changeKeys(args, withFirstKey),
};

/** The court's keys with `publicKey` registered, unless it is the court's current key already. */
export function withFirstKey(
  keys: CourtKeyRecord[],
  court: string,
  publicKey: string,
): CourtKeyRecord[] {
  return keys.some((key) => key.publicKey === publicKey && !key.retiredAt && !key.revokedAt)
    ? keys
    : withKeyRegistered(keys, court, publicKey, new Date());
}

const rotate: Command = {
  name: 'keys rotate',
  summary: "replace a court's signing key; the old one stays valid for a grace period",
  usage: `usage: enforcement-link keys rotate --court <code> --public-key <U...> [--grace-minutes <n>]

The new key becomes the court's current key now. What the old key signs stays valid if sent
before now plus the grace period (default ${DEFAULT_GRACE_MINUTES} minutes: time to install the new seed on the
court's node and restart it); what it signed before stays valid for good.
${NETWORK_OPTIONS_USAGE}`,
  run(args) {
    const { options } = parseOptions(args);
    const grace = Number(stringOption(options, 'grace-minutes') ?? DEFAULT_GRACE_MINUTES);
    if (!Number.isInteger(grace) || grace < 0 || grace > 7 * 24 * 60) {
      throw new UsageError('--grace-minutes must be a whole number of minutes from 0 to 10080');
    }
    return changeKeys(args, (keys, court, publicKey) =>
      withKeyRotated(keys, court, publicKey, new Date(), grace * 60_000),
    );
  },
};

const revoke: Command = {
  name: 'keys revoke',
  summary: 'stop trusting a key, from now or from an earlier moment',
  usage: `usage: enforcement-link keys revoke --court <code> --public-key <U...> --reason <text>
                                [--since <timestamp> | --since registration]

Messages the key signed are refused from --since on (default: now): those sent or stored by
JetStream after it. A key that leaked is revoked from when it may have leaked; "registration"
refuses everything it ever signed. Register or rotate to the court's next key as well.
${NETWORK_OPTIONS_USAGE}`,
  run(args) {
    const { options } = parseOptions(args);
    const reason = requiredOption(options, 'reason');
    const since = stringOption(options, 'since');
    if (since !== undefined && since !== 'registration' && !isTimestamp(since)) {
      throw new UsageError(`--since must be "registration" or ${TIMESTAMP_RULE}`);
    }
    return changeKeys(args, (keys, _court, publicKey) => {
      const registeredAt = keys.find((key) => key.publicKey === publicKey)?.registeredAt;
      const from =
        since === undefined
          ? new Date()
          : new Date(since === 'registration' ? (registeredAt ?? 0) : since);
      return withKeyRevoked(keys, publicKey, from, reason);
    });
  },
};

const list: Command = {
  name: 'keys list',
  summary: "every court's signing keys and their standing",
  usage: `usage: enforcement-link keys list [--court <code>] [--json]
${NETWORK_OPTIONS_USAGE}`,
  async run(args) {
    const { options } = parseOptions(args, ['json']);
    const court = stringOption(options, 'court');
    const { connection, namespace, streamReplicas } = await connectToNetwork(options);
    try {
      const registry = await readCourtKeys(
        await openCourtKeysBucket(connection.jetstream(), namespace, streamReplicas),
      );
      const keys = court ? registry.keysOf(court) : [...registry.all];
      if (options.json) {
        console.log(JSON.stringify(keys, null, 2));
      } else if (keys.length === 0) {
        console.log(`no keys registered${court ? ` for ${court}` : ''} in ${namespace}`);
      } else {
        for (const key of keys) {
          console.log(`${key.court.padEnd(16)} ${key.publicKey}  ${describeKey(key)}`);
        }
      }
      return 0;
    } finally {
      await connection.close();
    }
  },
};

/** Applies `change` to the court's keys in the registry and prints the court's keys after it. */
async function changeKeys(
  args: string[],
  change: (keys: CourtKeyRecord[], court: string, publicKey: string) => CourtKeyRecord[],
): Promise<number> {
  const { options } = parseOptions(args);
  const court = courtOption(options);
  const publicKey = requiredOption(options, 'public-key');
  if (!isSigningPublicKey(publicKey)) {
    throw new UsageError(`--public-key must be ${SIGNING_PUBLIC_KEY_RULE}`);
  }
  const { connection, namespace, streamReplicas } = await connectToNetwork(options);
  try {
    const bucket: KV = await openCourtKeysBucket(connection.jetstream(), namespace, streamReplicas);
    const keys = await changeCourtKeys(bucket, court, (current) =>
      change(current, court, publicKey),
    );
    for (const key of keys) console.log(`${key.publicKey}  ${describeKey(key)}`);
    return 0;
  } finally {
    await connection.close();
  }
}

function courtOption(options: Record<string, string | true>): string {
  const court = requiredOption(options, 'court');
  if (!isCourtCode(court)) throw new UsageError(`--court must be ${COURT_CODE_RULE}`);
  return court;
}

export const KEYS_COMMANDS: Command[] = [generate, register, rotate, revoke, list];
