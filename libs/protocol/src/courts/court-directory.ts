import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { MatterType } from '../messages/delegation.messages';
import { CourtRecord, PROVINCES } from './court-record';

const LEVEL_BELOW = { high: 'intermediate', intermediate: 'basic', basic: undefined } as const;

/**
 * The courts of a network and what each accepts. A requesting court consults it before it sends
 * anything, so a request to an unknown court, or for a matter the court does not take on, is
 * refused at once instead of travelling to be returned.
 */
export class CourtDirectory {
  private readonly courts: ReadonlyMap<string, CourtRecord>;

  private constructor(courts: CourtRecord[]) {
    this.courts = new Map(courts.map((court) => [court.code, court]));
  }

  /** Validates every record and how they fit together; throws listing every problem. */
  static from(records: unknown[]): CourtDirectory {
    const courts = records.map((record) => plainToInstance(CourtRecord, record));
    const problems = courts.flatMap((court, i) =>
      validateSync(court, { whitelist: true, forbidNonWhitelisted: true }).map(
        (error) =>
          `court ${i} (${String(court.code)}): ${error.property} must be ${Object.values(error.constraints ?? { nested: 'valid' }).join('; ')}`,
      ),
    );
    if (problems.length === 0) problems.push(...consistencyProblems(courts));
    if (problems.length > 0) throw new Error(`invalid court directory:\n${problems.join('\n')}`);
    return new CourtDirectory(courts);
  }

  get all(): CourtRecord[] {
    return [...this.courts.values()];
  }

  find(code: string): CourtRecord | undefined {
    return this.courts.get(code);
  }

  acceptsMatter(code: string, matterType: MatterType): boolean {
    return this.courts.get(code)?.matterTypes.includes(matterType) ?? false;
  }

  acceptsAssetSearches(code: string): boolean {
    return this.courts.get(code)?.acceptsAssetSearches ?? false;
  }
}

function consistencyProblems(courts: CourtRecord[]): string[] {
  const byCode = new Map<string, CourtRecord>();
  const problems: string[] = [];
  for (const court of courts) {
    if (byCode.has(court.code)) problems.push(`${court.code}: listed twice`);
    byCode.set(court.code, court);
  }
  for (const court of courts) {
    const abbreviation = PROVINCES[court.province].abbreviation;
    if (!court.caseNumberCode.startsWith(abbreviation)) {
      problems.push(
        `${court.code}: case-number code ${court.caseNumberCode} does not start with ${abbreviation}`,
      );
    }
    if (court.superiorCourt === undefined) continue;
    const superior = byCode.get(court.superiorCourt);
    if (!superior) {
      problems.push(`${court.code}: superior court ${court.superiorCourt} is not in the directory`);
    } else if (LEVEL_BELOW[superior.level] !== court.level) {
      problems.push(
        `${court.code}: a ${court.level} court cannot be under the ${superior.level} court ${superior.code}`,
      );
    } else if (
      !court.divisionCode.startsWith(superior.divisionCode) ||
      superior.province !== court.province
    ) {
      problems.push(
        `${court.code}: its area ${court.divisionCode} is not inside ${superior.code}'s ${superior.divisionCode}`,
      );
    }
  }
  return problems;
}
