/**
 * graphql-js writes the refused value into some of its messages (variable coercion,
 * literals of the wrong type, scalar and enum refusals). Those shapes are rewritten to
 * say where and what was expected, both of which come from the schema, without the
 * value: it may be a password.
 */
const VARIABLE_AT = /^(Variable "\$\w+") got invalid value [\s\S]* at "([\w.[\]]+)"; ([\s\S]*)$/;
const VARIABLE = /^(Variable "\$\w+") got invalid value [\s\S]*; ([\s\S]*)$/;

/** Why a variable was refused, said without the value. */
function reasonWithoutValue(reason: string): string {
  const scalar = /^(\w+) cannot represent/.exec(reason);
  if (scalar) return `expected a valid ${scalar[1]}`;
  const enumValue = /does not exist in "(\w+)" enum/.exec(reason);
  if (enumValue) return `expected a value of the ${enumValue[1]} enum`;
  const object = /^Expected type "(\w+)" to be an object/.exec(reason);
  if (object) return `expected a ${object[1]} object`;
  const missing = /^Field "(\w+)" of required type "([^"]+)" was not provided/.exec(reason);
  if (missing) return `field "${missing[1]}" of required type "${missing[2]}" was not provided`;
  const unknown = /is not defined by type "(\w+)"/.exec(reason);
  if (unknown) return `a field is not defined by type "${unknown[1]}"`;
  const expected = /^Expected type "(\w+)"/.exec(reason);
  if (expected) return `expected a valid ${expected[1]}`;
  return 'the value is not valid';
}

const ECHOING: [RegExp, (...groups: string[]) => string][] = [
  [
    VARIABLE_AT,
    (variable, path, reason) =>
      `${variable} got an invalid value at "${path}": ${reasonWithoutValue(reason)}`,
  ],
  [VARIABLE, (variable, reason) => `${variable} got an invalid value: ${reasonWithoutValue(reason)}`],
  [/^Expected value of type ("[^"]+"), found [\s\S]*$/, (type) => `Expected value of type ${type}`],
  [/^(\w+) cannot represent [\s\S]*$/, (type) => `${type} cannot represent this value`],
  [
    /^Value [\s\S]* does not exist in ("\w+") enum\.[\s\S]*$/,
    (type) => `The value does not exist in ${type} enum.`,
  ],
];

export function withoutInput(message: string): string {
  for (const [shape, rewrite] of ECHOING) {
    const match = shape.exec(message);
    if (match) return rewrite(...match.slice(1));
  }
  return message;
}

/** "Did you mean …?" names parts of the schema; a production client gets no map of it. */
export const withoutSuggestions = (message: string) => message.replace(/\s*Did you mean [^?]*\?/g, '');
