import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import { OptionalField } from '@enforcement-link/protocol';
import { RequestTableQuery } from '../common/table.query';

const DATE_RULE = 'a date as YYYY-MM-DD';
const MONTH_RULE = 'a month as YYYY-MM';

/** Figures count the requests sent within a period (China Standard Time dates). */
export class FiguresQuery extends RequestTableQuery {
  /** First day counted. */
  @ApiPropertyOptional({ example: '2024-03-01' })
  @OptionalField()
  @Matches(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, { message: DATE_RULE })
  from?: string;

  /** Last day counted. */
  @ApiPropertyOptional({ example: '2024-03-31' })
  @OptionalField()
  @Matches(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, { message: DATE_RULE })
  to?: string;
}

export class MonthlyReportQuery extends RequestTableQuery {
  @ApiProperty({ example: '2024-03' })
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: MONTH_RULE })
  month: string;
}
