import { Directive } from 'type-graphql';
import { type Role } from './role';

/** SDL of the role directive; every subgraph declares it identically so composition keeps it. */
export const AUTH_DIRECTIVE_SDL = `
"""
Who may use this field or type: any signed-in user, or only the listed roles. With
\`owner\`, the user whose id the object holds in that field passes too (their own data).
"""
directive @auth(requires: [Role!], owner: String) on FIELD_DEFINITION | OBJECT
`;

/**
 * Marks a field or type as protected. With no roles any signed-in user passes.
 * It only writes the directive into the schema; the guard (applyAuthGuard) reads it
 * back from there, so what the SDL says and what runs cannot drift apart.
 */
export function Auth(...roles: Role[]) {
  return Directive(roles.length ? `@auth(requires: [${roles.join(', ')}])` : '@auth');
}

/**
 * Like `Auth(...roles)`, and the user whose id is in the object's `ownerField` passes
 * too: on a type it guards its fields and its entity references, on a field that field.
 */
export function AuthOrOwner(ownerField: string, ...roles: [Role, ...Role[]]) {
  return Directive(`@auth(requires: [${roles.join(', ')}], owner: ${JSON.stringify(ownerField)})`);
}
