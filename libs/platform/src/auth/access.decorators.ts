import { SetMetadata } from '@nestjs/common';
import { Role } from './roles';

export const ALLOWED_ROLES = 'allowed-roles';
export const PUBLIC_ENDPOINT = 'public-endpoint';

/** Who may call the endpoint (or every endpoint of the controller). */
export const Allow = (...roles: Role[]) => SetMetadata(ALLOWED_ROLES, roles);

/** Any signed-in account of this service. */
export const AllowSignedIn = () => SetMetadata(ALLOWED_ROLES, 'signed-in');

/** No sign-in needed: health, metrics, and signing in itself. */
export const Public = () => SetMetadata(PUBLIC_ENDPOINT, true);
