import { Inject, Module, OnApplicationBootstrap } from '@nestjs/common';
import { InjectRepository, TypeOrmModule } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { CourtNodeEnvironment } from '../config/court-node.environment';
import { ASSET_REGISTRY } from './asset-registry';
import { PostgresAssetRegistry } from './postgres-asset-registry';
import { RegistryAsset } from './registry-asset.entity';
import { SAMPLE_REGISTRY_ASSETS } from './sample-registry-assets';

@Module({
  imports: [TypeOrmModule.forFeature([RegistryAsset])],
  providers: [{ provide: ASSET_REGISTRY, useClass: PostgresAssetRegistry }],
  exports: [ASSET_REGISTRY],
})
export class AssetRegistryModule implements OnApplicationBootstrap {
  constructor(
    @Inject(CourtNodeEnvironment) private readonly environment: CourtNodeEnvironment,
    @InjectRepository(RegistryAsset) private readonly assets: Repository<RegistryAsset>,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.environment.ASSET_REGISTRY_SAMPLE_DATA) return;
    await this.assets
      .createQueryBuilder()
      .insert()
      .values(SAMPLE_REGISTRY_ASSETS)
      .orIgnore()
      .execute();
  }
}
