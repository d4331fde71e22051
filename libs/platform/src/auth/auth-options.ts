import { Role } from './roles';

export interface AuthOptions {
  /** `AUTH_TOKEN_SECRET`: signs this service's session tokens. */
  secret: string;
  /** Who the tokens are for: the court code, or `monitor`. */
  audience: string;
  sessionHours: number;
  /** The roles this service's accounts can have. */
  roles: readonly Role[];
}

export const AUTH_OPTIONS = Symbol('AUTH_OPTIONS');
