import { ValueTransformer } from 'typeorm';

/**
 * PostgreSQL hands `bigint` back as text; amounts of fen stay below 2^53 (the protocol's rule),
 * so they come back as exact JavaScript numbers.
 */
export const FEN_COLUMN: ValueTransformer = {
  to: (fen: number | null | undefined) => fen,
  from: (stored: string | null) => (stored === null ? null : Number(stored)),
};
