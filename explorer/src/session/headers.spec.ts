import { authorizationOf, withBearer, withoutAuthorization } from './headers';

describe('the Authorization entry of the Headers pane', () => {
  it('when a token is set, then other headers stay and any old authorization, whatever its case, is replaced', () => {
    const headers = { 'x-request-id': 'abc', authorization: 'Bearer old', AUTHORIZATION: 'Bearer older' };
    expect(withBearer(headers, 'new')).toEqual({ 'x-request-id': 'abc', Authorization: 'Bearer new' });
  });

  it('when signing out, then only the authorization entry goes', () => {
    expect(withoutAuthorization({ Authorization: 'Bearer t', 'x-a': '1' })).toEqual({ 'x-a': '1' });
  });

  it('when reading it, then the entry is found in any case and a non-string value counts as none', () => {
    expect(authorizationOf({ authorization: 'Bearer t' })).toBe('Bearer t');
    expect(authorizationOf({ Authorization: 42 })).toBeUndefined();
    expect(authorizationOf({})).toBeUndefined();
  });
});
