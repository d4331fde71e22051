import { Nested } from '../validation/nested';

import { ArrayUnique, IsArray, IsBoolean, Matches, ValidateIf } from 'class-validator';
import { IsMatterType, MatterType } from '../messages/delegation.messages';
import { Text } from '../messages/parts/text';
import { IsCourtCode } from './court-code';
import { IsOneOf } from '../validation/is-one-of';

/** Provincial-level divisions on the network, with the abbreviation their case numbers use. */
export const PROVINCES = {
  shanxi: { zh: '山西', en: 'Shanxi', abbreviation: '晋' },
  shaanxi: { zh: '陕西', en: 'Shaanxi', abbreviation: '陕' },
  gansu: { zh: '甘肃', en: 'Gansu', abbreviation: '甘' },
  ningxia: { zh: '宁夏', en: 'Ningxia', abbreviation: '宁' },
  'inner-mongolia': { zh: '内蒙古', en: 'Inner Mongolia', abbreviation: '内' },
} as const;
export type Province = keyof typeof PROVINCES;

export const COURT_LEVELS = ['high', 'intermediate', 'basic'] as const;
export type CourtLevel = (typeof COURT_LEVELS)[number];

export class CourtName {
  @Text(100)
  zh: string;

  @Text(200)
  en: string;
}

/** One court of the network directory. */
export class CourtRecord {
  @IsCourtCode()
  code: string;

  @Nested(() => CourtName)
  name: CourtName;

  @IsOneOf(Object.keys(PROVINCES))
  province: Province;

  @IsOneOf(COURT_LEVELS)
  level: CourtLevel;

  /** The code in the court's case numbers: 晋09 for Xinzhou Intermediate Court, 晋 for Shanxi High Court. */
  @Matches(/^\p{Script=Han}(?:\d{2}){0,2}$/u, { message: 'a case-number court code such as 晋09' })
  caseNumberCode: string;

  /** Administrative division code of the court's area: 14 (Shanxi), 1409 (Xinzhou), 140902 (Xinfu). */
  @Matches(/^\d{2}(?:\d{2}){0,2}$/, {
    message: 'an administrative division code of 2, 4 or 6 digits',
  })
  divisionCode: string;

  /** The court one level up; every court but a high court has one. */
  @ValidateIf((court: CourtRecord) => court.level !== 'high' || court.superiorCourt !== undefined)
  @IsCourtCode()
  superiorCourt?: string;

  /** The matters this court takes on when another court delegates them. */
  @IsArray({ message: 'a list of matter types' })
  @ArrayUnique({ message: 'each matter type once' })
  @IsMatterType({ each: true })
  matterTypes: MatterType[];

  @IsBoolean({ message: 'true or false' })
  acceptsAssetSearches: boolean;
}
