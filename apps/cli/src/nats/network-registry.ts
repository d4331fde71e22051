import { NetworkIdentities } from '@enforcement-link/messaging';
import {
  CourtName,
  fieldErrorsOf,
  IsCourtCode,
  IsNamespace,
  IsOneOf,
  Nested,
  NestedList,
  OptionalField,
  Province,
  PROVINCES,
  ruleDecorator,
} from '@enforcement-link/protocol';
import { plainToInstance } from 'class-transformer';
import { ArrayMinSize, ArrayUnique, IsArray, validateSync } from 'class-validator';
import { readFileSync, writeFileSync } from 'node:fs';
import { fromPublic } from 'nkeys.js';

/** Identities that are not courts; no court may take their names. */
export const SERVICE_IDENTITIES = ['admin', 'monitor'] as const;

const MAX_COURTS = 10_000;

const IsNatsUserPublicKey = ruleDecorator(
  'isNatsUserPublicKey',
  'a NATS user public nkey (U...)',
  (value) => {
    try {
      return typeof value === 'string' && value.startsWith('U') && !!fromPublic(value);
    } catch {
      return false;
    }
  },
);

/** The NATS user keys of one identity: usually one, two while it is being rotated. */
export class NatsKeys {
  @IsArray({ message: 'a list' })
  @ArrayMinSize(1, { message: 'at least one key' })
  @ArrayUnique({ message: 'each key once' })
  @IsNatsUserPublicKey({ each: true })
  natsPublicKeys: string[];
}

/** A court allowed on the network's NATS, and what to call it. */
export class RegisteredCourt extends NatsKeys {
  @IsCourtCode()
  code: string;

  @OptionalField()
  @Nested(() => CourtName)
  name?: CourtName;

  @OptionalField()
  @IsOneOf(Object.keys(PROVINCES))
  province?: Province;
}

/**
 * The network's NATS identities, kept by its administrators in one JSON file: who may connect
 * and as whom. Only public keys are in it; each seed stays with the service it belongs to.
 * `enforcement-link nats config` turns it into the server's authorization block.
 */
export class NetworkRegistry {
  @IsNamespace()
  namespace: string;

  @Nested(() => NatsKeys)
  admin: NatsKeys;

  @Nested(() => NatsKeys)
  monitor: NatsKeys;

  @NestedList(() => RegisteredCourt, MAX_COURTS)
  courts: RegisteredCourt[];

  /** Validates a registry read from JSON; throws listing every problem. */
  static from(json: unknown): NetworkRegistry {
    const registry = plainToInstance(NetworkRegistry, json);
    const problems = fieldErrorsOf(
      validateSync(registry, { whitelist: true, forbidNonWhitelisted: true }),
    ).map((problem) => `${problem.field}: ${problem.rule}`);
    if (problems.length === 0) problems.push(...registry.consistencyProblems());
    if (problems.length > 0) throw new Error(`invalid registry:\n  ${problems.join('\n  ')}`);
    return registry;
  }

  static load(path: string): NetworkRegistry {
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(path, 'utf8'));
    } catch (error) {
      throw new Error(`cannot read the registry ${path}: ${describe(error)}`);
    }
    return NetworkRegistry.from(json);
  }

  /** Writes the registry after checking it, so a command never leaves an invalid one behind. */
  save(path: string, options: { create?: boolean } = {}): void {
    NetworkRegistry.from(JSON.parse(JSON.stringify(this)));
    writeFileSync(path, `${JSON.stringify(this, null, 2)}\n`, {
      flag: options.create ? 'wx' : 'w',
    });
  }

  court(code: string): RegisteredCourt | undefined {
    return this.courts.find((court) => court.code === code);
  }

  /** The keys of `who`: a service identity or a court code. */
  keysOf(who: string): NatsKeys | undefined {
    if (who === 'admin') return this.admin;
    if (who === 'monitor') return this.monitor;
    return this.court(who);
  }

  get identities(): NetworkIdentities {
    return {
      namespace: this.namespace,
      admin: this.admin.natsPublicKeys,
      monitor: this.monitor.natsPublicKeys,
      courts: this.courts.map(({ code, natsPublicKeys }) => ({ code, natsPublicKeys })),
    };
  }

  private consistencyProblems(): string[] {
    const problems: string[] = [];
    const codes = new Set<string>();
    for (const { code } of this.courts) {
      if ((SERVICE_IDENTITIES as readonly string[]).includes(code)) {
        problems.push(`courts: ${code} is the name of a service identity, not a court code`);
      }
      if (codes.has(code)) problems.push(`courts: ${code} is listed twice`);
      codes.add(code);
    }
    const holders = new Map<string, string>();
    const everyone = [
      ['admin', this.admin] as const,
      ['monitor', this.monitor] as const,
      ...this.courts.map((court) => [court.code, court] as const),
    ];
    for (const [who, { natsPublicKeys }] of everyone) {
      for (const key of natsPublicKeys) {
        const holder = holders.get(key);
        if (holder && holder !== who) problems.push(`key ${key} is held by ${holder} and ${who}`);
        holders.set(key, who);
      }
    }
    return problems;
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
