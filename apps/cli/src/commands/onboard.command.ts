import {
  changeCourtKeys,
  openCourtKeysBucket,
  provisionNetwork,
} from '@enforcement-link/messaging';
import { isCourtCode, SigningKey } from '@enforcement-link/protocol';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Command, parseOptions, UsageError } from '../command';
import { addCourtIdentity } from '../nats/nats.commands';
import { NetworkRegistry } from '../nats/network-registry';
import {
  connectToNetwork,
  NETWORK_OPTIONS_USAGE,
  requiredOption,
  stringOption,
} from '../network-options';
import { printAnswer } from '../output';
import { withFirstKey } from './keys.commands';

export const onboardCommand: Command = {
  name: 'onboard court',
  summary: 'bring a new court onto the network: signing key, NATS identity, its consumer',
  usage: `usage: enforcement-link onboard court <court-code> --out <dir> [--registry <file>]

Everything a new court's node needs from the administrators, in one step:
  1. a signing key: its seed in <dir>/<code>.signing.seed (mode 0600), its public key
     registered in the network's court key registry;
  2. with --registry (a network whose NATS server checks identities): a NATS user key, its
     seed in <dir>/<code>.nats.nk, added to the registry of NATS identities; then regenerate
     the server's authorization (\`nats config\`) and reload nats-server;
  3. the court's durable consumer, and the network's streams and buckets where missing.
Prints the variables to start the court's node with. Never replaces an existing seed file.
  --registry <file>     the registry of NATS identities (from \`nats init\`)
  --json                print the result as JSON
${NETWORK_OPTIONS_USAGE}`,
  async run(args) {
    const { options, positional } = parseOptions(args, ['json']);
    if (positional.length !== 1) throw new UsageError('expected one court code');
    const [court] = positional;
    if (!isCourtCode(court)) throw new UsageError(`${positional[0]} is not a court code`);
    const out = requiredOption(options, 'out');
    const registryFile = stringOption(options, 'registry');
    const signingSeedFile = resolve(join(out, `${court}.signing.seed`));
    const natsSeedFile = resolve(join(out, `${court}.nats.nk`));
    for (const file of registryFile ? [signingSeedFile, natsSeedFile] : [signingSeedFile]) {
      if (existsSync(file)) throw new UsageError(`${file} exists already; it is never replaced`);
    }
    const namespace = registryFile ? NetworkRegistry.load(registryFile).namespace : undefined;

    const {
      connection,
      namespace: networkNamespace,
      streamReplicas,
    } = await connectToNetwork(namespace ? { ...options, namespace } : options);
    try {
      mkdirSync(out, { recursive: true, mode: 0o700 });
      const { seed, key } = SigningKey.generate();
      writeFileSync(signingSeedFile, `${seed}\n`, { mode: 0o600, flag: 'wx' });
      const bucket = await openCourtKeysBucket(
        connection.jetstream(),
        networkNamespace,
        streamReplicas,
      );
      await changeCourtKeys(bucket, court, (keys) => withFirstKey(keys, court, key.publicKey));
      const natsPublicKey = registryFile
        ? addCourtIdentity(registryFile, court, natsSeedFile)
        : undefined;
      const courts = registryFile
        ? NetworkRegistry.load(registryFile).courts.map((entry) => entry.code)
        : [court];
      await provisionNetwork(connection, networkNamespace, courts, streamReplicas);
      const environment = {
        COURT_ID: court,
        NATS_NAMESPACE: networkNamespace,
        SIGNING_KEY_SEED_FILE: signingSeedFile,
        ...(natsPublicKey ? { NATS_NKEY_SEED_FILE: natsSeedFile } : {}),
      };
      const result = { court, signingPublicKey: key.publicKey, natsPublicKey, environment };
      printAnswer(options, result, () => {
        console.log(`${court} is on the network "${networkNamespace}":`);
        console.log(`  signing key ${key.publicKey} registered; seed in ${signingSeedFile}`);
        if (natsPublicKey) {
          console.log(
            `  NATS user ${natsPublicKey} added to ${registryFile}; seed in ${natsSeedFile}`,
          );
          console.log('  next: `enforcement-link nats config --out <file>` and reload nats-server');
        }
        console.log(`  its consumer is ready. Start its node with:`);
        for (const [name, value] of Object.entries(environment))
          console.log(`    ${name}=${value}`);
        console.log('  and open its first account with `enforcement-link accounts add`.');
      });
      return 0;
    } finally {
      await connection.close();
    }
  },
};
