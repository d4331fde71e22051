import { Global, Module } from '@nestjs/common';
import { CourtNodeMetrics } from './court-node.metrics';
import { TransportState } from './transport-state.service';

@Global()
@Module({
  providers: [TransportState, CourtNodeMetrics],
  exports: [TransportState, CourtNodeMetrics],
})
export class CourtNodeMetricsModule {}
