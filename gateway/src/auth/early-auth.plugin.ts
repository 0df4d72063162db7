import { type ApolloServerPlugin } from '@apollo/server';
import { Kind, type FragmentDefinitionNode } from 'graphql';
import { AppError, ErrorCode, hasAnyRole } from '@rewardgraph/service-kit';
import { type GatewayContext } from '../gateway-context';
import { type RootFieldRules, selectedRootFields } from './root-field-rules';

// Status 200, as for the same refusal coming from a subgraph: clients read `extensions.code`.
const refuse = (code: ErrorCode, message: string) => new AppError(code, message, { http: { status: 200 } });

/**
 * Refuses an operation before planning when a root field's `@auth` rule (read from
 * the supergraph) cannot be met: it saves subgraph round trips and keeps a refused
 * token from reaching them. The subgraphs enforce the same rules again.
 */
export function earlyAuthPlugin(rules: RootFieldRules): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, document, contextValue }) {
          if (!operation) return;
          const fragments: Record<string, FragmentDefinitionNode> = {};
          for (const d of document.definitions)
            if (d.kind === Kind.FRAGMENT_DEFINITION) fragments[d.name.value] = d;
          for (const field of selectedRootFields(operation, fragments)) {
            const rule = rules.get(field);
            if (!rule) continue;
            if (!contextValue.identity) {
              throw refuse(
                ErrorCode.UNAUTHENTICATED,
                contextValue.tokenFailure?.message ?? 'Sign in to do this',
              );
            }
            if (rule.requires.length > 0 && !hasAnyRole(contextValue.identity, rule.requires)) {
              throw refuse(ErrorCode.FORBIDDEN, `Requires one of the roles ${rule.requires.join(', ')}`);
            }
          }
        },
      };
    },
  };
}
