import { Command } from '../command';
import { NATS_COMMANDS } from '../nats/nats.commands';

/** Every subcommand, in the order `enforcement-link help` lists them. */
export const COMMANDS: Command[] = [...NATS_COMMANDS];
