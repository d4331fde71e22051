import { ObjectStoreOptions, StorageType } from 'nats';

/** The documents object-store bucket, whoever creates it: a court node or an administrator. */
export const DOCUMENTS_BUCKET_OPTIONS: Partial<ObjectStoreOptions> = {
  storage: StorageType.File,
  description: 'Documents that travel with court messages',
};
