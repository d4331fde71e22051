import { Command } from '../command';
import { accountsAddCommand } from './accounts.command';

/** Every subcommand, in the order `enforcement-link help` lists them. */
export const COMMANDS: Command[] = [accountsAddCommand];
