import { Kind, parse, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';
import { readRootFieldRules, selectedRootFields } from './root-field-rules';

const supergraph = `
  directive @auth(requires: [Role!]) on FIELD_DEFINITION | OBJECT
  enum Role { ADMIN OPERATOR AUDITOR USER }
  type Query { me: String @auth  events: [String] @auth  hello: String }
  type Mutation { signUp: String  createEvent: String @auth(requires: [ADMIN, OPERATOR]) }
`;

describe('root field rules', () => {
  it('when the supergraph marks fields with @auth, then each root field gets its rule or none', () => {
    const rules = readRootFieldRules(supergraph);
    expect(rules.get('Query.me')).toEqual({ requires: [] });
    expect(rules.get('Query.hello')).toBeNull();
    expect(rules.get('Mutation.createEvent')).toEqual({ requires: ['ADMIN', 'OPERATOR'] });
    expect(rules.get('Mutation.signUp')).toBeNull();
  });

  it('when an operation hides root fields in fragments, then they are still found', () => {
    const document = parse(`
      query Q { hello ...F ... on Query { events } __typename }
      fragment F on Query { me ...F }
    `);
    const operation = document.definitions[0] as OperationDefinitionNode;
    const fragments = Object.fromEntries(
      document.definitions
        .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
        .map((d) => [d.name.value, d]),
    );
    expect(selectedRootFields(operation, fragments).sort()).toEqual([
      'Query.events',
      'Query.hello',
      'Query.me',
    ]);
  });
});
