import { ValidateIf } from 'class-validator';
import { IsResidentIdentityNumber } from '../../identifiers/resident-identity-number';
import { IsUnifiedSocialCreditCode } from '../../identifiers/unified-social-credit-code';
import { Text } from './text';
import { Described } from '../../validation/described';
import { IsOneOf } from '../../validation/is-one-of';

export const PARTY_KINDS = ['natural-person', 'organisation'] as const;
export type PartyKind = (typeof PARTY_KINDS)[number];

@Described(
  'A party to the case, usually the debtor: a natural person identified by resident identity number, or an organisation by unified social credit code. Both numbers carry check characters, so a typo is caught before another court searches for the wrong person.',
)
export class Party {
  @IsOneOf(PARTY_KINDS)
  kind: PartyKind;

  @Text(200)
  name: string;

  @ValidateIf(
    (party: Party) => party.kind === 'natural-person' || party.identityNumber !== undefined,
  )
  @IsResidentIdentityNumber()
  identityNumber?: string;

  @ValidateIf((party: Party) => party.kind === 'organisation' || party.creditCode !== undefined)
  @IsUnifiedSocialCreditCode()
  creditCode?: string;
}
