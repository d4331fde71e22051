import { AssetSearchRequestedBody, IsCourtCode } from '@enforcement-link/protocol';
import { OmitType } from '@nestjs/swagger';

/** The `asset-search.requested` body, plus the court asked. */
export class CreateAssetSearchDto extends OmitType(AssetSearchRequestedBody, ['forwardedFor']) {
  /** The court asked to search, e.g. `yulin`. */
  @IsCourtCode()
  receivingCourt: string;
}
