import { AssetCategory, CategoryResult, Party } from '@enforcement-link/protocol';

/**
 * A court's local source of asset records (a bank gateway, the real-estate or vehicle
 * registry) that can answer an asset search without a handler. Implementations answer only
 * the categories they were asked for, each with what was found or an explicit nothing-found.
 */
export interface AssetRegistry {
  search(party: Party, categories: AssetCategory[]): Promise<CategoryResult[]>;
}

export const ASSET_REGISTRY = Symbol('AssetRegistry');

/** The identifier a registry files a party under: identity number or credit code. */
export function partyIdentifier(party: Party): string | undefined {
  return party.kind === 'natural-person' ? party.identityNumber : party.creditCode;
}
