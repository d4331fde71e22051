import { ServiceClient } from '@enforcement-link/client';
import {
  DocumentReference,
  isResidentIdentityNumber,
  isUnifiedSocialCreditCode,
} from '@enforcement-link/protocol';
import { readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { UsageError } from '../command';
import { stringOption } from '../network-options';
import { cellText, Column, printTable, progress } from '../output';

/** A request or task as the court node's list and detail answers show it. */
export type RequestRecord = Record<string, unknown> & { id: string; state: string };

export const LIST_FILTERS_USAGE = `  --state <STATE>       e.g. DELIVERED, ACCEPTED, RESULT_REPORTED
  --court <code>        the other court
  --kind <kind>         asset-search or delegation
  --matter <type>       a delegation's matter type, e.g. freeze-deposit
  --case-number <text>  part of the case number
  --overdue             only those past their time limit
  --limit <n>           at most this many (default 50, at most 200)`;

const MEDIA_TYPES: Record<string, string> = {
  '.pdf': 'application/pdf',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
};

/** The query string of a list, from the filter options. */
export function listQuery(options: Record<string, string | true>): string {
  const query = new URLSearchParams({ order: 'due' });
  const filters: [string, string][] = [
    ['state', 'state'],
    ['court', 'court'],
    ['kind', 'kind'],
    ['matter', 'matterType'],
    ['case-number', 'caseNumber'],
    ['limit', 'limit'],
  ];
  for (const [option, parameter] of filters) {
    const value = stringOption(options, option);
    if (value !== undefined) query.set(parameter, value);
  }
  if (options.overdue) query.set('overdue', 'true');
  return query.toString();
}

const LIST_COLUMNS: Column<RequestRecord>[] = [
  { heading: 'id', value: (request) => request.id },
  { heading: 'kind', value: (request) => request.matterType ?? request.kind },
  { heading: 'state', value: (request) => `${request.state}${request.overdue ? ' (late)' : ''}` },
  { heading: 'from', value: (request) => request.requestingCourt },
  { heading: 'to', value: (request) => request.receivingCourt },
  { heading: 'case number', value: (request) => request.caseNumber },
  { heading: 'party', value: (request) => request.partyName },
  { heading: 'due', value: (request) => request.dueAt },
];

export function printRequestList(requests: RequestRecord[], total: number, what: string): void {
  printTable(requests, LIST_COLUMNS, `no ${what}`);
  if (total > requests.length) console.log(`(${requests.length} of ${total} shown)`);
}

/** One request with its timeline, for people. */
export function printRequestDetail(request: RequestRecord): void {
  const lines: [string, unknown][] = [
    ['id', request.id],
    [
      'kind',
      request.matterType
        ? `${cellText(request.kind)} (${cellText(request.matterType)})`
        : request.kind,
    ],
    [
      'state',
      `${request.state} since ${String(request.stateSince)}${request.overdue ? ', late' : ''}`,
    ],
    ['due', request.dueAt],
    ['from → to', `${cellText(request.requestingCourt)} → ${cellText(request.receivingCourt)}`],
    ['case number', request.caseNumber],
    ['their case number', request.receivingCaseNumber],
    ['party', request.partyName],
    ['handler', request.handler ? JSON.stringify(request.handler) : null],
    ['forwarded to', request.forwardedTo],
    ['can now', (request.actions as string[] | undefined)?.join(', ')],
  ];
  for (const [label, value] of lines) {
    if (value !== null && value !== undefined && value !== '') {
      console.log(`${label.padEnd(18)} ${cellText(value)}`);
    }
  }
  if (request.result) console.log(`${'result'.padEnd(18)} ${JSON.stringify(request.result)}`);
  const timeline = (request.timeline as Record<string, unknown>[] | undefined) ?? [];
  if (timeline.length === 0) return;
  console.log('\ntimeline');
  printTable(timeline, [
    { heading: 'sent', value: (entry) => entry.sentAt },
    { heading: 'direction', value: (entry) => entry.direction },
    { heading: 'type', value: (entry) => entry.type },
    { heading: 'from', value: (entry) => entry.from },
    { heading: 'to', value: (entry) => entry.to },
    { heading: 'delivered', value: (entry) => entry.deliveredAt },
  ]);
}

/** One line for a request an action moved on. */
export function printRequestLine(request: RequestRecord): void {
  console.log(`${request.id}  ${request.state}`);
}

/** `--body <file>` (`-` for standard input) as a JSON object, or an empty one. */
export function bodyOption(options: Record<string, string | true>): Record<string, unknown> {
  const path = stringOption(options, 'body');
  if (path === undefined) return {};
  let text: string;
  try {
    text = readFileSync(path === '-' ? 0 : path, 'utf8');
  } catch (error) {
    throw new UsageError(`--body ${path}: ${(error as Error).message}`);
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new UsageError(`--body ${path}: not JSON`);
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new UsageError(`--body ${path}: a JSON object`);
  }
  return body as Record<string, unknown>;
}

/** `--party-name` with `--party-id`: a person by identity number or an organisation by credit code. */
export function partyOption(options: Record<string, string | true>): object | undefined {
  const name = stringOption(options, 'party-name');
  const id = stringOption(options, 'party-id');
  if (name === undefined && id === undefined) return undefined;
  if (name === undefined || id === undefined) {
    throw new UsageError('--party-name and --party-id go together');
  }
  const given = id;
  if (isResidentIdentityNumber(id)) return { kind: 'natural-person', name, identityNumber: id };
  if (isUnifiedSocialCreditCode(id)) return { kind: 'organisation', name, creditCode: id };
  throw new UsageError(
    `--party-id ${given}: a resident identity number or a unified social credit code, check digit included`,
  );
}

/**
 * `--attach kind=file[,kind=file...]`: uploads each file as a document of that kind and returns
 * the references to list in the body, after any the body lists already.
 */
export async function attachDocuments(
  client: ServiceClient,
  options: Record<string, string | true>,
  listed: unknown,
): Promise<DocumentReference[]> {
  const documents = Array.isArray(listed) ? (listed as DocumentReference[]) : [];
  const attach = stringOption(options, 'attach');
  if (attach === undefined) return documents;
  for (const item of attach.split(',')) {
    const [kind, path] = item.split(/=(.*)/s, 2);
    if (!kind || !path)
      throw new UsageError(`--attach ${item}: kind=file, e.g. enforcement-ruling=ruling.pdf`);
    const mediaType = MEDIA_TYPES[extname(path).toLowerCase()];
    if (!mediaType) throw new UsageError(`--attach ${path}: a .pdf, .png or .jpg file`);
    let bytes: Buffer;
    try {
      bytes = readFileSync(path);
    } catch (error) {
      throw new UsageError(`--attach ${path}: ${(error as Error).message}`);
    }
    const query = new URLSearchParams({ kind, fileName: basename(path) });
    progress(options, `uploading ${basename(path)} (${kind}, ${kibibytes(bytes.length)})`);
    documents.push(
      await client.upload<DocumentReference>(
        `/api/documents?${query.toString()}`,
        bytes,
        mediaType,
      ),
    );
  }
  return documents;
}

function kibibytes(bytes: number): string {
  return `${Math.max(1, Math.round(bytes / 1024)).toLocaleString('en')} KiB`;
}

/** The single positional argument: the id of a request or task. */
export function idArgument(positional: string[]): string {
  if (positional.length !== 1) throw new UsageError('expected one id');
  const [id] = positional;
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) {
    throw new UsageError(`${id} is not an id (a UUID, as lists show them)`);
  }
  return id;
}
