/** Start-up and CLI errors of the auth layer; HTTP answers use the API_ERR_* catalogue instead. */
export type AuthErrorCode =
  /** The API keys file is not valid YAML or a record is malformed. */
  | 'AUTH_ERR_KEYS_FILE_INVALID'
  /** The policy file is not valid YAML, or names an unknown role. */
  | 'AUTH_ERR_POLICY_INVALID'
  /** A registered route has no entry in the policy (the app refuses to start: fail closed). */
  | 'AUTH_ERR_POLICY_MISSING_ROUTE';

export class AuthError extends Error {
  override readonly name = 'AuthError';
  readonly code: AuthErrorCode;

  constructor(code: AuthErrorCode, message: string, options?: ErrorOptions) {
    super(message, options);
    this.code = code;
  }
}
