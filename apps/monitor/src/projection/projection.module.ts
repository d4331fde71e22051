import { Module } from '@nestjs/common';
import { EventIngestion } from './event-ingestion.service';
import { ProjectionController } from './projection.controller';
import { ProjectionStore } from './projection-store';

@Module({
  controllers: [ProjectionController],
  providers: [ProjectionStore, EventIngestion],
})
export class ProjectionModule {}
