import { provisionNetwork, renderAuthorizationConfig } from '@enforcement-link/messaging';
import {
  DEFAULT_NAMESPACE,
  isCourtCode,
  YELLOW_RIVER_BEND_COURTS,
} from '@enforcement-link/protocol';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command, parseOptions, UsageError } from '../command';
import { connectAsAdmin } from '../network-options';
import { NetworkRegistry, SERVICE_IDENTITIES } from './network-registry';
import { NewUserKey } from './seed-file';

const DEFAULT_REGISTRY = 'network.json';
const REGISTRY_OPTION = `  --registry <file>   the network's registry of NATS identities (default ${DEFAULT_REGISTRY})`;

export function registryPath(options: Record<string, string | true>): string {
  return optional(options, 'registry') ?? DEFAULT_REGISTRY;
}

function required(options: Record<string, string | true>, name: string): string {
  const value = options[name];
  if (typeof value !== 'string') throw new UsageError(`--${name} is required`);
  return value;
}

function optional(options: Record<string, string | true>, name: string): string | undefined {
  const value = options[name];
  if (value === true) throw new UsageError(`--${name} needs a value`);
  return value;
}

function onlyPositional(positional: string[], count: number, what: string): string[] {
  if (positional.length !== count) throw new UsageError(`expected ${what}`);
  return positional;
}

const init: Command = {
  name: 'nats init',
  summary: 'start a registry of NATS identities, with new admin and monitor keys',
  usage: `usage: enforcement-link nats init --keys <dir> [--namespace ${DEFAULT_NAMESPACE}] [--registry <file>]

Writes a new registry and, in <dir> (created if missing), the seeds admin.nk and monitor.nk
(mode 0600). Give admin.nk to whoever runs \`nats provision\` and publishes the directory,
monitor.nk to the monitor (NATS_NKEY_SEED_FILE). Refuses to overwrite a registry or a seed.
${REGISTRY_OPTION}`,
  run(args) {
    const { options, positional } = parseOptions(args);
    onlyPositional(positional, 0, 'no arguments');
    const keys = required(options, 'keys');
    const namespace = optional(options, 'namespace') ?? DEFAULT_NAMESPACE;
    const [admin, monitor] = [new NewUserKey(), new NewUserKey()];
    const registry = NetworkRegistry.from({
      namespace,
      admin: { natsPublicKeys: [admin.publicKey] },
      monitor: { natsPublicKeys: [monitor.publicKey] },
      courts: [],
    });
    mkdirSync(keys, { recursive: true, mode: 0o700 });
    admin.writeSeed(join(keys, 'admin.nk'));
    monitor.writeSeed(join(keys, 'monitor.nk'));
    registry.save(registryPath(options), { create: true });
    console.log(`registry ${registryPath(options)} for network "${registry.namespace}" started`);
    return Promise.resolve(0);
  },
};

const addCourt: Command = {
  name: 'nats add-court',
  summary: 'register a court with a new NATS key; writes its seed file',
  usage: `usage: enforcement-link nats add-court <court-code> --seed-file <file> [--name-zh <name>] [--name-en <name>] [--province <province>] [--registry <file>]

Generates the court's NATS user key, writes its seed to <file> (mode 0600) for the court's
node (NATS_NKEY_SEED_FILE) and adds the public key to the registry. Names and province come
from the options, else from the built-in Yellow River bend directory. Then regenerate the
server configuration (\`nats config\`), reload nats-server and run \`nats provision\`.
${REGISTRY_OPTION}`,
  run(args) {
    const { options, positional } = parseOptions(args);
    const [code] = onlyPositional(positional, 1, 'one court code');
    if (!isCourtCode(code)) throw new UsageError(`${positional[0]} is not a court code`);
    const publicKey = addCourtIdentity(
      registryPath(options),
      code,
      required(options, 'seed-file'),
      {
        nameZh: optional(options, 'name-zh'),
        nameEn: optional(options, 'name-en'),
        province: optional(options, 'province'),
      },
    );
    console.log(`${code} registered with key ${publicKey}; its seed is in ${options['seed-file']}`);
    return Promise.resolve(0);
  },
};

/**
 * Adds a court to the registry of NATS identities with a new user key, whose seed goes to
 * `seedFile`; names and province default to the built-in directory's. Returns the public key.
 */
export function addCourtIdentity(
  path: string,
  code: string,
  seedFile: string,
  given: { nameZh?: string; nameEn?: string; province?: string } = {},
): string {
  const registry = NetworkRegistry.load(path);
  if (registry.keysOf(code)) {
    throw new UsageError(`${code} is registered already; \`nats add-key\` gives it another key`);
  }
  const known = YELLOW_RIVER_BEND_COURTS.find((court) => court.code === code);
  const name = { zh: given.nameZh ?? known?.name.zh, en: given.nameEn ?? known?.name.en };
  const province = given.province ?? known?.province;
  const court = {
    code,
    ...(name.zh && name.en ? { name } : {}),
    ...(province ? { province } : {}),
  };
  const key = new NewUserKey();
  const updated = NetworkRegistry.from({
    ...registry,
    courts: [...registry.courts, { ...court, natsPublicKeys: [key.publicKey] }],
  });
  key.writeSeed(seedFile);
  updated.save(path);
  return key.publicKey;
}

