import { IsCourtCode } from '../courts/court-code';

import { ArrayMinSize, ArrayUnique, IsArray, ValidateIf } from 'class-validator';
import { IsCaseNumber } from '../identifiers/case-number';
import { Nested, NestedList } from '../validation/nested';
import { OptionalField } from '../validation/optional-field';
import { Asset, ASSET_CATEGORIES, AssetCategory, IsAssetCategory } from './parts/assets';
import { DocumentReference } from './parts/document-reference';
import { Party } from './parts/party';
import { Text } from './parts/text';
import { Described } from '../validation/described';
import { IsOneOf } from '../validation/is-one-of';

@Described(
  "`asset-search.requested` — the requesting court asks the receiving court to search its local sources (local banks, registries) for one party's assets in the listed categories. The receiver stores it, answers `message.delivered`, then answers with `asset-search.answered` (by hand or from its local registry) or returns it with `request.returned`.",
)
export class AssetSearchRequestedBody {
  /** The requesting court's enforcement case. */
  @IsCaseNumber()
  caseNumber: string;

  @Nested(() => Party)
  party: Party;

  @IsArray({ message: 'a list of asset categories' })
  @ArrayMinSize(1, { message: 'at least one asset category' })
  @ArrayUnique({ message: 'each category once' })
  @IsAssetCategory({ each: true })
  categories: AssetCategory[];

  /** The ruling and assistance notice that authorise the search. */
  @NestedList(() => DocumentReference, 20)
  documents: DocumentReference[];

  @OptionalField()
  @Text(2000)
  note?: string;

  /**
   * Set only by a court that forwards a request it received: the court that asked for help in
   * the first place. The new receiving court answers that court directly.
   */
  @OptionalField()
  @IsCourtCode()
  forwardedFor?: string;
}

export const SEARCH_OUTCOMES = ['found', 'nothing-found', 'not-searched'] as const;

@Described(
  'What one category\'s search gave: assets found, an explicit "nothing found", or why not searched.',
)
export class CategoryResult {
  @IsAssetCategory()
  category: AssetCategory;

  @IsOneOf(SEARCH_OUTCOMES)
  outcome: (typeof SEARCH_OUTCOMES)[number];

  /** Present, and not empty, exactly when the outcome is `found`. */
  @ValidateIf((result: CategoryResult) => result.outcome === 'found' || result.assets !== undefined)
  @ArrayMinSize(1, { message: 'at least one asset when the outcome is found' })
  @NestedList(() => Asset, 500)
  assets?: Asset[];

  /** Why a category was not searched (no access, source unavailable...). */
  @ValidateIf((result: CategoryResult) => result.outcome === 'not-searched')
  @Text(1000)
  reason?: string;
}

@Described(
  "`asset-search.answered` — the receiving court's result: one entry per requested category, each saying what was found or, explicitly, that nothing was. The requester records it and closes the search with `result.confirmed` or disputes it with `result.disputed`.",
)
export class AssetSearchAnsweredBody {
  @ArrayMinSize(1, { message: 'a result for every requested category' })
  @OneResultPerCategory()
  @NestedList(() => CategoryResult, ASSET_CATEGORIES.length)
  results: CategoryResult[];

  @NestedList(() => DocumentReference, 20)
  documents: DocumentReference[];
}

function OneResultPerCategory(): PropertyDecorator {
  return ArrayUnique((result: CategoryResult) => result?.category, {
    message: 'one result per category',
  });
}
