import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  type GraphQLInputObjectType,
  type GraphQLInputType,
} from 'graphql';
import { type SeededRandom } from './random';

/** Real records of the run, so a hostile value in one argument meets real data in the others. */
export interface FuzzFixture {
  eventId: string;
  rewardId: string;
  requestId: string;
  userId: string;
}

const DAY = 86_400_000;

/** Which fixture an `id` argument of a root field refers to, by the field's name. */
function idFor(fieldName: string, fixture: FuzzFixture): string | undefined {
  if (/request/i.test(fieldName)) return fixture.requestId;
  if (/user/i.test(fieldName)) return fixture.userId;
  if (/event/i.test(fieldName)) return fixture.eventId;
  if (/reward/i.test(fieldName)) return fixture.rewardId;
  return undefined;
}

/** Fields whose valid value depends on their name rather than their type. */
function named(name: string, n: number, fixture: FuzzFixture): unknown {
  const byName: Record<string, unknown> = {
    email: `fz-${n}@fuzz.rewardgraph.test`,
    password: 'fuzz-password-0001',
    eventId: fixture.eventId,
    rewardId: fixture.rewardId,
    userId: fixture.userId,
    idempotencyKey: `fz-key-${n}`,
    key: `fz-key-${n}`,
    from: new Date(Date.now() - 7 * DAY).toISOString(),
    periodStart: new Date(Date.now() - DAY).toISOString(),
    to: new Date(Date.now() + DAY).toISOString(),
    periodEnd: new Date(Date.now() + 7 * DAY).toISOString(),
  };
  return byName[name];
}

/**
 * Inputs that are only valid with some optional fields set: a catalog reward needs the
 * fields of its type, a review needs a decision; a rule on ACTIVITY needs its name (and
 * so its other fields reach the rule's own checks, not "activity is only for ACTIVITY").
 */
const VALID_INPUTS: Record<string, Record<string, unknown>> = {
  CreateRewardInput: { type: 'POINT', points: 10 },
  ReviewRewardRequestInput: { status: 'REJECTED', reason: 'fuzz baseline' },
  RuleInput: { metric: 'ACTIVITY', activity: 'fuzz_baseline' },
};

/**
 * The list field through which an input object holds itself (`all` of a condition) and a
 * valid leaf for it: the type with its first field of another input type set (`rule`).
 * Null for any other input object.
 */
export function treeOf(
  type: GraphQLInputObjectType,
  context: Parameters<typeof baselineValue>[2],
): { listField: string; leaf: unknown } | null {
  const fields = Object.values(type.getFields());
  const self = fields.find((f) => isListType(nullable(f.type)) && getNamedType(f.type) === type);
  const other = fields.find((f) => {
    const named = getNamedType(f.type);
    return isInputObjectType(named) && named !== type && !isListType(nullable(f.type));
  });
  if (!self || !other) return null;
  return { listField: self.name, leaf: { [other.name]: baselineValue(other.type, other.name, context) } };
}

const nullable = (type: GraphQLInputType) => (isNonNullType(type) ? type.ofType : type);

/** A valid value for every required argument (and nested field) of an operation. */
export function baselineValue(
  type: GraphQLInputType,
  name: string,
  context: { fieldName: string; n: number; fixture: FuzzFixture; random: SeededRandom },
): unknown {
  const inner = isNonNullType(type) ? type.ofType : type;
  const fromName =
    name === 'id' ? idFor(context.fieldName, context.fixture) : named(name, context.n, context.fixture);
  if (fromName !== undefined) return fromName;
  if (isListType(inner)) return [baselineValue(inner.ofType, name, context)];
  if (isInputObjectType(inner)) {
    const value: Record<string, unknown> = {};
    for (const field of Object.values(inner.getFields())) {
      if (isNonNullType(field.type) && field.defaultValue === undefined)
        value[field.name] = baselineValue(field.type, field.name, context);
    }
    return { ...value, ...VALID_INPUTS[inner.name] };
  }
  const leaf = getNamedType(inner);
  if (isEnumType(leaf)) return leaf.getValues()[0].name;
  switch (leaf.name) {
    case 'ID':
      return context.random.hex(24);
    case 'Int':
    case 'Float':
    case 'SafeInt':
      return 1;
    case 'Boolean':
      return false;
    case 'DateTime':
      return new Date().toISOString();
    case 'JSON':
    case 'JSONObject':
      return {};
    default:
      return `fuzz ${name} ${context.n}`;
  }
}
