import { HealthCheck, HealthCheckResult } from '@enforcement-link/platform';
import { Injectable } from '@nestjs/common';
import { NatsConnectionService } from './nats-connection.service';
import { isStreamNotFound } from './streams/provision-streams';

/** Ready when connected, JetStream answers, and every stream the service needs exists. */
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
    for (const name of this.nats.streamNames) {
      try {
        await manager.streams.info(name);
      } catch (error) {
        if (isStreamNotFound(error)) return { status: 'down', detail: `stream ${name} is missing` };
        throw error;
      }
    }
    return { status: 'up', detail: `JetStream at ${connection.getServer()}` };
  }
}
