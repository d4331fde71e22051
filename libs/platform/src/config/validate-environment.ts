import { ClassConstructor, plainToInstance } from 'class-transformer';
import { getMetadataStorage, validateSync } from 'class-validator';

export type Environment = Record<string, string | undefined>;

/** Thrown when variables are missing or malformed; one problem per variable, ready to print. */
export class InvalidEnvironmentError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration: ${problems.join('; ')}`);
    this.name = 'InvalidEnvironmentError';
  }
}

/** Variables whose values are never printed, not even wrong ones. */
const SECRET_VARIABLE = /(SECRET|PASSWORD|SEED)$/;

/**
 * Reads the variables a schema class declares (its validated properties) from the environment,
 * applies the class's defaults, converts and validates them. An empty value counts as unset, so
 * `PORT=` in a compose file falls back to the default instead of failing as "not a number".
 */
export function validateEnvironment<T extends object>(
  schema: ClassConstructor<T>,
  environment: Environment,
): T {
  const variables = declaredVariables(schema);
  const provided: Record<string, string> = {};
  for (const name of variables) {
    const value = environment[name];
    if (value !== undefined && value.trim() !== '') provided[name] = value.trim();
  }

  const config = plainToInstance(schema, provided, { exposeDefaultValues: true });
  const problems = validateSync(config).map((error) => {
    const rules = [...new Set(Object.values(error.constraints ?? {}))].join('; ');
    const raw = provided[error.property];
    if (raw === undefined) return `${error.property} is not set; it must be ${rules}`;
    return SECRET_VARIABLE.test(error.property)
      ? `${error.property} is invalid; it must be ${rules}`
      : `${error.property} is invalid (${JSON.stringify(redactPassword(raw))}); it must be ${rules}`;
  });
  if (problems.length > 0) throw new InvalidEnvironmentError(problems);
  return config;
}

/**
 * For a service's entry point: the validated configuration, or one line per bad variable on
 * stderr and exit code 1, before anything else starts.
 */
export function loadEnvironmentOrExit<T extends object>(
  schema: ClassConstructor<T>,
  environment: Environment = process.env,
): T {
  try {
    return validateEnvironment(schema, environment);
  } catch (error) {
    if (!(error instanceof InvalidEnvironmentError)) throw error;
    process.stderr.write(
      `Refusing to start: invalid configuration\n${error.problems.map((p) => `  ${p}\n`).join('')}`,
    );
    process.exit(1);
  }
}

function declaredVariables(schema: ClassConstructor<object>): string[] {
  const metadata = getMetadataStorage().getTargetValidationMetadatas(schema, '', true, false);
  return [...new Set(metadata.map((entry) => entry.propertyName))];
}

/** Error lines end up in logs: a password inside a URL must not. */
function redactPassword(value: string): string {
  return value.replace(/(:\/\/[^:/@\s]+):[^@\s]*@/g, '$1:***@');
}
