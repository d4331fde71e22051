import { Nested } from '../../validation/nested';

import { OptionalField } from '../../validation/optional-field';
import { Money } from '../../values/money';
import { Text } from './text';
import { Described } from '../../validation/described';
import { IsOneOf } from '../../validation/is-one-of';

/** The asset categories a search covers, after the national network's search categories. */
export const ASSET_CATEGORIES = [
  'bank-deposit',
  'wealth-management',
  'real-estate',
  'vehicle',
  'securities',
  'equity',
  'insurance',
  'online-payment',
  'housing-provident-fund',
  'ship',
  'other',
] as const;
export type AssetCategory = (typeof ASSET_CATEGORIES)[number];

export const IsAssetCategory = (options?: { each?: boolean }) => IsOneOf(ASSET_CATEGORIES, options);

@Described(
  'One asset: where it is held and how it is identified there. A bank deposit is an institution and an account number; real estate a registry and a certificate number; a vehicle the registering office and a plate.',
)
export class Asset {
  @IsAssetCategory()
  category: AssetCategory;

  /** Bank, registry, securities company, platform... */
  @Text(200)
  institution: string;

  /** Account number, certificate number, plate, share register entry... */
  @Text(100)
  reference: string;

  @OptionalField()
  @Text(1000)
  description?: string;

  /** Balance, assessed value or the amount the measure concerns. */
  @OptionalField()
  @Nested(() => Money)
  value?: Money;
}
