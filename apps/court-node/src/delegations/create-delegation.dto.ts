import { DelegationRequestedBody, IsCourtCode } from '@enforcement-link/protocol';
import { OmitType } from '@nestjs/swagger';

/** The `delegation.requested` body, plus the court asked. */
export class CreateDelegationDto extends OmitType(DelegationRequestedBody, ['forwardedFor']) {
  /** The court asked to carry out the matter, e.g. `yulin`. */
  @IsCourtCode()
  receivingCourt: string;
}
