import { CourtDirectory } from '@enforcement-link/protocol';

/** How a table of requests can be broken down. */
export const GROUPINGS = [
  'network',
  'court',
  'province',
  'court-pair',
  'matter-type',
  'state',
] as const;
export type Grouping = (typeof GROUPINGS)[number];

/**
 * The columns each grouping adds to a row, as SQL over `r` (monitored_requests) and `p` (the
 * receiving court's place in the directory). A request counts for the court that handles it.
 */
const GROUP_COLUMNS: Record<Grouping, Record<string, string>> = {
  network: {},
  court: { court: 'r.receiving_court' },
  province: { province: "coalesce(p.province, 'unknown')" },
  'court-pair': { requestingCourt: 'r.requesting_court', receivingCourt: 'r.receiving_court' },
  'matter-type': { matterType: "coalesce(r.matter_type, 'asset-search')" },
  state: { state: 'r.state' },
};

/** Filters every table accepts; each narrows the requests counted. */
export interface RequestFilters {
  receivingCourt?: string;
  requestingCourt?: string;
  province?: string;
  kind?: string;
  matterType?: string;
}

/** Builds the pieces of one grouped query over monitored_requests. */
export class RequestQuery {
  readonly parameters: unknown[] = [];
  private readonly conditions: string[] = [];
  private readonly joinsProvince: boolean;

  /** `selectsProvince` when the caller's SELECT list reads `p.province`. */
  constructor(
    directory: CourtDirectory,
    private readonly grouping: Grouping,
    filters: RequestFilters,
    selectsProvince = false,
  ) {
    this.joinsProvince =
      selectsProvince || grouping === 'province' || filters.province !== undefined;
    if (this.joinsProvince) {
      const courts = directory.all;
      this.parameters.push(
        courts.map((court) => court.code),
        courts.map((court) => court.province),
      );
    }
    const equal = (column: string, value: string | undefined) => {
      if (value !== undefined) this.conditions.push(`${column} = ${this.parameter(value)}`);
    };
    equal('r.receiving_court', filters.receivingCourt);
    equal('r.requesting_court', filters.requestingCourt);
    equal('p.province', filters.province);
    equal('r.kind', filters.kind);
    equal("coalesce(r.matter_type, 'asset-search')", filters.matterType);
  }

  /** `r`, joined with the receiving court's province (`p`) when needed: the FROM clause. */
  get from(): string {
    return this.joinsProvince
      ? `monitored_requests r
          LEFT JOIN unnest($1::text[], $2::text[]) AS p (court, province) ON p.court = r.receiving_court`
      : 'monitored_requests r';
  }
  /** The WHERE clause: the filters and `extra`, combined with AND. */
  where(...extra: string[]): string {
    const all = [...extra, ...this.conditions];
    return all.length > 0 ? `WHERE ${all.join(' AND ')}` : '';
  }

  /** The grouping's columns for the SELECT list, named as the rows return them, or ''. */
  get keys(): string {
    return Object.entries(GROUP_COLUMNS[this.grouping])
      .map(([name, sql]) => `${sql} AS "${name}", `)
      .join('');
  }

  /** Identifies a row's group among the rows of this grouping. */
  groupOf(row: Record<string, unknown>): string {
    return JSON.stringify(Object.keys(GROUP_COLUMNS[this.grouping]).map((name) => row[name]));
  }

  get groupBy(): string {
    const columns = Object.values(GROUP_COLUMNS[this.grouping]);
    return columns.length > 0 ? `GROUP BY ${columns.join(', ')}` : '';
  }

  get orderBy(): string {
    const columns = Object.values(GROUP_COLUMNS[this.grouping]);
    return columns.length > 0 ? `ORDER BY ${columns.join(', ')}` : '';
  }

  /** Adds a parameter and returns its placeholder. */
  parameter(value: unknown): string {
    this.parameters.push(value);
    return `$${this.parameters.length}`;
  }
}
