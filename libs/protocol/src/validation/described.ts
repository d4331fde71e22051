const DESCRIPTIONS = new Map<string, string>();

/**
 * What a message part is for, who sends it and what the receiver does: kept on the class so the
 * generated schemas and the AsyncAPI document say it too.
 */
export function Described(description: string): ClassDecorator {
  return (target) => {
    DESCRIPTIONS.set(target.name, description);
  };
}

export function descriptionOf(className: string): string | undefined {
  return DESCRIPTIONS.get(className);
}
