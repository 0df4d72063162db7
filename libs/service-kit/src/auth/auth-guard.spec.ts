import { buildSchema, graphql } from 'graphql';
import { pino } from 'pino';
import { applyAuthGuard } from './auth-guard';
import { AUTH_DIRECTIVE_SDL } from './auth-directive';
import { ownedByCaller } from './owned-by-caller';
import { Role } from './role';
import { type ServiceContext } from './service-context';

const schema = applyAuthGuard(
  buildSchema(`
    ${AUTH_DIRECTIVE_SDL}
    enum Role { ADMIN OPERATOR AUDITOR USER }
    type Person @auth(requires: [ADMIN, AUDITOR], owner: "id") {
      id: ID!
      secret: String @auth(requires: [ADMIN], owner: "id")
    }
    type Query { person: Person freshlySignedIn: Person }
  `),
);

const OWNER = 'aaaaaaaaaaaaaaaaaaaaaaaa';
const rootValue = {
  person: () => ({ id: OWNER, secret: 's' }),
  freshlySignedIn: () => ownedByCaller({ id: OWNER, secret: 's' }),
};
const context = (userId: string | null, roles: Role[] = [Role.USER]) =>
  ({
    identity: userId ? { userId, roles } : null,
    tokenFailure: null,
    logger: pino({ level: 'silent' }),
  }) as unknown as ServiceContext;

const run = async (source: string, ctx: ServiceContext) => {
  const result = await graphql({ schema, source, rootValue, contextValue: ctx });
  return { data: result.data, codes: (result.errors ?? []).map((e) => e.extensions.code) };
};

describe('@auth with an owner', () => {
  it('when the owner reads the object, then every field passes', async () => {
    expect(await run('{ person { id secret } }', context(OWNER))).toEqual({
      data: { person: { id: OWNER, secret: 's' } },
      codes: [],
    });
  });

  it("when an AUDITOR reads another user's object, then the type's rule lets them in and the field's rule keeps them out", async () => {
    expect(await run('{ person { id secret } }', context('b'.repeat(24), [Role.AUDITOR]))).toEqual({
      data: { person: { id: OWNER, secret: null } },
      codes: ['FORBIDDEN'],
    });
  });

  it("when a USER reads another user's object, then it is FORBIDDEN", async () => {
    expect((await run('{ person { id } }', context('b'.repeat(24)))).codes).toEqual(['FORBIDDEN']);
  });

  it('when a caller without a token reads an object, then it is UNAUTHENTICATED unless it was made for them', async () => {
    expect((await run('{ person { id } }', context(null))).codes).toEqual(['UNAUTHENTICATED']);
    expect(await run('{ freshlySignedIn { id secret } }', context(null))).toEqual({
      data: { freshlySignedIn: { id: OWNER, secret: 's' } },
      codes: [],
    });
  });
});
