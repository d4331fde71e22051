import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { AccountView, NewAccountBody, NewPasswordBody } from './account.dto';
import { AccountsService } from './accounts.service';
import { Allow } from './access.decorators';

/** Accounts are managed by the service's admins: a court admin at a court, a command-centre admin at the monitor. */
@ApiTags('accounts')
@Allow('court-admin', 'command-centre-admin')
@ApiBadRequestResponse({ description: 'A field broke a rule: `fieldErrors` names each' })
@Controller('api/accounts')
export class AccountsController {
  constructor(private readonly accounts: AccountsService) {}

  @Get()
  @ApiOperation({ summary: "This service's accounts" })
  @ApiOkResponse({ type: [AccountView] })
  list(): Promise<AccountView[]> {
    return this.accounts.list();
  }

  @Post()
  @ApiOperation({ summary: 'Open an account with a role this service has' })
  @ApiOkResponse({ type: AccountView })
  @ApiConflictResponse({ description: 'The user name is taken' })
  create(@Body() body: NewAccountBody): Promise<AccountView> {
    return this.accounts.create(body);
  }

  @Post(':username/password')
  @HttpCode(200)
  @ApiOperation({ summary: "Set an account's password; its open sessions end" })
  @ApiOkResponse({ type: AccountView })
  @ApiNotFoundResponse({ description: 'No such account' })
  changePassword(
    @Param('username') username: string,
    @Body() body: NewPasswordBody,
  ): Promise<AccountView> {
    return this.accounts.changePassword(username, body.password);
  }

  @Post(':username/disable')
  @HttpCode(200)
  @ApiOperation({ summary: 'Disable an account; its open sessions end within seconds' })
  @ApiOkResponse({ type: AccountView })
  @ApiNotFoundResponse({ description: 'No such account' })
  disable(@Param('username') username: string): Promise<AccountView> {
    return this.accounts.disable(username);
  }
}
