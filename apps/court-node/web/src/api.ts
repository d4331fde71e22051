/** The court node's API as the workbench reads it; /api/docs has every field. */

export interface TimelineEntry {
  messageId: string;
  direction: 'in' | 'out';
  type: string;
  from: string;
  to: string;
  sentAt: string;
  deliveredAt: string | null;
  body: Record<string, unknown>;
}

export interface RequestView {
  id: string;
  kind: 'asset-search' | 'delegation';
  state: string;
  stateSince: string;
  dueAt: string | null;
  overdue: boolean;
  requestingCourt: string;
  receivingCourt: string;
  caseNumber: string;
  receivingCaseNumber: string | null;
  matterType: string | null;
  partyName: string;
  assignee: string | null;
  forwardedTo: string | null;
  result: Record<string, unknown> | null;
  details: Record<string, unknown>;
  createdAt: string;
  actions: string[];
}

export interface RequestDetail extends RequestView {
  timeline: TimelineEntry[];
}

export interface RequestPage {
  items: RequestView[];
  total: number;
}

export interface StateCount {
  state: string;
  count: number;
  overdue: number;
}

/** Where this court's requests of a kind live: sent ones by kind, received ones as tasks. */
export function resourceOf(side: 'outgoing' | 'incoming', kind: RequestView['kind']): string {
  if (side === 'incoming') return 'tasks';
  return kind === 'delegation' ? 'delegations' : 'asset-searches';
}

export function matterOf(request: Pick<RequestView, 'kind' | 'matterType'>): string {
  return request.matterType ?? request.kind;
}
