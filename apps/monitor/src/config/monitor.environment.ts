import { ServiceEnvironment } from '@enforcement-link/platform';
import { Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';

const FIGURES_CACHE_RULE = 'a whole number of seconds from 0 to 3600';

/** What the monitor reads from its environment at start-up; see docs/CONFIGURATION.md. */
export class MonitorEnvironment extends ServiceEnvironment {
  /**
   * How long the same figures are answered from memory. Medians and percentiles over every
   * request take a second or more at a million requests, while the backlog stays live.
   */
  @Type(() => Number)
  @IsInt({ message: FIGURES_CACHE_RULE })
  @Min(0, { message: FIGURES_CACHE_RULE })
  @Max(3600, { message: FIGURES_CACHE_RULE })
  FIGURES_CACHE_SECONDS = 30;
}
