import { ClassConstructor } from 'class-transformer';
import { ProtocolRejectionBody, TransportReceiptBody } from './transport.messages';

/** Every message type of the protocol, with the class that defines and validates its body. */
export const MESSAGE_CATALOGUE = {
  'message.delivered': TransportReceiptBody,
  'message.rejected': ProtocolRejectionBody,
} satisfies Record<string, ClassConstructor<object>>;

export type MessageType = keyof typeof MESSAGE_CATALOGUE;
export type MessageBody<T extends MessageType> = InstanceType<(typeof MESSAGE_CATALOGUE)[T]>;

export function isMessageType(type: string): type is MessageType {
  return Object.hasOwn(MESSAGE_CATALOGUE, type);
}
