import {
  AssetSearchRequestedBody,
  ContactPerson,
  DelegationRequestedBody,
  MatterType,
  ProtocolRejectionBody,
  RequestKind,
  RequestMilestones,
  RequestState,
  ReturnReason,
  Side,
} from '@enforcement-link/protocol';
import { instanceToPlain } from 'class-transformer';
import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/**
 * One asset search or delegation as this court sees it: one it sent (side `requesting`) or one
 * it received and works on as a task (side `receiving`). Both ends keep a record under the same
 * id, the requesting court's `requestId`, and move it through the same lifecycle.
 */
@Entity('requests')
export class Request {
  @PrimaryColumn('uuid')
  id: string;

  @Column('text')
  kind: RequestKind;

  @Column('text')
  side: Side;

  @Column({ name: 'requesting_court', type: 'text' })
  requestingCourt: string;

  /** The court that handles the request now; changes when the request is forwarded. */
  @Column({ name: 'receiving_court', type: 'text' })
  receivingCourt: string;

  /** The requesting court's enforcement case number. */
  @Column({ name: 'case_number', type: 'text' })
  caseNumber: string;

  @Column({ name: 'matter_type', type: 'text', nullable: true })
  matterType: MatterType | null;

  @Column({ name: 'party_name', type: 'text' })
  partyName: string;

  /** The body of the `*.requested` message: what was asked, about whom, with which documents. */
  @Column('jsonb')
  details: Record<string, unknown>;

  @Column('text')
  state: RequestState;

  @Column({ name: 'state_since', type: 'timestamptz' })
  stateSince: Date;

  /** When the current step is due; unset when nothing is due. */
  @Column({ name: 'due_at', type: 'timestamptz', nullable: true })
  dueAt: Date | null;

  /** When the time limit that `dueAt` ends began. */
  @Column({ name: 'limit_started_at', type: 'timestamptz', nullable: true })
  limitStartedAt: Date | null;

  /** The last reminder sent for the current time limit: 0, 50 or 80 (percent elapsed). */
  @Column({ name: 'reminded_percent', type: 'smallint', default: 0 })
  remindedPercent: number;

  /** Set once the current time limit has passed. */
  @Column({ name: 'overdue_since', type: 'timestamptz', nullable: true })
  overdueSince: Date | null;

  /** Delegations: when a progress report is due if the matter is still unfinished. */
  @Column({ name: 'progress_report_due_at', type: 'timestamptz', nullable: true })
  progressReportDueAt: Date | null;

  /** Set once the requesting court asked for that progress report. */
  @Column({ name: 'progress_requested_at', type: 'timestamptz', nullable: true })
  progressRequestedAt: Date | null;

  /** Set once the whole request ran past its overall limit and was escalated. */
  @Column({ name: 'case_escalated_at', type: 'timestamptz', nullable: true })
  caseEscalatedAt: Date | null;

  /** When the request first entered each milestone state, for the command centres' figures. */
  @Column('jsonb')
  milestones: RequestMilestones;

  /** Set once the request was first escalated to the superior court. */
  @Column({ name: 'escalated_at', type: 'timestamptz', nullable: true })
  escalatedAt: Date | null;

  /** Why the receiving court returned the request, when it did. */
  @Column({ name: 'return_reason', type: 'text', nullable: true })
  returnReason: ReturnReason | null;

  @Column({ name: 'receiving_case_number', type: 'text', nullable: true })
  receivingCaseNumber: string | null;

  /** The receiving court's handler, as announced when it accepted the request. */
  @Column('jsonb', { nullable: true })
  handler: ContactPerson | null;

  /** Receiving side: who at this court the task is assigned to. */
  @Column('text', { nullable: true })
  assignee: string | null;

  /** Receiving side: the court this court passed the task on to. */
  @Column({ name: 'forwarded_to', type: 'text', nullable: true })
  forwardedTo: string | null;

  /** The body of the latest `asset-search.answered` or `delegation.result-reported`. */
  @Column('jsonb', { nullable: true })
  result: Record<string, unknown> | null;

  /** The latest protocol rejection the other court sent about this request. */
  @Column({ name: 'last_rejection', type: 'jsonb', nullable: true })
  lastRejection: ProtocolRejectionBody | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  /** A request not stored yet, described by the body of its `*.requested` message. */
  static fromRequestBody(
    id: string,
    courts: { side: Side; requestingCourt: string; receivingCourt: string },
    body: AssetSearchRequestedBody | DelegationRequestedBody,
  ): Request {
    const isDelegation = 'matterType' in body;
    return Object.assign(new Request(), {
      id,
      kind: isDelegation ? 'delegation' : 'asset-search',
      ...courts,
      caseNumber: body.caseNumber,
      matterType: isDelegation ? body.matterType : null,
      partyName: body.party.name,
      details: instanceToPlain(body),
      dueAt: null,
      limitStartedAt: null,
      remindedPercent: 0,
      overdueSince: null,
      caseEscalatedAt: null,
      milestones: {},
      escalatedAt: null,
      returnReason: null,
      progressReportDueAt: null,
      progressRequestedAt: null,
      receivingCaseNumber: null,
      handler: null,
      assignee: null,
      forwardedTo: null,
      result: null,
      lastRejection: null,
    } satisfies Partial<Request>);
  }

  /** The court on the other end of the request, as seen from this court. */
  get counterpart(): string {
    return this.side === 'requesting' ? this.receivingCourt : this.requestingCourt;
  }
}
