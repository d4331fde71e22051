import { IsString, IsUUID, MaxLength } from 'class-validator';
import { RejectionReason } from '../codec/rejection-reasons';
import { NestedList } from '../validation/nested';
import { OptionalField } from '../validation/optional-field';
import { IsTimestamp } from '../values/time';
import { Described } from '../validation/described';
import { IsOneOf } from '../validation/is-one-of';

@Described(
  '`message.delivered` — sent by a receiving court as soon as it has stored a message, before any person has seen it. It says "we have it", not "we accept it": business acceptance is a message of its own. The sender stops re-sending and records the delivery time.',
)
export class TransportReceiptBody {
  /** The id of the message that was stored. */
  @IsUUID('7', { message: 'a UUIDv7' })
  deliveredMessageId: string;

  @IsTimestamp()
  storedAt: string;
}

export class FieldError {
  /** Path of the offending field, e.g. `body.party.identityNumber`. */
  @IsString()
  @MaxLength(256)
  field: string;

  /** The rule it broke, in words. */
  @IsString()
  @MaxLength(512)
  rule: string;
}

@Described(
  '`message.rejected` — sent by a court that refused a message it could not accept as valid: the message is stored with the reason and will not be processed. The sender must not resend it unchanged; it shows the rejection to a person or fixes the message and sends a new one.',
)
export class ProtocolRejectionBody {
  @IsOneOf(Object.values(RejectionReason))
  reason: RejectionReason;

  /** The refused message's id, when it could be read at all. */
  @OptionalField()
  @IsUUID('all', { message: 'a UUID' })
  rejectedMessageId?: string;

  @IsString()
  @MaxLength(2_000)
  detail: string;

  @NestedList(() => FieldError, 100)
  fieldErrors: FieldError[];
}
