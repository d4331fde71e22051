import { Global, Module } from '@nestjs/common';
import { LiveController } from './live.controller';
import { ProjectionUpdates } from './projection-updates';

@Global()
@Module({
  controllers: [LiveController],
  providers: [ProjectionUpdates],
  exports: [ProjectionUpdates],
})
export class LiveModule {}
