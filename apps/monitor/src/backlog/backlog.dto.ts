import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';
import { RequestFiltersQuery, RequestTableQuery } from '../common/table.query';

const LIMIT_RULE = 'a whole number from 1 to 1000';
const OFFSET_RULE = 'a whole number from 0';

export class OverdueQuery extends RequestFiltersQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: 1000, default: 100 })
  @Type(() => Number)
  @IsInt({ message: LIMIT_RULE })
  @Min(1, { message: LIMIT_RULE })
  @Max(1000, { message: LIMIT_RULE })
  limit = 100;

  @ApiPropertyOptional({ minimum: 0, default: 0 })
  @Type(() => Number)
  @IsInt({ message: OFFSET_RULE })
  @Min(0, { message: OFFSET_RULE })
  offset = 0;
}

const DAYS_RULE = 'a whole number of days from 1 to 366';

export class BacklogHistoryQuery extends RequestTableQuery {
  /** How many days back, today included. */
  @ApiPropertyOptional({ minimum: 1, maximum: 366, default: 30 })
  @Type(() => Number)
  @IsInt({ message: DAYS_RULE })
  @Min(1, { message: DAYS_RULE })
  @Max(366, { message: DAYS_RULE })
  days = 30;
}
