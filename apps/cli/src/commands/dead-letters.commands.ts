import { Command, parseOptions } from '../command';
import { printAnswer, printTable, progress } from '../output';
import { idArgument } from '../requests/request-options';
import { SERVICE_OPTIONS_USAGE, signInFromOptions } from '../service-options';

interface DeadLetter {
  id: string;
  subject: string;
  error: string;
  deliveries: number;
  parkedAt: string;
}

const list: Command = {
  name: 'dead-letters list',
  summary: 'messages your court node parked after they kept failing',
  usage: `usage: enforcement-link dead-letters list
${SERVICE_OPTIONS_USAGE}`,
  async run(args) {
    const { options } = parseOptions(args, ['json']);
    const client = await signInFromOptions(options);
    const parked = await client.get<DeadLetter[]>('/api/dead-letters');
    printAnswer(options, parked, (letters) =>
      printTable(
        letters,
        [
          { heading: 'id', value: (letter) => letter.id },
          { heading: 'parked', value: (letter) => letter.parkedAt },
          { heading: 'deliveries', value: (letter) => letter.deliveries },
          { heading: 'subject', value: (letter) => letter.subject },
          { heading: 'error', value: (letter) => letter.error },
        ],
        'no dead letters',
      ),
    );
    return 0;
  },
};

const replay: Command = {
  name: 'dead-letters replay',
  summary: 'handle parked messages again: one by id, or --all',
  usage: `usage: enforcement-link dead-letters replay <id> | --all

Exit code 1 when a message failed again; it stays parked.
${SERVICE_OPTIONS_USAGE}`,
  async run(args) {
    const { options, positional } = parseOptions(args, ['json', 'all']);
    const client = await signInFromOptions(options);
    const ids = options.all
      ? (await client.get<DeadLetter[]>('/api/dead-letters')).map((letter) => letter.id)
      : [idArgument(positional)];
    const outcomes: Record<string, unknown>[] = [];
    for (const [i, id] of ids.entries()) {
      progress(options, `replaying ${i + 1} of ${ids.length}: ${id}`);
      outcomes.push({ id, ...(await client.post<object>(`/api/dead-letters/${id}/replay`)) });
    }
    printAnswer(options, outcomes, (rows) =>
      printTable(
        rows,
        [
          { heading: 'id', value: (row) => row.id },
          { heading: 'outcome', value: (row) => row.outcome },
          { heading: 'error', value: (row) => row.error },
        ],
        'no dead letters to replay',
      ),
    );
    return outcomes.some((outcome) => outcome.outcome === 'failed') ? 1 : 0;
  },
};

export const DEAD_LETTER_COMMANDS: Command[] = [list, replay];
