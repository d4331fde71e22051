import { DelegationResultReportedBody } from '@enforcement-link/protocol';
import { Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager, IsNull, Not } from 'typeorm';
import { DeadlinesService } from './deadlines.service';
import { ExpiryAlert } from './expiry-alert.entity';

/**
 * Freezes and seals that lapse unless renewed: recorded when a result reports them, raised to
 * the requesting court ahead of their expiry.
 */
@Injectable()
export class ExpiryAlertsService {
  private readonly logger = new Logger(ExpiryAlertsService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly deadlines: DeadlinesService,
  ) {}

  /** Records an alert for every measure of `result` that has an expiry date. */
  async watch(
    manager: EntityManager,
    requestId: string,
    result: DelegationResultReportedBody,
  ): Promise<void> {
    const alerts = result.measures
      .filter((measure) => measure.expiresOn)
      .map((measure) => ({
        requestId,
        matterType: measure.matterType,
        asset: measure.asset ? { ...measure.asset } : null,
        expiresOn: measure.expiresOn as string,
        alertAt: this.deadlines.expiryAlertAt(measure.expiresOn as string),
      }));
    if (alerts.length === 0) return;
    await manager
      .createQueryBuilder()
      .insert()
      .into(ExpiryAlert)
      .values(alerts)
      .orIgnore()
      .execute();
  }

  /** Raises the alerts whose time has come, each once whichever replica gets there first. */
  async raiseDue(now: Date): Promise<number> {
    const [raised] = await this.dataSource.query<
      [{ id: string; request_id: string; expires_on: string }[], number]
    >(
      `UPDATE expiry_alerts SET raised_at = $1
        WHERE raised_at IS NULL AND alert_at <= $1
        RETURNING id, request_id, expires_on::text`,
      [now],
    );
    for (const alert of raised) {
      this.logger.warn(
        `a freeze or seal of request ${alert.request_id} lapses on ${alert.expires_on} unless renewed`,
      );
    }
    return raised.length;
  }

  /** Raised alerts, the soonest expiry first. */
  raised(): Promise<ExpiryAlert[]> {
    return this.dataSource
      .getRepository(ExpiryAlert)
      .find({ where: { raisedAt: Not(IsNull()) }, order: { expiresOn: 'ASC' } });
  }
}
