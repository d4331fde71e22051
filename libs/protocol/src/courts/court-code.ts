import { Matches, ValidationOptions } from 'class-validator';

/**
 * A court code identifies one court across the network. It is stable, lowercase ASCII and
 * used verbatim as a NATS subject token and inside JetStream consumer names, so it may not
 * contain dots, wildcards, whitespace or upper case.
 *
 * Examples: `xinzhou` (Xinzhou Intermediate Court), `xinzhou-xinfu` (a basic court under it).
 */
export const COURT_CODE_PATTERN = /^[a-z][a-z0-9-]{1,39}$/;

export const COURT_CODE_RULE =
  'a court code: 2 to 40 lowercase letters, digits or hyphens, starting with a letter';

export function isCourtCode(value: unknown): value is string {
  return typeof value === 'string' && COURT_CODE_PATTERN.test(value);
}

export function IsCourtCode(options?: ValidationOptions): PropertyDecorator {
  return Matches(COURT_CODE_PATTERN, { message: COURT_CODE_RULE, ...options });
}
