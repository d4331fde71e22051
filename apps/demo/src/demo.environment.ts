import { IsDeadlinePolicyFile } from '../../court-node/src/deadlines/load-deadline-policy';
import { IsNamespace, IsOneOf, OptionalField } from '@enforcement-link/protocol';
import {
  IsPostgresUrl,
  LOG_LEVELS,
  LogLevel,
  NatsClientEnvironment,
} from '@enforcement-link/platform';
import { Transform, Type } from 'class-transformer';
import { IsInt, IsString, Matches, Max, Min, MinLength } from 'class-validator';
import { DEMO_COURTS } from './demo-courts';

const PORT_RULE =
  'a port number from 1 to 65524 (the courts take the ports after it), or 0 for any free ports';
const SPEED_RULE = "a whole number from 1 (people's pace) to 100";
const RATE_RULE = 'a whole number of new requests a minute from 0 (none) to 600';

/**
 * What `npm run demo` reads from its environment: where NATS and PostgreSQL are, which ports
 * the dashboard and the workbenches take, and how busy the courts are.
 */
export class DemoEnvironment extends NatsClientEnvironment {
  /** A PostgreSQL server; the demo makes a database per service on it, `<prefix>_<court>`. */
  @IsPostgresUrl()
  DATABASE_URL: string;

  /** The dashboard's port; the courts' workbenches take the next ports, in directory order. */
  @Type(() => Number)
  @IsInt({ message: PORT_RULE })
  @Min(0, { message: PORT_RULE })
  @Max(65524, { message: PORT_RULE })
  DEMO_PORT = 3000;

  /** New requests a minute across the network; the handlers and clerks keep pace with them. */
  @Type(() => Number)
  @IsInt({ message: RATE_RULE })
  @Min(0, { message: RATE_RULE })
  @Max(600, { message: RATE_RULE })
  DEMO_RATE = 12;

  /** How many times faster than people the clerks and handlers act: 1 for a demo, more in tests. */
  @Type(() => Number)
  @IsInt({ message: SPEED_RULE })
  @Min(1, { message: SPEED_RULE })
  @Max(100, { message: SPEED_RULE })
  DEMO_SPEED = 1;

  /** The courts to start, comma-separated; all ten intermediate courts when unset. */
  @OptionalField()
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? value.split(',').map((court) => court.trim()) : value,
  )
  @IsOneOf(DEMO_COURTS.map((court) => court.code), { each: true })
  DEMO_COURTS?: string[];

  /** Where the demo keeps the courts' signing keys and the accounts' password. */
  @IsString({ message: 'a folder path' })
  @MinLength(1, { message: 'a folder path' })
  DEMO_DATA_DIR = '.services/demo';

  /** Prefix of the demo's databases, so it never touches another network's. */
  @Matches(/^[a-z][a-z0-9_]{0,40}$/, {
    message: 'a database name prefix: a lowercase letter, then up to 40 letters, digits or _',
  })
  DEMO_DATABASE_PREFIX = 'enforcement_demo';

  @IsNamespace()
  NATS_NAMESPACE = 'demo';

  /** Time limits in minutes, so requests fall late while someone watches. */
  @IsDeadlinePolicyFile()
  DEADLINE_POLICY_FILE = 'apps/demo/deadline-policy.json';

  @IsOneOf(LOG_LEVELS)
  LOG_LEVEL: LogLevel = 'info';
}
