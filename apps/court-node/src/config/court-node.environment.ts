import { IsCourtCode } from '@enforcement-link/protocol';
import { ServiceEnvironment } from '@enforcement-link/platform';

/** What a court node reads from its environment at start-up; see docs/CONFIGURATION.md. */
export class CourtNodeEnvironment extends ServiceEnvironment {
  /** The court this node runs for, e.g. `xinzhou`. One node, one court, one database. */
  @IsCourtCode()
  COURT_ID: string;
}
