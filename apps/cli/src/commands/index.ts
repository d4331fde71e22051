import { Command } from '../command';
import { NATS_COMMANDS } from '../nats/nats.commands';
import { REQUESTS_COMMANDS } from '../requests/requests.commands';
import { TASKS_COMMANDS } from '../tasks/tasks.commands';
import { accountsAddCommand } from './accounts.command';
import { auditVerify } from './audit-verify.command';
import { backlogCommand } from './backlog.command';
import { DEAD_LETTER_COMMANDS } from './dead-letters.commands';
import { KEYS_COMMANDS } from './keys.commands';
import { messagesVerify } from './messages-verify.command';
import { onboardCommand } from './onboard.command';

/** Every subcommand, in the order `enforcement-link help` lists them. */
export const COMMANDS: Command[] = [
  ...REQUESTS_COMMANDS,
  ...TASKS_COMMANDS,
  backlogCommand,
  ...DEAD_LETTER_COMMANDS,
  onboardCommand,
  accountsAddCommand,
  auditVerify,
  ...KEYS_COMMANDS,
  messagesVerify,
  ...NATS_COMMANDS,
];
