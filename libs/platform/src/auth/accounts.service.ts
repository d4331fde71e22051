import {
  BadRequestException,
  ConflictException,
  Inject,
  Injectable,
  NotFoundException,
  UnauthorizedException,
} from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AccountView, NewAccountBody } from './account.dto';
import { AUTH_OPTIONS, AuthOptions } from './auth-options';
import { hashPassword, passwordMatches, UNMATCHABLE_HASH } from './passwords';
import { SessionClaims, SessionTokens } from './session-tokens';
import { UserAccount } from './user-account.entity';

/** How long a looked-up account is trusted before it is read again (disabling takes effect). */
const ACCOUNT_CACHE_MS = 5_000;
const SIGN_IN_REFUSED = 'the user name or password is wrong, or the account is disabled';

/** The accounts of this service: sign-in, and the checks behind every authenticated request. */
@Injectable()
export class AccountsService {
  private readonly cached = new Map<string, { account: UserAccount | null; readAt: number }>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly tokens: SessionTokens,
    @Inject(AUTH_OPTIONS) private readonly options: AuthOptions,
  ) {}

  async signIn(
    username: string,
    password: string,
  ): Promise<{ token: string; expiresAt: Date; account: UserAccount }> {
    const account = await this.repository.findOneBy({ username });
    // Compared even for an unknown name, so the answer's timing does not tell which names exist.
    const matches = await passwordMatches(password, account?.passwordHash ?? UNMATCHABLE_HASH);
    if (!account || !matches || account.disabledAt)
      throw new UnauthorizedException(SIGN_IN_REFUSED);
    return { ...this.tokens.issue(account.username, account.role), account };
  }

  /** The account a token speaks for, if it is still active and the token still valid for it. */
  async accountFor(claims: SessionClaims): Promise<UserAccount | { refused: string }> {
    const account = await this.lookUp(claims.sub);
    if (!account) return { refused: `no account ${claims.sub}` };
    if (account.disabledAt) return { refused: `the account ${claims.sub} is disabled` };
    if (account.role !== claims.role)
      return { refused: `the account's role changed; sign in again` };
    if (claims.iat < Math.floor(account.passwordChangedAt.getTime() / 1000)) {
      return { refused: 'the password changed after this session began; sign in again' };
    }
    return account;
  }

  async list(): Promise<AccountView[]> {
    const accounts = await this.repository.find({ order: { username: 'ASC' } });
    return accounts.map(toView);
  }

  async view(username: string): Promise<AccountView> {
    const account = await this.repository.findOneBy({ username });
    if (!account) throw new NotFoundException(`no account ${username}`);
    return toView(account);
  }

  async create(body: NewAccountBody): Promise<AccountView> {
    if (!this.options.roles.includes(body.role)) {
      throw new BadRequestException({
        message: `role: one of ${this.options.roles.join(', ')} on this service`,
        fieldErrors: [
          { field: 'role', rule: `one of ${this.options.roles.join(', ')} on this service` },
        ],
      });
    }
    const inserted = await this.repository
      .createQueryBuilder()
      .insert()
      .values({
        username: body.username,
        displayName: body.displayName,
        role: body.role,
        passwordHash: await hashPassword(body.password),
        passwordChangedAt: new Date(),
      })
      .orIgnore()
      .returning('username')
      .execute();
    if ((inserted.raw as unknown[]).length === 0) {
      throw new ConflictException(`an account ${body.username} exists already`);
    }
    return toView(await this.repository.findOneByOrFail({ username: body.username }));
  }

  async changePassword(username: string, password: string): Promise<AccountView> {
    return this.update(username, {
      passwordHash: await hashPassword(password),
      passwordChangedAt: new Date(),
    });
  }

  disable(username: string): Promise<AccountView> {
    return this.update(username, { disabledAt: new Date() });
  }

  private async update(username: string, change: Partial<UserAccount>): Promise<AccountView> {
    const result = await this.repository.update({ username }, change);
    if (!result.affected) throw new NotFoundException(`no account ${username}`);
    this.cached.delete(username);
    return toView(await this.repository.findOneByOrFail({ username }));
  }

  private async lookUp(username: string): Promise<UserAccount | null> {
    const hit = this.cached.get(username);
    if (hit && Date.now() - hit.readAt < ACCOUNT_CACHE_MS) return hit.account;
    const account = await this.repository.findOneBy({ username });
    this.cached.set(username, { account, readAt: Date.now() });
    return account;
  }

  private get repository() {
    return this.dataSource.getRepository(UserAccount);
  }
}

export function toView(account: UserAccount): AccountView {
  return {
    username: account.username,
    displayName: account.displayName,
    role: account.role,
    disabled: account.disabledAt !== null,
    createdAt: account.createdAt.toISOString(),
  };
}
