import { ClassConstructor } from 'class-transformer';
import { AssetSearchAnsweredBody, AssetSearchRequestedBody } from './asset-search.messages';
import {
  DelegationRequestedBody,
  DelegationResultReportedBody,
  ExtensionDecidedBody,
  ExtensionRequestedBody,
} from './delegation.messages';
import { FundsReceiptConfirmedBody, FundsTransferredBody } from './funds.messages';
import {
  ProgressReportedBody,
  ProgressRequestedBody,
  RequestAcceptedBody,
  RequestEscalatedBody,
  RequestForwardedBody,
  RequestRemindedBody,
  RequestReturnedBody,
  RequestWithdrawnBody,
  ResultConfirmedBody,
  ResultDisputedBody,
  StatusQueriedBody,
  StatusReportedBody,
  SupplementProvidedBody,
  SupplementRequestedBody,
} from './request.messages';
import { ProtocolRejectionBody, TransportReceiptBody } from './transport.messages';

/**
 * Every message type of the protocol, with the class that defines and validates its body.
 * Types are `<subject>.<past tense>`; messages that apply to asset searches and delegations
 * alike are `request.*`, `supplement.*`, `result.*`, `status.*`.
 */
export const MESSAGE_CATALOGUE = {
  'asset-search.requested': AssetSearchRequestedBody,
  'asset-search.answered': AssetSearchAnsweredBody,
  'delegation.requested': DelegationRequestedBody,
  'delegation.result-reported': DelegationResultReportedBody,
  'request.accepted': RequestAcceptedBody,
  'request.returned': RequestReturnedBody,
  'request.withdrawn': RequestWithdrawnBody,
  'request.forwarded': RequestForwardedBody,
  'request.reminded': RequestRemindedBody,
  'request.escalated': RequestEscalatedBody,
  'supplement.requested': SupplementRequestedBody,
  'supplement.provided': SupplementProvidedBody,
  'progress.requested': ProgressRequestedBody,
  'progress.reported': ProgressReportedBody,
  'extension.requested': ExtensionRequestedBody,
  'extension.decided': ExtensionDecidedBody,
  'result.confirmed': ResultConfirmedBody,
  'result.disputed': ResultDisputedBody,
  'funds.transferred': FundsTransferredBody,
  'funds.receipt-confirmed': FundsReceiptConfirmedBody,
  'status.queried': StatusQueriedBody,
  'status.reported': StatusReportedBody,
  'message.delivered': TransportReceiptBody,
  'message.rejected': ProtocolRejectionBody,
} satisfies Record<string, ClassConstructor<object>>;

export type MessageType = keyof typeof MESSAGE_CATALOGUE;
export type MessageBody<T extends MessageType> = InstanceType<(typeof MESSAGE_CATALOGUE)[T]>;

export function isMessageType(type: string): type is MessageType {
  return Object.hasOwn(MESSAGE_CATALOGUE, type);
}
