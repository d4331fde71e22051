import { Command } from '../command';
import { auditVerify } from './audit-verify.command';

/** Every subcommand, in the order `enforcement-link help` lists them. */
export const COMMANDS: Command[] = [auditVerify];
