import {
  Body,
  Controller,
  Get,
  HttpCode,
  Inject,
  Post,
  Req,
  Res,
  UnauthorizedException,
} from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { Request, Response } from 'express';
import { AccountView, SessionView, SignInBody } from './account.dto';
import { AccountsService, toView } from './accounts.service';
import { AllowSignedIn, Public } from './access.decorators';
import { AuthenticatedRequest } from './auth.guard';
import { AUTH_OPTIONS, AuthOptions } from './auth-options';
import { clearSessionCookie, setSessionCookie } from './session-cookie';

@ApiTags('session')
@Controller('api/session')
export class SessionController {
  constructor(
    private readonly accounts: AccountsService,
    @Inject(AUTH_OPTIONS) private readonly options: AuthOptions,
  ) {}

  @Post()
  @Public()
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Sign in: a bearer token for the API, also set as an HTTP-only cookie for the web pages',
  })
  @ApiOkResponse({ type: SessionView })
  @ApiUnauthorizedResponse({ description: 'Wrong user name or password, or a disabled account' })
  async signIn(
    @Body() body: SignInBody,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<SessionView> {
    const session = await this.accounts.signIn(body.username, body.password);
    setSessionCookie(request, response, this.options.audience, session);
    return {
      token: session.token,
      expiresAt: session.expiresAt.toISOString(),
      account: toView(session.account),
    };
  }

  @Get()
  @AllowSignedIn()
  @ApiOperation({ summary: 'Who is signed in' })
  @ApiOkResponse({ type: AccountView })
  async current(@Req() request: AuthenticatedRequest): Promise<AccountView> {
    if (!request.signedIn) throw new UnauthorizedException('sign in first');
    return this.accounts.view(request.signedIn.username);
  }

  @Post('sign-out')
  @Public()
  @HttpCode(204)
  @ApiOperation({ summary: "Sign out: forget the browser's session cookie" })
  signOut(@Res({ passthrough: true }) response: Response): void {
    clearSessionCookie(response, this.options.audience);
  }
}
