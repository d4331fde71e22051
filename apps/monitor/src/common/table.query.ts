import {
  IsCourtCode,
  IsOneOf,
  MATTER_TYPES,
  OptionalField,
  Province,
  PROVINCES,
  REQUEST_KINDS,
  RequestKind,
} from '@enforcement-link/protocol';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { GROUPINGS, Grouping, RequestFilters } from './grouping';

export const FORMATS = ['json', 'csv'] as const;
/** What a request is about: a delegation's matter type, or an asset search. */
export const MATTERS = ['asset-search', ...MATTER_TYPES] as const;

/** Every table can be read as JSON or downloaded as CSV. */
export class ExportableQuery {
  @ApiPropertyOptional({ enum: FORMATS, default: 'json', description: 'csv downloads the table' })
  @OptionalField()
  @IsOneOf(FORMATS)
  format?: (typeof FORMATS)[number];
}

/** Which requests a table counts. */
export class RequestFiltersQuery extends ExportableQuery implements RequestFilters {
  /** Only requests this court handles. */
  @ApiPropertyOptional({ example: 'yulin' })
  @OptionalField()
  @IsCourtCode()
  receivingCourt?: string;

  /** Only requests this court sent. */
  @ApiPropertyOptional({ example: 'xinzhou' })
  @OptionalField()
  @IsCourtCode()
  requestingCourt?: string;

  /** Only requests handled by courts of this province. */
  @ApiPropertyOptional({ enum: Object.keys(PROVINCES) })
  @OptionalField()
  @IsOneOf(Object.keys(PROVINCES))
  province?: Province;

  @ApiPropertyOptional({ enum: REQUEST_KINDS })
  @OptionalField()
  @IsOneOf(REQUEST_KINDS)
  kind?: RequestKind;

  /** A delegation's matter type, or `asset-search`. */
  @ApiPropertyOptional({ enum: MATTERS })
  @OptionalField()
  @IsOneOf(MATTERS)
  matterType?: (typeof MATTERS)[number];
}

/** Which requests a table counts, and how it breaks them down. */
export class RequestTableQuery extends RequestFiltersQuery {
  @ApiPropertyOptional({ enum: GROUPINGS, default: 'court' })
  @OptionalField()
  @IsOneOf(GROUPINGS)
  by: Grouping = 'court';
}
