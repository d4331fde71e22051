import { LiveUpdates } from '@enforcement-link/platform';
import { Global, Module } from '@nestjs/common';
import { LiveController } from './live.controller';

@Global()
@Module({
  controllers: [LiveController],
  providers: [LiveUpdates],
  exports: [LiveUpdates],
})
export class LiveModule {}
