import {
  CanActivate,
  ExecutionContext,
  ForbiddenException,
  Inject,
  Injectable,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Request } from 'express';
import { AccountsService } from './accounts.service';
import { ALLOWED_ROLES, PUBLIC_ENDPOINT } from './access.decorators';
import { Role } from './roles';
import { AUTH_OPTIONS, AuthOptions } from './auth-options';
import { sessionTokenOf } from './session-cookie';
import { SessionTokens } from './session-tokens';

/** The signed-in person behind a request, once the guard let it through. */
export interface SignedIn {
  username: string;
  role: Role;
}

export type AuthenticatedRequest = Request & { signedIn?: SignedIn };

/**
 * Guards every HTTP endpoint: it needs a valid session token of an active account whose role
 * the endpoint allows. An endpoint that declares neither roles nor `@Public()` is refused to
 * everyone, so a new endpoint is closed until someone decides who may use it. Messages from
 * other courts do not pass through here: they are checked by the message transport.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: SessionTokens,
    private readonly accounts: AccountsService,
    @Inject(AUTH_OPTIONS) private readonly options: AuthOptions,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ENDPOINT, targets)) return true;

    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const token = sessionTokenOf(request, this.options.audience);
    if (!token)
      throw new UnauthorizedException(
        'sign in first: send Authorization: Bearer <token> from POST /api/session',
      );
    const claims = this.tokens.verify(token);
    if ('refused' in claims) throw new UnauthorizedException(claims.refused);
    const account = await this.accounts.accountFor(claims);
    if ('refused' in account) throw new UnauthorizedException(account.refused);

    const allowed = this.reflector.getAllAndOverride<Role[] | 'signed-in' | undefined>(
      ALLOWED_ROLES,
      targets,
    );
    if (allowed !== 'signed-in' && !allowed?.includes(account.role)) {
      throw new ForbiddenException(
        allowed
          ? `${request.method} ${request.path} is for ${allowed.join(', ')}, not ${account.role}`
          : `${request.method} ${request.path} is open to no role`,
      );
    }
    request.signedIn = { username: account.username, role: account.role };
    return true;
  }
}
