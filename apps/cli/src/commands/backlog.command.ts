import { Command, parseOptions, UsageError } from '../command';
import { stringOption } from '../network-options';
import { printAnswer, printRecords } from '../output';
import { SERVICE_OPTIONS_USAGE, signInFromOptions } from '../service-options';

const GROUPINGS = ['court', 'province', 'court-pair', 'matter-type', 'state'];

export const backlogCommand: Command = {
  name: 'backlog',
  summary: 'open requests across the network, late ones, the oldest (the monitor)',
  usage: `usage: enforcement-link backlog [--by <grouping>] [--overdue]

Asks the monitor (a command-centre admin's account; --url is the monitor's).
  --by <grouping>       ${GROUPINGS.join(', ')} (default court)
  --overdue             the requests past their time limit instead, longest overdue first
  --limit <n>           with --overdue: at most this many (default 50)
${SERVICE_OPTIONS_USAGE}`,
  async run(args) {
    const { options } = parseOptions(args, ['json', 'overdue']);
    const by = stringOption(options, 'by') ?? 'court';
    if (!GROUPINGS.includes(by)) throw new UsageError(`--by: one of ${GROUPINGS.join(', ')}`);
    const limit = stringOption(options, 'limit') ?? '50';
    const path = options.overdue
      ? `/api/overdue?limit=${encodeURIComponent(limit)}`
      : `/api/backlog?by=${by}`;
    const client = await signInFromOptions(options);
    const rows = await client.get<Record<string, unknown>[]>(path);
    printAnswer(options, rows, (table) =>
      printRecords(table, options.overdue ? 'nothing overdue' : 'no open requests'),
    );
    return 0;
  },
};
