import { Module } from '@nestjs/common';
import { RequestsModule } from '../requests/requests.module';
import { DelegationsController } from './delegations.controller';

@Module({ imports: [RequestsModule], controllers: [DelegationsController] })
export class DelegationsModule {}
