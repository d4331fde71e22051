import { ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsCourtCode,
  IsMatterType,
  IsOneOf,
  MATTER_TYPES,
  MatterType,
  OptionalField,
  RequestKind,
  RequestState,
} from '@enforcement-link/protocol';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsInt, IsString, Max, MaxLength, Min } from 'class-validator';

const LIMIT_RULE = 'a whole number from 1 to 200';
export const LIST_ORDERS = ['newest', 'due'] as const;
const OFFSET_RULE = 'a whole number from 0';

/** Filters of a request listing; every one optional, combined with AND. */
export class ListRequestsQuery {
  @ApiPropertyOptional({ enum: RequestState })
  @OptionalField()
  @IsOneOf(Object.values(RequestState))
  state?: RequestState;

  /** The other court: the receiving court of a request sent, the requesting court of a task. */
  @ApiPropertyOptional({ example: 'yulin' })
  @OptionalField()
  @IsCourtCode()
  court?: string;

  @ApiPropertyOptional({ enum: MATTER_TYPES })
  @OptionalField()
  @IsMatterType()
  matterType?: MatterType;

  @ApiPropertyOptional({ enum: ['asset-search', 'delegation'] })
  @OptionalField()
  @IsOneOf(['asset-search', 'delegation'])
  kind?: RequestKind;

  /** Only requests whose current step is late (true) or not late (false). */
  @ApiPropertyOptional({ type: Boolean })
  @OptionalField()
  @Transform(({ value }: { value: unknown }) =>
    value === 'true' ? true : value === 'false' ? false : value,
  )
  @IsBoolean({ message: 'true or false' })
  overdue?: boolean;

  /** Requests whose case number (either court's) contains this text. */
  @ApiPropertyOptional({ example: '执123' })
  @OptionalField()
  @IsString({ message: 'text of up to 60 characters' })
  @MaxLength(60, { message: 'text of up to 60 characters' })
  caseNumber?: string;

  /** `newest` first (the default), or `due`: overdue first, then by due date, nothing due last. */
  @ApiPropertyOptional({ enum: LIST_ORDERS, default: 'newest' })
  @OptionalField()
  @IsOneOf(LIST_ORDERS)
  order: (typeof LIST_ORDERS)[number] = 'newest';

  /** Tasks assigned to this handler. */
  @ApiPropertyOptional()
  @OptionalField()
  @IsString({ message: 'text of up to 100 characters' })
  @MaxLength(100, { message: 'text of up to 100 characters' })
  assignee?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @Type(() => Number)
  @IsInt({ message: LIMIT_RULE })
  @Min(1, { message: LIMIT_RULE })
  @Max(200, { message: LIMIT_RULE })
  limit = 50;

  @ApiPropertyOptional({ minimum: 0, default: 0 })
  @Type(() => Number)
  @IsInt({ message: OFFSET_RULE })
  @Min(0, { message: OFFSET_RULE })
  offset = 0;
}
