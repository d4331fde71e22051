import { Command } from '../command';
import { KEYS_COMMANDS } from './keys.commands';
import { messagesVerify } from './messages-verify.command';

/** Every subcommand, in the order `enforcement-link help` lists them. */
export const COMMANDS: Command[] = [...KEYS_COMMANDS, messagesVerify];
