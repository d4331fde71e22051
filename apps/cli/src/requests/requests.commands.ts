import { ApiError, ServiceClient } from '@enforcement-link/client';
import { ASSET_CATEGORIES, isCourtCode, MATTER_TYPES } from '@enforcement-link/protocol';
import { Command, parseOptions, UsageError } from '../command';
import { stringOption } from '../network-options';
import { printAnswer } from '../output';
import { SERVICE_OPTIONS_USAGE, signInFromOptions } from '../service-options';
import {
  attachDocuments,
  bodyOption,
  idArgument,
  LIST_FILTERS_USAGE,
  listQuery,
  partyOption,
  printRequestDetail,
  printRequestLine,
  printRequestList,
  RequestRecord,
} from './request-options';

const RESOURCES = { 'asset-search': 'asset-searches', delegation: 'delegations' } as const;
type Kind = keyof typeof RESOURCES;

const SEND_OPTIONS_USAGE = `  --to <court>          the court asked, e.g. yulin (required)
  --body <file>         the request's JSON body as in /api/docs (- for standard input);
                        the options below fill in or replace its fields
  --case-number <n>     the enforcement case, e.g. (2025)晋09执123号
  --party-name <name>   with --party-id: the debtor, a person (identity number) or an
  --party-id <id>       organisation (unified social credit code)
  --attach <kind=file>  upload files and list them, e.g. enforcement-ruling=ruling.pdf
                        (several separated by commas; PDF, PNG or JPEG, at most 20 MiB)`;

async function send(
  kind: Kind,
  args: string[],
  fields: (options: Record<string, string | true>) => object,
) {
  const { options } = parseOptions(args, ['json']);
  const to = stringOption(options, 'to');
  if (to === undefined) throw new UsageError('--to is required');
  if (!isCourtCode(to)) throw new UsageError(`--to ${options.to as string} is not a court code`);
  const body: Record<string, unknown> = { ...bodyOption(options), receivingCourt: to };
  const caseNumber = stringOption(options, 'case-number');
  if (caseNumber !== undefined) body.caseNumber = caseNumber;
  const party = partyOption(options);
  if (party) body.party = party;
  Object.assign(body, fields(options));
  const client = await signInFromOptions(options);
  body.documents = await attachDocuments(client, options, body.documents);
  const created = await client.post<RequestRecord>(`/api/${RESOURCES[kind]}`, body);
  printAnswer(options, created, (request) =>
    console.log(`sent ${kind} ${request.id} to ${to}: ${request.state}`),
  );
  return 0;
}

const sendAssetSearch: Command = {
  name: 'send asset-search',
  summary: 'ask another court to search for a party’s assets',
  usage: `usage: enforcement-link send asset-search --to <court> [options]

Creates an asset search at your court node (a clerk's or court admin's account), which sends it.
${SEND_OPTIONS_USAGE}
  --categories <list>   what to search, e.g. bank-deposit,real-estate,vehicle; one of
                        ${ASSET_CATEGORIES.join(', ')}
${SERVICE_OPTIONS_USAGE}`,
  run: (args) =>
    send('asset-search', args, (options) => {
      const categories = stringOption(options, 'categories');
      return categories === undefined ? {} : { categories: categories.split(',') };
    }),
};

const sendDelegation: Command = {
  name: 'send delegation',
  summary: 'delegate an enforcement matter to another court',
  usage: `usage: enforcement-link send delegation --to <court> [options]

Creates a delegation at your court node (a clerk's or court admin's account), which sends it.
${SEND_OPTIONS_USAGE}
  --matter <type>       one of ${MATTER_TYPES.join(', ')}
  --instructions <text> what the receiving court is asked to do
  --contact-name <name> with --contact-phone: who to call at your court
  --contact-phone <n>
${SERVICE_OPTIONS_USAGE}`,
  run: (args) =>
    send('delegation', args, (options) => {
      const matterType = stringOption(options, 'matter');
      const instructions = stringOption(options, 'instructions');
      const name = stringOption(options, 'contact-name');
      const phone = stringOption(options, 'contact-phone');
      return {
        ...(matterType === undefined ? {} : { matterType }),
        ...(instructions === undefined ? {} : { instructions }),
        ...(name === undefined ? {} : { contact: { name, ...(phone ? { phone } : {}) } }),
      };
    }),
};

