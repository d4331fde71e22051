/**
 * The canonical text of a JSON value, as RFC 8785 (JSON Canonicalization Scheme) defines it:
 * object members sorted by their names compared as UTF-16 code units, no whitespace, strings
 * escaped as ECMAScript's JSON.stringify escapes them (`\"`, `\\`, `\b \f \n \r \t`, other
 * control characters and lone surrogates as lowercase `\u00xx`, everything else as itself),
 * numbers in ECMAScript's shortest round-trip form (`1`, `0.5`, `1e+21`). Two parties that parse
 * the same JSON get the same text whatever order or spacing the sender used, so a signature over
 * it survives any re-serialisation in between.
 *
 * Values the JSON data model lacks are treated as JSON.stringify treats them, because that is how
 * a message is written to the wire: `undefined` members are left out, an `undefined` array item
 * is `null`, objects with `toJSON` (dates) are replaced by its result. Non-finite numbers throw.
 */
export function canonicalJson(value: unknown): string {
  const json = toJsonValue(value);
  if (Array.isArray(json)) return `[${json.map((item) => canonicalJson(item)).join(',')}]`;
  if (typeof json === 'object' && json !== null) {
    const record = json as Record<string, unknown>;
    const members = Object.keys(record)
      .filter((name) => record[name] !== undefined)
      // The default sort compares UTF-16 code units, which is the order RFC 8785 asks for.
      .sort()
      .map((name) => `${JSON.stringify(name)}:${canonicalJson(record[name])}`);
    return `{${members.join(',')}}`;
  }
  if (typeof json === 'number' && !Number.isFinite(json)) {
    throw new Error(`${json} has no JSON form`);
  }
  return JSON.stringify(json ?? null);
}

/** The UTF-8 bytes a message signature covers: the canonical envelope without `signature`. */
export function signedBytes(envelope: object): Buffer {
  const signed: Record<string, unknown> = { ...envelope };
  delete signed.signature;
  return Buffer.from(canonicalJson(signed), 'utf8');
}

function toJsonValue(value: unknown): unknown {
  if (typeof value === 'object' && value !== null && 'toJSON' in value) {
    const { toJSON } = value;
    if (typeof toJSON === 'function') return (toJSON as () => unknown).call(value);
  }
  return value;
}
