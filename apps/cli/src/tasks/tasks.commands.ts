import { RETURN_REASONS } from '@enforcement-link/protocol';
import { Command, parseOptions, UsageError } from '../command';
import { stringOption } from '../network-options';
import { printAnswer } from '../output';
import {
  attachDocuments,
  bodyOption,
  idArgument,
  LIST_FILTERS_USAGE,
  listQuery,
  printRequestDetail,
  printRequestLine,
  printRequestList,
  RequestRecord,
} from '../requests/request-options';
import { SERVICE_OPTIONS_USAGE, signInFromOptions } from '../service-options';
import { ServiceClient } from '@enforcement-link/client';

const list: Command = {
  name: 'tasks list',
  summary: 'tasks other courts sent to yours, by due date, late first',
  usage: `usage: enforcement-link tasks list [filters]

Lists your court's task inbox (a handler's or court admin's account).
${LIST_FILTERS_USAGE}
${SERVICE_OPTIONS_USAGE}`,
  async run(args) {
    const { options } = parseOptions(args, ['json', 'overdue']);
    const client = await signInFromOptions(options);
    const page = await client.get<{ items: RequestRecord[]; total: number }>(
      `/api/tasks?${listQuery(options)}`,
    );
    printAnswer(options, page, ({ items, total }) => printRequestList(items, total, 'tasks'));
    return 0;
  },
};

const show: Command = {
  name: 'tasks show',
  summary: 'one task, with its timeline and what can be done with it now',
  usage: `usage: enforcement-link tasks show <id>
${SERVICE_OPTIONS_USAGE}`,
  async run(args) {
    const { options, positional } = parseOptions(args, ['json']);
    const id = idArgument(positional);
    const client = await signInFromOptions(options);
    printAnswer(options, await client.get<RequestRecord>(`/api/tasks/${id}`), printRequestDetail);
    return 0;
  },
};

type Options = Record<string, string | true>;

/**
 * A handler's action on one task: `POST /api/tasks/<id>/<action>` with the body the options
 * make (after any documents they attach are uploaded).
 */
function taskAction(
  action: string,
  summary: string,
  details: string,
  body: (options: Options, client: ServiceClient) => object | Promise<object>,
): Command {
  const word = action.replace(/^report-/, '');
  return {
    name: `tasks ${word}`,
    summary,
    usage: `usage: enforcement-link tasks ${word} <id> ${details}
${SERVICE_OPTIONS_USAGE}`,
    async run(args) {
      const { options, positional } = parseOptions(args, ['json']);
      const id = idArgument(positional);
      const client = await signInFromOptions(options);
      const moved = await client.post<RequestRecord>(
        `/api/tasks/${id}/${action}`,
        await body(options, client),
      );
      printAnswer(options, moved, printRequestLine);
      return 0;
    },
  };
}

function required(options: Options, name: string): string {
  const value = stringOption(options, name);
  if (value === undefined) throw new UsageError(`--${name} is required`);
  return value;
}

/** `--body` as given, with the files `--attach` uploads added to its documents. */
async function bodyWithAttachments(options: Options, client: ServiceClient): Promise<object> {
  const body = bodyOption(options);
  if (Object.keys(body).length === 0) throw new UsageError('--body is required');
  return { ...body, documents: await attachDocuments(client, options, body.documents) };
}

const accept = taskAction(
  'accept',
  'sign a task in: your case number and the handler',
  `--case-number <n> --handler-name <name> [--handler-phone <n>]

  --case-number     your court's own case number for it, e.g. (2025)陕08执协12号`,
  (options) => {
    const phone = stringOption(options, 'handler-phone');
    return {
      receivingCaseNumber: required(options, 'case-number'),
      handler: { name: required(options, 'handler-name'), ...(phone ? { phone } : {}) },
    };
  },
);

const giveBack = taskAction(
  'return',
  'return a task to the court that sent it, with the reason',
  `--reason <code> [--explanation <text>]

  --reason          ${RETURN_REASONS.join(', ')}`,
  (options) => {
    const reason = required(options, 'reason');
    if (!(RETURN_REASONS as readonly string[]).includes(reason)) {
      throw new UsageError(`--reason: one of ${RETURN_REASONS.join(', ')}`);
    }
    const explanation = stringOption(options, 'explanation');
    return { reason, ...(explanation === undefined ? {} : { explanation }) };
  },
);

const askForSupplement = taskAction(
  'request-supplement',
  'ask the requesting court for what is missing',
  `--missing <what>[;<what>...] --due-on <YYYY-MM-DD>`,
  (options) => ({
    missing: required(options, 'missing').split(';'),
    dueOn: required(options, 'due-on'),
  }),
);

const progress = taskAction(
  'report-progress',
  'tell the requesting court how the work stands',
  `--summary <text> [--attach <kind=file>]`,
  async (options, client) => ({
    summary: required(options, 'summary'),
    documents: await attachDocuments(client, options, []),
  }),
);

const result = taskAction(
  'report-result',
  "report a delegation's result, per measure",
  `--body <file> [--attach <kind=file>]

  --body            the result as in /api/docs (outcome, measures, summary); - for stdin
  --attach          upload files (receipts, rulings) and add them to its documents`,
  bodyWithAttachments,
);

const answer = taskAction(
  'answer',
  'answer an asset search by hand: what was found per category',
  `--body <file> [--attach <kind=file>]

  --body            the answer as in /api/docs (results per category); - for stdin`,
  bodyWithAttachments,
);

export const TASKS_COMMANDS: Command[] = [
  list,
  show,
  accept,
  giveBack,
  askForSupplement,
  progress,
  result,
  answer,
];
