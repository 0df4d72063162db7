import { type SeededRandom } from './random';

/** One hostile value for one argument; `marker` is text the answer must never echo back. */
export interface Hostile {
  label: string;
  value: unknown;
  marker?: string;
}

/** Strings attack trimming, length limits, control characters, encodings and the database. */
const strings = (): Hostile[] => [
  { label: 'empty string', value: '' },
  { label: 'whitespace only', value: ' \t  ' },
  { label: 'padded', value: '  fzqPAD  ', marker: 'fzqPAD' },
  { label: 'very long', value: `fzqLONG${'x'.repeat(10_001)}`, marker: 'fzqLONG' },
  { label: 'NUL byte', value: 'fzqNUL\u0000after', marker: 'fzqNUL' },
  { label: 'control characters', value: 'fzqCTL\u0007\u001b[31m', marker: 'fzqCTL' },
  { label: 'unicode', value: 'fzqUNI 名前 😀 \u202e', marker: 'fzqUNI' },
  { label: 'lone surrogate', value: 'fzqSUR\ud800', marker: 'fzqSUR' },
  { label: 'operator text', value: 'fzqOP{"$gt":""}', marker: 'fzqOP' },
  { label: 'number for a string', value: 12345 },
  { label: 'operator object for a string', value: { $ne: null } },
];

const ids = (random: SeededRandom): Hostile[] => [
  { label: 'empty id', value: '' },
  { label: 'malformed id', value: 'fzqNOTANID', marker: 'fzqNOTANID' },
  { label: 'upper-case id', value: random.hex(24).toUpperCase() },
  { label: 'id one character long', value: `${random.hex(24)}f` },
  { label: 'id of 24 non-hex characters', value: 'zzzzzzzzzzzzzzzzzzzzzzzz' },
  { label: 'id with NUL', value: `${random.hex(23)}\u0000` },
  { label: 'operator object for an id', value: { $ne: null } },
  { label: 'number for an id', value: 123 },
];

const ints = (): Hostile[] => [
  { label: 'negative', value: -1 },
  { label: 'zero', value: 0 },
  { label: 'Int max', value: 2_147_483_647 },
  { label: 'Int min', value: -2_147_483_648 },
  { label: 'beyond Int', value: 2_147_483_648 },
  { label: 'fraction', value: 1.5 },
  { label: 'huge', value: 1e308 },
  { label: 'string for a number', value: 'fzqNUM', marker: 'fzqNUM' },
];

const dates = (): Hostile[] => [
  { label: 'empty date', value: '' },
  { label: 'not a date', value: 'fzqDATE', marker: 'fzqDATE' },
  { label: 'impossible date', value: '2026-02-30T00:00:00Z' },
  { label: 'year 9999', value: '9999-12-31T23:59:59Z' },
  { label: 'year 0', value: '0000-01-01T00:00:00Z' },
  { label: 'epoch number', value: 1_700_000_000_000 },
];

const jsonObjects = (): Hostile[] => [
  { label: 'operator object', value: { $ne: null } },
  { label: '$where', value: { $where: 'fzqWHERE' }, marker: 'fzqWHERE' },
  { label: 'operator inside a nested value', value: { all: [{ name: { $gt: '' } }] } },
  { label: 'NUL inside a nested value', value: { name: 'fzqNESTED\u0000' }, marker: 'fzqNESTED' },
  { label: '__proto__ key', value: JSON.parse('{"__proto__":{"fzqPROTO":true}}'), marker: 'fzqPROTO' },
  { label: 'array for an object', value: [1, 2] },
  { label: 'string for an object', value: 'fzqJSONSTR', marker: 'fzqJSONSTR' },
];

const booleans = (): Hostile[] => [
  { label: 'string for a boolean', value: 'true' },
  { label: 'number for a boolean', value: 1 },
];

const enums = (values: string[]): Hostile[] => [
  { label: 'unknown enum value', value: 'fzqENUM', marker: 'fzqENUM' },
  { label: 'lower-case enum value', value: values[0]?.toLowerCase() ?? 'x' },
  { label: 'number for an enum', value: 1 },
];

/** Hostile values for a named leaf type of the schema (scalar or enum). */
export function hostileLeaves(
  typeName: string,
  enumValues: string[] | null,
  random: SeededRandom,
): Hostile[] {
  if (enumValues) return enums(enumValues);
  switch (typeName) {
    case 'ID':
      return ids(random);
    case 'Int':
    case 'Float':
    case 'SafeInt':
      return [...ints(), ...(typeName === 'SafeInt' ? [{ label: 'beyond safe', value: 2 ** 53 + 2 }] : [])];
    case 'Boolean':
      return booleans();
    case 'DateTime':
      return dates();
    case 'JSON':
    case 'JSONObject':
      return jsonObjects();
    default:
      return strings();
  }
}

/** Hostile shapes for a whole input object or list. */
export const hostileObjects = (): Hostile[] => [
  { label: 'null object', value: null },
  { label: 'empty object', value: {} },
  { label: 'string for an object', value: 'fzqOBJ', marker: 'fzqOBJ' },
  { label: 'list for an object', value: [] },
];

/**
 * For an input object that holds a list of itself (a condition tree): a value nested 200
 * levels and one 5,000 items wide, each made of a valid `leaf`, so the limits are reached.
 */
export function hostileTrees(listField: string, leaf: unknown): Hostile[] {
  const nest = (levels: number): unknown => (levels === 0 ? leaf : { [listField]: [nest(levels - 1)] });
  return [
    { label: 'nested 200 levels', value: nest(200) },
    { label: '5,000 items wide', value: { [listField]: Array.from({ length: 5000 }, () => leaf) } },
  ];
}

export const hostileLists = (): Hostile[] => [
  { label: 'empty list', value: [] },
  { label: 'list of nulls', value: [null] },
  { label: 'ten thousand items', value: Array.from({ length: 10_000 }, () => 'fzqITEM'), marker: 'fzqITEM' },
];
