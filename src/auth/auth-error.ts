/**
 * Why a caller may not run something: no valid credentials, or a missing scope. Thrown by
 * the auth layer, which knows nothing of GraphQL; the GraphQL layer (graphql/errors.ts)
 * turns it into an error with this code and the HTTP status that goes with it.
 */
export class AuthError extends Error {
  override readonly name = 'AuthError';
  constructor(
    readonly code: 'UNAUTHENTICATED' | 'FORBIDDEN',
    message: string,
  ) {
    super(message);
  }
}

export const credentialsNeeded = () =>
  new AuthError('UNAUTHENTICATED', 'credentials are needed: an API key or a bearer token');
