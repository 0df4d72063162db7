/**
 * graphql-js writes the refused value into some of its messages (variable coercion,
 * literals of the wrong type). Those shapes are rewritten to say where and what kind of
 * problem, without the value: it may be a password.
 */
const ECHOING: [RegExp, (...groups: string[]) => string][] = [
  [
    /^(Variable "\$\w+") got invalid value [\s\S]*?(?: at "([\w.[\]]+)")?; [\s\S]*$/,
    (variable, path) => `${variable} got an invalid value${path ? ` at "${path}"` : ''}`,
  ],
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
