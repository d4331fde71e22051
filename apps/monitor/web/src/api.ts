/** The monitor's HTTP API, as the dashboard reads it; see /api/docs for every field. */

export interface Court {
  code: string;
  name: { zh: string; en: string };
  province: string;
  level: 'high' | 'intermediate' | 'basic';
}

export interface Province {
  code: string;
  zh: string;
  en: string;
}

export interface BacklogRow {
  court?: string;
  province?: string;
  state?: string;
  open: number;
  overdue: number;
  escalated: number;
}

export interface AgeingRow {
  court?: string;
  province?: string;
  days0to3: number;
  days4to7: number;
  days8to15: number;
  days16to30: number;
  over30Days: number;
}

export interface HistoryRow {
  day: string;
  court?: string;
  open: number;
}

export interface FiguresRow {
  court?: string;
  requests: number;
  concluded: number;
  withinLimitShare: number | null;
  returnRate: number | null;
  signInHoursMedian: number | null;
  signInHoursP95: number | null;
  acceptanceHoursMedian: number | null;
  acceptanceHoursP95: number | null;
  resultHoursMedian: number | null;
  resultHoursP95: number | null;
  recoveredFen: number;
  transferredFen: number;
  confirmedFen: number;
  inTransitFen: number;
  paidOutFen: number;
  daysToPayoutMedian: number | null;
  daysToPayoutP95: number | null;
}

export interface OverdueRow {
  requestId: string;
  kind: string;
  matterType: string | null;
  requestingCourt: string;
  receivingCourt: string;
  province: string | null;
  state: string;
  dueAt: string;
  overdueSince: string;
  daysOverdue: number;
  escalatedAt: string | null;
}

export interface CourtNode {
  court: string;
  lastSeenAt: string | null;
  silent: boolean;
  consumerPending: number | null;
  outboxPending: number | null;
  deadLetters: number | null;
}

export interface RequestTimeline {
  request: Record<string, unknown> & {
    requestId: string;
    kind: string;
    matterType: string | null;
    requestingCourt: string;
    receivingCourt: string;
    state: string;
    dueAt: string | null;
    overdueSince: string | null;
  };
  timeline: {
    eventId: string;
    type: string;
    court: string;
    occurredAt: string;
    state: string | null;
  }[];
}

export { get, NotFound } from '@enforcement-link/web/http';

/** The matter of a row: a delegation's matter type, or an asset search. */
export function matterOf(row: { kind: string; matterType: string | null }): string {
  return row.matterType ?? row.kind;
}
