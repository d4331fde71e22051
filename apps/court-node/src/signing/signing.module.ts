import { CourtKeyRegistryFollower } from '@enforcement-link/messaging';
import { Module } from '@nestjs/common';
import { MessageSignatures } from './message-signatures.service';

/** Signing what the court sends and checking the signatures of what it receives. */
@Module({
  providers: [CourtKeyRegistryFollower, MessageSignatures],
  exports: [MessageSignatures],
})
export class SigningModule {}
