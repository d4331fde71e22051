import { DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AccountsController } from './accounts.controller';
import { AccountsService } from './accounts.service';
import { AUTH_OPTIONS, AuthOptions } from './auth-options';
import { AuthGuard } from './auth.guard';
import { SessionController } from './session.controller';
import { SessionTokens } from './session-tokens';

/**
 * Sign-in, accounts and the guard in front of every endpoint. The service adds `UserAccount`
 * to its entities and creates its table in a migration (`CreateUserAccounts1765300000000`).
 */
@Module({})
export class AuthModule {
  static forRoot(options: AuthOptions): DynamicModule {
    return {
      module: AuthModule,
      global: true,
      controllers: [SessionController, AccountsController],
      providers: [
        { provide: AUTH_OPTIONS, useValue: options },
        {
          provide: SessionTokens,
          useValue: new SessionTokens(
            options.secret,
            options.audience,
            options.sessionHours * 3600,
          ),
        },
        AccountsService,
        { provide: APP_GUARD, useClass: AuthGuard },
      ],
      exports: [AccountsService],
    };
  }
}
