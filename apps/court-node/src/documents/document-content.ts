import { DOCUMENT_MEDIA_TYPES } from '@enforcement-link/protocol';

export type DocumentMediaType = (typeof DOCUMENT_MEDIA_TYPES)[number];

const SIGNATURES: Record<DocumentMediaType, number[]> = {
  'application/pdf': [0x25, 0x50, 0x44, 0x46, 0x2d], // %PDF-
  'image/png': [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
  'image/jpeg': [0xff, 0xd8, 0xff],
};

/** Whether the bytes start the way a file of that type must: a label alone proves nothing. */
export function looksLike(mediaType: DocumentMediaType, bytes: Uint8Array): boolean {
  const signature = SIGNATURES[mediaType];
  return signature.every((byte, i) => bytes[i] === byte);
}
