#!/usr/bin/env node
/**
 * `enforcement-link`: the administrators' command line. Each subcommand lives in commands/;
 * exit code 0 on success, 1 when the work failed, 2 when the command was called wrongly.
 */
import 'reflect-metadata';
import { Command, UsageError } from './command';
import { COMMANDS } from './commands';

async function main(argv: string[]): Promise<number> {
  const command = findCommand(argv);
  if (!command || argv[0] === 'help') {
    printHelp(argv[0] === 'help' ? findCommand(argv.slice(1)) : undefined);
    return argv.length === 0 || argv[0] === 'help' ? 0 : 2;
  }
  const args = argv.slice(command.name.split(' ').length);
  if (args.includes('--help')) {
    console.log(command.usage);
    return 0;
  }
  try {
    return await command.run(args);
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`enforcement-link ${command.name}: ${error.message}\n\n${command.usage}`);
      return 2;
    }
    console.error(
      `enforcement-link ${command.name}: ${error instanceof Error ? error.message : String(error)}`,
    );
    return 1;
  }
}

function findCommand(argv: string[]): Command | undefined {
  return COMMANDS.filter((command) => {
    const words = command.name.split(' ');
    return words.every((word, i) => argv[i] === word);
  }).sort((a, b) => b.name.length - a.name.length)[0];
}

function printHelp(command: Command | undefined): void {
  if (command) {
    console.log(command.usage);
    return;
  }
  const width = Math.max(...COMMANDS.map((listed) => listed.name.length), 4);
  console.log('usage: enforcement-link <command> [options]   (--help after a command for more)\n');
  for (const listed of COMMANDS) console.log(`  ${listed.name.padEnd(width)}  ${listed.summary}`);
}

void main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
