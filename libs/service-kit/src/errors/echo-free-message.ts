/**
 * graphql-js words the refusal of a variable or a literal with the refused value in it
 * (`Variable "$input" got invalid value "hunter2" at "input.password"; …`). The contract
 * says no error echoes the caller's input, so the value is left out: the message keeps
 * the variable, the path and what was expected, all of which come from the schema.
 */
const VARIABLE = /^Variable "\$(\w+)" got invalid value [\s\S]*?(?: at "([^"]+)")?; ([\s\S]*)$/;
const LITERAL = /^(Expected value of type "[^"]+"), found [\s\S]*$/;

/** Why a value was refused, said without the value. */
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

export function echoFreeMessage(message: string): string {
  const variable = VARIABLE.exec(message);
  if (variable) {
    const [, name, at, reason] = variable;
    return `Variable "$${name}" got an invalid value${at ? ` at "${at}"` : ''}: ${reasonWithoutValue(reason)}`;
  }
  const literal = LITERAL.exec(message);
  return literal ? `${literal[1]}: the value is not valid` : message;
}
