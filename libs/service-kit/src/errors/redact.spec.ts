import { withoutInput } from './redact';

describe('withoutInput', () => {
  it.each([
    [
      'Variable "$input" got invalid value "hunter2\\u0000" at "input.stock"; Int cannot represent non-integer value: "hunter2\\u0000"',
      'Variable "$input" got an invalid value at "input.stock": expected a valid Int',
    ],
    [
      'Variable "$input" got invalid value "hunter2" at "input.status"; Value "hunter2" does not exist in "RequestStatus" enum. Did you mean the enum value "REJECTED"?',
      'Variable "$input" got an invalid value at "input.status": expected a value of the RequestStatus enum',
    ],
    [
      'Variable "$range" got invalid value "hunter2"; Expected type "DateRangeInput" to be an object.',
      'Variable "$range" got an invalid value: expected a DateRangeInput object',
    ],
    [
      'Variable "$input" got invalid value "hunter2" at "input.periodEnd"; DateTime cannot represent an invalid date-time-string hunter2.',
      'Variable "$input" got an invalid value at "input.periodEnd": expected a valid DateTime',
    ],
    [
      'Variable "$input" got invalid value { hunter2: 1 }; Field "hunter2" is not defined by type "LoginInput".',
      'Variable "$input" got an invalid value: a field is not defined by type "LoginInput"',
    ],
    [
      'Variable "$input" got invalid value {}; Field "email" of required type "String!" was not provided.',
      'Variable "$input" got an invalid value: field "email" of required type "String!" was not provided',
    ],
    [
      'Variable "$c" got invalid value "hunter2"; Expected type "JSONObject". something about hunter2',
      'Variable "$c" got an invalid value: expected a valid JSONObject',
    ],
    ['Expected value of type "Int!", found "hunter2"; Int cannot represent', 'Expected value of type "Int!"'],
  ])('leaves the value out of %s', (message, expected) => {
    expect(withoutInput(message)).toBe(expected);
    expect(withoutInput(message)).not.toContain('hunter2');
  });

  it('keeps messages that hold no value', () => {
    const message = 'Variable "$first" of required type "Int!" was not provided.';
    expect(withoutInput(message)).toBe(message);
  });
});
