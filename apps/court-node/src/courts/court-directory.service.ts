import { CourtDirectoryFollower } from '@enforcement-link/messaging';
import { CourtDirectory, CourtRecord, FieldError, MatterType } from '@enforcement-link/protocol';
import { Injectable } from '@nestjs/common';
import { RequestRefused } from '../common/domain-errors';
import { CourtNodeEnvironment } from '../config/court-node.environment';

/**
 * The network's courts as this node knows them (see CourtDirectoryFollower), consulted before
 * anything is sent: a request to an unknown court, to this court itself, or for a matter the
 * court does not take on is refused at once instead of travelling to be returned.
 */
@Injectable()
export class CourtDirectoryService {
  constructor(
    private readonly environment: CourtNodeEnvironment,
    private readonly follower: CourtDirectoryFollower,
  ) {}

  private get directory(): CourtDirectory {
    return this.follower.directory;
  }

  get all(): CourtRecord[] {
    return this.directory.all;
  }
  find(court: string): CourtRecord | undefined {
    return this.directory.find(court);
  }

  /** The court one level up, which supervises `court`'s work when a time limit passes. */
  superiorOf(court: string): string | undefined {
    return this.directory.find(court)?.superiorCourt;
  }

  /** Throws RequestRefused naming `field` unless `court` takes on this kind of request. */
  checkReceiver(field: string, court: string, matterType?: MatterType): void {
    const problem = this.receiverProblem(court, matterType);
    if (problem) throw new RequestRefused([{ field, rule: problem } satisfies FieldError]);
  }

  private receiverProblem(court: string, matterType?: MatterType): string | undefined {
    const record = this.directory.find(court);
    if (!record) return `${court} is not a court of the network directory`;
    if (court === this.environment.COURT_ID) return 'a court cannot ask itself for help';
    if (matterType === undefined) {
      return record.acceptsAssetSearches ? undefined : `${court} does not take asset searches`;
    }
    return this.directory.acceptsMatter(court, matterType)
      ? undefined
      : `${court} does not take on ${matterType}; it takes ${record.matterTypes.join(', ')}`;
  }
}
