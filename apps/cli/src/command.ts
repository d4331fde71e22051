/** One `enforcement-link <name> ...` subcommand. */
export interface Command {
  /** The words that select it, e.g. `nats config`. */
  name: string;
  /** One line for the command list. */
  summary: string;
  /** Longer help: arguments, options, environment. */
  usage: string;
  /** Runs with the arguments after the name; resolves to the process exit code. */
  run(args: string[]): Promise<number>;
}

/** A mistake in how the command was called: printed with its usage, exit code 2. */
export class UsageError extends Error {}

/** Parses `--name value` and `--flag` options; anything else is a positional argument. */
export function parseOptions(
  args: string[],
  flags: readonly string[] = [],
): { options: Record<string, string | true>; positional: string[] } {
  const options: Record<string, string | true> = {};
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split(/=(.*)/s, 2);
    if (flags.includes(name)) {
      options[name] = true;
    } else if (inline !== undefined) {
      options[name] = inline;
    } else if (i + 1 < args.length) {
      options[name] = args[++i];
    } else {
      throw new UsageError(`--${name} needs a value`);
    }
  }
  return { options, positional };
}
