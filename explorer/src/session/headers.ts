/**
 * The Headers pane holds a JSON object. These keep whatever else the user wrote there and
 * change only the Authorization entry, whatever its letter case.
 */
type Headers = Record<string, unknown>;

const isAuthorization = (name: string) => name.toLowerCase() === 'authorization';

export const withoutAuthorization = (headers: Headers): Headers =>
  Object.fromEntries(Object.entries(headers).filter(([name]) => !isAuthorization(name)));

export const withBearer = (headers: Headers, accessToken: string): Headers => ({
  ...withoutAuthorization(headers),
  Authorization: `Bearer ${accessToken}`,
});

export const authorizationOf = (headers: Headers): string | undefined => {
  const entry = Object.entries(headers).find(([name]) => isAuthorization(name));
  return typeof entry?.[1] === 'string' ? entry[1] : undefined;
};
