import { IsInt, IsUUID, Matches, Max, Min } from 'class-validator';
import { Text } from './text';
import { Described } from '../../validation/described';
import { IsOneOf } from '../../validation/is-one-of';

export const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;
export const DOCUMENT_MEDIA_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;

/** What a document is for; the legal documents a delegation or a result is built on. */
export const DOCUMENT_KINDS = [
  'judgment',
  'enforcement-ruling',
  'assistance-notice',
  'delegation-letter',
  'officer-credentials',
  'receipt',
  'other',
] as const;

@Described(
  'A document that travels with a message: the message carries this description, the bytes travel separately and are checked against `sha256` on arrival. A message never counts as received before every document it lists has arrived intact.',
)
export class DocumentReference {
  @IsUUID('all', { message: 'a UUID' })
  documentId: string;

  @IsOneOf(DOCUMENT_KINDS)
  kind: (typeof DOCUMENT_KINDS)[number];

  @Text(255)
  fileName: string;

  @IsOneOf(DOCUMENT_MEDIA_TYPES)
  mediaType: (typeof DOCUMENT_MEDIA_TYPES)[number];

  @IsInt({ message: `a size in bytes from 1 to ${MAX_DOCUMENT_BYTES}` })
  @Min(1, { message: `a size in bytes from 1 to ${MAX_DOCUMENT_BYTES}` })
  @Max(MAX_DOCUMENT_BYTES, { message: `a size in bytes from 1 to ${MAX_DOCUMENT_BYTES}` })
  sizeBytes: number;

  @Matches(/^[0-9a-f]{64}$/, { message: 'a SHA-256 digest as 64 lowercase hex characters' })
  sha256: string;
}
