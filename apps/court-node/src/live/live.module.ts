import { LiveUpdates } from '@enforcement-link/platform';
import { Global, Module } from '@nestjs/common';
import { LiveController } from './live.controller';

/** Live updates for the workbench: which request changed, as it changes. */
@Global()
@Module({
  controllers: [LiveController],
  providers: [LiveUpdates],
  exports: [LiveUpdates],
})
export class LiveModule {}
