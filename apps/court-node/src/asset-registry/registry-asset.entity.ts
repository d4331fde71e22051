import { AssetCategory } from '@enforcement-link/protocol';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One asset record of this court's local registry. */
@Entity('registry_assets')
@Index('registry_assets_by_party', ['partyIdentifier', 'category'])
export class RegistryAsset {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Resident identity number or unified social credit code of the holder. */
  @Column({ name: 'party_identifier', type: 'text' })
  partyIdentifier: string;

  @Column('text')
  category: AssetCategory;

  @Column('text')
  institution: string;

  @Column('text')
  reference: string;

  @Column('text', { nullable: true })
  description: string | null;

  /** In fen; bigint comes back from pg as a string. */
  @Column({ name: 'value_fen', type: 'bigint', nullable: true })
  valueFen: string | null;
}
