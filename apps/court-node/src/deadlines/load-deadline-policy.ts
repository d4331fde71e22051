import { fieldErrorsOf } from '@enforcement-link/protocol';
import { plainToInstance } from 'class-transformer';
import { registerDecorator, ValidationArguments, validateSync } from 'class-validator';
import { readFileSync } from 'node:fs';
import { DEFAULT_DEADLINE_POLICY, DeadlinePolicy } from './deadline-policy';

/**
 * A regional agreement's time limits from a JSON file: the defaults, with what the file sets in
 * their place. An invalid file stops the start-up, naming every field it got wrong.
 */
export function loadDeadlinePolicy(path: string | undefined): DeadlinePolicy {
  if (!path) return DEFAULT_DEADLINE_POLICY;
  try {
    return parseDeadlinePolicy(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(
      `deadline policy ${path}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

export function parseDeadlinePolicy(text: string): DeadlinePolicy {
  let overrides: unknown;
  try {
    overrides = JSON.parse(text);
  } catch {
    throw new Error('not JSON');
  }
  if (typeof overrides !== 'object' || overrides === null || Array.isArray(overrides)) {
    throw new Error('not a JSON object');
  }
  const policy = plainToInstance(DeadlinePolicy, { ...DEFAULT_DEADLINE_POLICY, ...overrides });
  const problems = fieldErrorsOf(
    validateSync(policy, { whitelist: true, forbidNonWhitelisted: true }),
  );
  if (problems.length > 0) {
    throw new Error(problems.map((problem) => `${problem.field}: ${problem.rule}`).join('\n'));
  }
  return policy;
}

/** A configuration variable that names a valid deadline policy file. */
export function IsDeadlinePolicyFile(): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isDeadlinePolicyFile',
      target: target.constructor,
      propertyName: String(propertyName),
      validator: {
        validate: (value: unknown) => policyFileProblem(value) === undefined,
        defaultMessage: ({ value }: ValidationArguments) =>
          `a readable deadline policy file (${policyFileProblem(value) ?? ''})`,
      },
    });
}

function policyFileProblem(path: unknown): string | undefined {
  if (typeof path !== 'string') return 'not a path';
  try {
    loadDeadlinePolicy(path);
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message.replaceAll('\n', '; ') : String(error);
  }
}
