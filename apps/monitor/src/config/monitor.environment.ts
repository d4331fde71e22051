import { ServiceEnvironment } from '@enforcement-link/platform';

/** What the monitor reads from its environment at start-up; see docs/CONFIGURATION.md. */
export class MonitorEnvironment extends ServiceEnvironment {}
