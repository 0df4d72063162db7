import { randomUUID } from 'node:crypto';
import { LoginDocument, MeDocument, SignUpDocument } from '@rewardgraph/api-client';
import { withDb } from '../support/databases';
import { stack } from '../support/env';
import { uniqueEmail, login } from '../support/fixtures';
import { errorCodes, gql, gqlOk } from '../support/graphql';

const usersWithEmail = (email: string) =>
  withDb(stack().userDbUrl, (db) => db.collection('users').countDocuments({ email: email.toLowerCase() }));

describe('sign-up, login and me through the gateway', () => {
  it('when a player signs up and logs in, then me answers with their account and the USER role', async () => {
    const email = uniqueEmail('player');
    const password = `pw-${randomUUID()}`;

    const { signUp } = await gqlOk(SignUpDocument, {
      input: { email, password },
    });
    const session = await login(email, password);
    const { me } = await gqlOk(MeDocument, {}, { token: session.token });

    expect(signUp).toMatchObject({ email, roles: ['USER'] });
    expect(me).toEqual({ id: signUp.id, email, roles: ['USER'] });
  });

  it('when the email differs only in case, then sign-up is a CONFLICT and one account remains', async () => {
    const email = uniqueEmail('twice');
    await gqlOk(SignUpDocument, { input: { email, password: 'first-password-123' } });

    const again = await gql(SignUpDocument, {
      input: { email: email.toUpperCase(), password: 'second-password-123' },
    });

    expect(errorCodes(again)).toEqual(['CONFLICT']);
    expect(await usersWithEmail(email)).toBe(1);
  });

  it.each([
    ['a malformed email', { email: 'not-an-email', password: 'long-enough-password' }],
    ['a short password', { email: uniqueEmail('short'), password: 'short' }],
  ])('when sign-up has %s, then it is BAD_USER_INPUT and nothing is written', async (_case, input) => {
    const result = await gql(SignUpDocument, { input });

    expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
    expect(await usersWithEmail(input.email)).toBe(0);
  });

  it('when the password is wrong or the email unknown, then both give the same UNAUTHENTICATED error', async () => {
    const email = uniqueEmail('wrong');
    await gqlOk(SignUpDocument, { input: { email, password: 'right-password-123' } });

    const wrongPassword = await gql(LoginDocument, { input: { email, password: 'wrong-password-123' } });
    const unknownEmail = await gql(LoginDocument, {
      input: { email: uniqueEmail('nobody'), password: 'whatever-123456' },
    });

    expect(errorCodes(wrongPassword)).toEqual(['UNAUTHENTICATED']);
    expect(unknownEmail.errors).toEqual(wrongPassword.errors);
  });

  it('when the bootstrapped admin logs in, then me shows the ADMIN role', async () => {
    const admin = await login(stack().adminEmail, stack().adminPassword);
    const { me } = await gqlOk(MeDocument, {}, { token: admin.token });
    expect(me.roles).toContain('ADMIN');
  });
});
