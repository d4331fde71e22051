import {
  IsCalendarDate,
  IsMatterType,
  IsOneOf,
  MatterType,
  Nested,
  NestedList,
  RequestKind,
  RequestState,
} from '@enforcement-link/protocol';
import { ArrayUnique, IsArray, IsBoolean, IsInt, Max, Min } from 'class-validator';
import { TimeLimitRule } from './working-calendar';

const AMOUNT_RULE = 'a whole number from 1 to 3650';

export class TimeLimit implements TimeLimitRule {
  @IsInt({ message: AMOUNT_RULE })
  @Min(1, { message: AMOUNT_RULE })
  @Max(3650, { message: AMOUNT_RULE })
  amount: number;

  /**
   * `days` and `months` are calendar time; `working-days` skip weekends and holidays; `minutes`
   * are plain time, for training and demonstration networks.
   */
  @IsOneOf(['days', 'working-days', 'months', 'minutes'])
  unit: TimeLimitRule['unit'];
}

/** A time limit that differs for one matter type, e.g. 30 days for investigations. */
export class MatterTimeLimit {
  @IsMatterType()
  matterType: MatterType;

  @Nested(() => TimeLimit)
  finish: TimeLimit;
}

export class CalendarPolicy {
  @IsArray({ message: 'a list of dates' })
  @ArrayUnique({ message: 'each date once' })
  @IsCalendarDate({ each: true })
  holidays: string[];

  @IsArray({ message: 'a list of dates' })
  @ArrayUnique({ message: 'each date once' })
  @IsCalendarDate({ each: true })
  workingWeekendDays: string[];
}

/**
 * The time limits of a regional agreement. Every limit is configurable; the defaults are those
 * of the Yellow River bend agreement and the law it rests on.
 */
export class DeadlinePolicy {
  /** Accept or return a request once it has arrived. */
  @Nested(() => TimeLimit)
  signIn: TimeLimit;

  /** Finish a single matter once accepted. */
  @Nested(() => TimeLimit)
  finish: TimeLimit;

  @NestedList(() => MatterTimeLimit, 50)
  @ArrayUnique((limit: MatterTimeLimit) => limit?.matterType, { message: 'each matter type once' })
  finishByMatterType: MatterTimeLimit[];

  /** Provide requested material, or the request counts as withdrawn. */
  @Nested(() => TimeLimit)
  supplement: TimeLimit;

  /** Report progress on a matter still unfinished after this long. */
  @Nested(() => TimeLimit)
  progressReport: TimeLimit;

  /** The whole request, from sending; then it is escalated to the superior court. */
  @Nested(() => TimeLimit)
  wholeCase: TimeLimit;

  /**
   * Whether an escalation also goes to the superior court itself, which then lists it under
   * supervision; the receiving court is told in any case.
   */
  @IsBoolean({ message: 'true or false' })
  notifySuperiorCourt: boolean;

  /** How long before a freeze or seal expires the requesting court is alerted. */
  @Nested(() => TimeLimit)
  expiryAlert: TimeLimit;

  @Nested(() => CalendarPolicy)
  calendar: CalendarPolicy;
}

export const DEFAULT_DEADLINE_POLICY: DeadlinePolicy = {
  signIn: { amount: 7, unit: 'days' },
  finish: { amount: 15, unit: 'days' },
  finishByMatterType: [{ matterType: 'investigate-assets', finish: { amount: 30, unit: 'days' } }],
  supplement: { amount: 30, unit: 'days' },
  progressReport: { amount: 30, unit: 'days' },
  wholeCase: { amount: 6, unit: 'months' },
  notifySuperiorCourt: true,
  expiryAlert: { amount: 30, unit: 'days' },
  calendar: { holidays: [], workingWeekendDays: [] },
};

/**
 * The limit for the step a request has just entered, or undefined when nothing is due (the
 * requesting court's turn to confirm, or a final state).
 */
export function timeLimitFor(
  policy: DeadlinePolicy,
  kind: RequestKind,
  matterType: MatterType | null,
  state: RequestState,
): TimeLimit | undefined {
  switch (state) {
    case RequestState.Sent:
    case RequestState.Delivered:
      return policy.signIn;
    case RequestState.Accepted:
    case RequestState.InProgress: {
      const special = policy.finishByMatterType.find((limit) => limit.matterType === matterType);
      return kind === 'delegation' && special ? special.finish : policy.finish;
    }
    case RequestState.AwaitingSupplement:
      return policy.supplement;
    default:
      return undefined;
  }
}
