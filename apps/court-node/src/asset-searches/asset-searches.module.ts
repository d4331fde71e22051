import { Module } from '@nestjs/common';
import { RequestsModule } from '../requests/requests.module';
import { AssetSearchesController } from './asset-searches.controller';

@Module({ imports: [RequestsModule], controllers: [AssetSearchesController] })
export class AssetSearchesModule {}
