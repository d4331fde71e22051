import { Module } from '@nestjs/common';
import { CourtsModule } from '../courts/courts.module';
import { RequestsModule } from '../requests/requests.module';
import { SupervisionController } from './supervision.controller';
import { SupervisionHandler } from './supervision.handler';
import { SupervisionService } from './supervision.service';

@Module({
  imports: [RequestsModule, CourtsModule],
  controllers: [SupervisionController, SupervisionHandler],
  providers: [SupervisionService],
})
export class SupervisionModule {}