const list: Command = {
  name: 'requests list',
  summary: 'requests your court sent, by due date, late first',
  usage: `usage: enforcement-link requests list [filters]

${LIST_FILTERS_USAGE}
${SERVICE_OPTIONS_USAGE}`,
  async run(args) {
    const { options } = parseOptions(args, ['json', 'overdue']);
    const kind = stringOption(options, 'kind');
    if (kind !== undefined && !(kind in RESOURCES)) {
      throw new UsageError('--kind: asset-search or delegation');
    }
    const kinds = kind === undefined ? (Object.keys(RESOURCES) as Kind[]) : [kind as Kind];
    // Each kind is its own resource, so the kind is not a filter here.
    const filters = { ...options };
    delete filters.kind;
    const query = listQuery(filters);
    const client = await signInFromOptions(options);
    const pages = await Promise.all(
      kinds.map((each) =>
        client.get<{ items: RequestRecord[]; total: number }>(`/api/${RESOURCES[each]}?${query}`),
      ),
    );
    const answer = {
      items: pages.flatMap((page) => page.items),
      total: pages.reduce((sum, page) => sum + page.total, 0),
    };
    printAnswer(options, answer, ({ items, total }) => printRequestList(items, total, 'requests'));
    return 0;
  },
};

/** The request with this id, whichever kind it is, and the resource it is found under. */
async function findRequest(
  client: ServiceClient,
  id: string,
): Promise<{ request: RequestRecord; resource: string }> {
  for (const resource of Object.values(RESOURCES)) {
    try {
      return { request: await client.get<RequestRecord>(`/api/${resource}/${id}`), resource };
    } catch (error) {
      if (!(error instanceof ApiError && error.status === 404)) throw error;
    }
  }
  throw new Error(`your court sent no request ${id}`);
}

const show: Command = {
  name: 'requests show',
  summary: 'one request your court sent, with its timeline',
  usage: `usage: enforcement-link requests show <id>
${SERVICE_OPTIONS_USAGE}`,
  async run(args) {
    const { options, positional } = parseOptions(args, ['json']);
    const id = idArgument(positional);
    const { request } = await findRequest(await signInFromOptions(options), id);
    printAnswer(options, request, printRequestDetail);
    return 0;
  },
};

/** A requester's action on one request: `POST /api/<resource>/<id>/<action>` with a body. */
function requesterAction(
  action: string,
  summary: string,
  details: string,
  body: (options: Record<string, string | true>) => object,
): Command {
  return {
    name: `requests ${action}`,
    summary,
    usage: `usage: enforcement-link requests ${action} <id> ${details}
${SERVICE_OPTIONS_USAGE}`,
    async run(args) {
      const { options, positional } = parseOptions(args, ['json']);
      const id = idArgument(positional);
      const payload = body(options);
      const client = await signInFromOptions(options);
      const { resource } = await findRequest(client, id);
      const moved = await client.post<RequestRecord>(`/api/${resource}/${id}/${action}`, payload);
      printAnswer(options, moved, printRequestLine);
      return 0;
    },
  };
}

const confirm = requesterAction(
  'confirm',
  'accept the result a court reported; the request closes',
  '[--note <text>]',
  (options) => {
    const note = stringOption(options, 'note');
    return note === undefined ? {} : { note };
  },
);

const dispute = requesterAction(
  'dispute',
  'send a reported result back to the court that reported it',
  '--reason <text>',
  (options) => ({ reason: required(options, 'reason') }),
);

const withdraw = requesterAction(
  'withdraw',
  'take back a request that is not closed yet',
  '--reason <text>',
  (options) => ({ reason: required(options, 'reason') }),
);

function required(options: Record<string, string | true>, name: string): string {
  const value = stringOption(options, name);
  if (value === undefined) throw new UsageError(`--${name} is required`);
  return value;
}

export const REQUESTS_COMMANDS: Command[] = [
  sendAssetSearch,
  sendDelegation,
  list,
  show,
  confirm,
  dispute,
  withdraw,
];
