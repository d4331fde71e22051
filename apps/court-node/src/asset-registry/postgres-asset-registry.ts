import { Asset, AssetCategory, CategoryResult, Party } from '@enforcement-link/protocol';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { AssetRegistry, partyIdentifier } from './asset-registry';
import { RegistryAsset } from './registry-asset.entity';

/** The asset registry kept in the court node's own database (table `registry_assets`). */
@Injectable()
export class PostgresAssetRegistry implements AssetRegistry {
  constructor(
    @InjectRepository(RegistryAsset) private readonly assets: Repository<RegistryAsset>,
  ) {}

  async search(party: Party, categories: AssetCategory[]): Promise<CategoryResult[]> {
    const identifier = partyIdentifier(party);
    const found = identifier
      ? await this.assets.find({
          where: { partyIdentifier: identifier, category: In(categories) },
          order: { category: 'ASC', institution: 'ASC', reference: 'ASC' },
        })
      : [];
    return categories.map((category) => {
      const assets = found.filter((record) => record.category === category).map(toAsset);
      return assets.length > 0
        ? { category, outcome: 'found', assets }
        : { category, outcome: 'nothing-found' };
    });
  }
}

function toAsset(record: RegistryAsset): Asset {
  return {
    category: record.category,
    institution: record.institution,
    reference: record.reference,
    ...(record.description ? { description: record.description } : {}),
    ...(record.valueFen === null
      ? {}
      : { value: { fen: Number(record.valueFen), currency: 'CNY' } }),
  };
}
