import { Command } from '../command';
import { NATS_COMMANDS } from '../nats/nats.commands';
import { accountsAddCommand } from './accounts.command';
import { auditVerify } from './audit-verify.command';
import { KEYS_COMMANDS } from './keys.commands';
import { messagesVerify } from './messages-verify.command';

/** Every subcommand, in the order `enforcement-link help` lists them. */
export const COMMANDS: Command[] = [
  accountsAddCommand,
  auditVerify,
  ...KEYS_COMMANDS,
  messagesVerify,
  ...NATS_COMMANDS,
];