const removeCourt: Command = {
  name: 'nats remove-court',
  summary: 'take a court and all its keys off the registry',
  usage: `usage: enforcement-link nats remove-court <court-code> [--registry <file>]

After regenerating the configuration and reloading nats-server the court can no longer
connect. Its durable consumer and any messages still waiting for it stay on the server.
${REGISTRY_OPTION}`,
  run(args) {
    const { options, positional } = parseOptions(args);
    const [code] = onlyPositional(positional, 1, 'one court code');
    const path = registryPath(options);
    const registry = NetworkRegistry.load(path);
    if (!registry.court(code)) throw new UsageError(`${code} is not in the registry`);
    NetworkRegistry.from({
      ...registry,
      courts: registry.courts.filter((court) => court.code !== code),
    }).save(path);
    console.log(`${code} removed from ${path}`);
    return Promise.resolve(0);
  },
};

const addKey: Command = {
  name: 'nats add-key',
  summary: 'give a court, the monitor or the admins a second key (rotation)',
  usage: `usage: enforcement-link nats add-key <court-code|${SERVICE_IDENTITIES.join('|')}> --seed-file <file> [--registry <file>]

The first step of rotating a key: the new key is accepted beside the old one, so the service
can move to the new seed file without a moment in which it cannot connect. Finish with
\`nats remove-key\` once every replica uses the new seed.
${REGISTRY_OPTION}`,
  run(args) {
    const { options, positional } = parseOptions(args);
    const [who] = onlyPositional(positional, 1, 'a court code, admin or monitor');
    const seedFile = required(options, 'seed-file');
    const path = registryPath(options);
    const registry = NetworkRegistry.load(path);
    const keys = registry.keysOf(who);
    if (!keys) throw new UsageError(`${who} is not in the registry`);
    const key = new NewUserKey();
    keys.natsPublicKeys.push(key.publicKey);
    const updated = NetworkRegistry.from(JSON.parse(JSON.stringify(registry)));
    key.writeSeed(seedFile);
    updated.save(path);
    console.log(`${who} now also holds key ${key.publicKey}`);
    return Promise.resolve(0);
  },
};

const removeKey: Command = {
  name: 'nats remove-key',
  summary: 'retire one key of a court, the monitor or the admins',
  usage: `usage: enforcement-link nats remove-key <court-code|${SERVICE_IDENTITIES.join('|')}> <public-key> [--registry <file>]

The last step of rotating a key. An identity keeps at least one key: to take a court off the
network use \`nats remove-court\`.
${REGISTRY_OPTION}`,
  run(args) {
    const { options, positional } = parseOptions(args);
    const [who, publicKey] = onlyPositional(positional, 2, 'who and which public key');
    const path = registryPath(options);
    const registry = NetworkRegistry.load(path);
    const keys = registry.keysOf(who);
    if (!keys?.natsPublicKeys.includes(publicKey)) {
      throw new UsageError(`${who} does not hold key ${publicKey}`);
    }
    if (keys.natsPublicKeys.length === 1) {
      throw new UsageError(`${publicKey} is the only key of ${who}`);
    }
    keys.natsPublicKeys = keys.natsPublicKeys.filter((key) => key !== publicKey);
    registry.save(path);
    console.log(`${who} no longer holds key ${publicKey}`);
    return Promise.resolve(0);
  },
};

const config: Command = {
  name: 'nats config',
  summary: 'print or write the nats-server authorization block for the network',
  usage: `usage: enforcement-link nats config [--out <file>] [--registry <file>]

One NATS user per key in the registry, with its permissions: each court publishes only as
itself and reads only its own messages, the monitor reads events, the admins do everything.
Include the output from the server's configuration (\`include ./authorization.conf\`) and
reload the server (\`nats-server --signal reload\`) after each change.
${REGISTRY_OPTION}
  --out <file>        write the block to <file> instead of printing it`,
  run(args) {
    const { options, positional } = parseOptions(args);
    onlyPositional(positional, 0, 'no arguments');
    const text = renderAuthorizationConfig(NetworkRegistry.load(registryPath(options)).identities);
    const out = optional(options, 'out');
    if (out) {
      writeFileSync(out, text);
      console.log(`authorization written to ${out}`);
    } else {
      process.stdout.write(text);
    }
    return Promise.resolve(0);
  },
};

const provision: Command = {
  name: 'nats provision',
  summary: "create the network's streams, buckets and each court's consumer",
  usage: `usage: enforcement-link nats provision [--registry <file>]

Creates or updates what the services need and, under the network's permissions, may not
create themselves (run them with NATS_PROVISIONING=admin). Safe to run again, e.g. after
adding a court. Connects as the admin identity:
  NATS_URL              the servers (default nats://127.0.0.1:4222)
  NATS_NKEY_SEED_FILE   the admin seed file (from \`nats init\`)
  NATS_TLS_CA_FILE, NATS_TLS_CERT_FILE, NATS_TLS_KEY_FILE   as for the services
  NATS_STREAM_REPLICAS  copies of each stream and bucket on a cluster (default 1)
${REGISTRY_OPTION}`,
  async run(args) {
    const { options, positional } = parseOptions(args);
    onlyPositional(positional, 0, 'no arguments');
    const registry = NetworkRegistry.load(registryPath(options));
    const { connection, streamReplicas } = await connectAsAdmin('enforcement-link nats provision');
    try {
      const provisioned = await provisionNetwork(
        connection,
        registry.namespace,
        registry.courts.map((court) => court.code),
        streamReplicas,
      );
      for (const line of provisioned) console.log(`ready: ${line}`);
    } finally {
      await connection.close();
    }
    return 0;
  },
};

/** The `nats` subcommands: the network's NATS identities, permissions and provisioning. */
export const NATS_COMMANDS: Command[] = [
  init,
  addCourt,
  removeCourt,
  addKey,
  removeKey,
  config,
  provision,
];
