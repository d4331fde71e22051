import { HealthCheck, HealthCheckResult } from '@enforcement-link/platform';
import { Injectable } from '@nestjs/common';
import { ADMIN_PROVISIONS, NatsConnectionService } from './nats-connection.service';

/** Ready when connected, JetStream answers, and every stream and consumer the service needs exists. */
@Injectable()
export class NatsHealthCheck implements HealthCheck {
  readonly name = 'nats';

  constructor(private readonly nats: NatsConnectionService) {}

  async check(): Promise<HealthCheckResult> {
    const connection = this.nats.current;
    if (!connection || connection.isClosed()) {
      return { status: 'down', detail: this.nats.problem ?? 'not connected yet' };
    }
    const manager = await this.nats.jetStreamManager();
    await manager.getAccountInfo();
    const missing = await this.nats.missingResource();
    if (missing) {
      const remedy = this.nats.provisioning === 'admin' ? `; ${ADMIN_PROVISIONS}` : '';
      return { status: 'down', detail: `${missing} is missing${remedy}` };
    }
    return { status: 'up', detail: `JetStream at ${connection.getServer()}` };
  }
}
