import { IsOneOf } from '@enforcement-link/protocol';
import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { MIN_PASSWORD_LENGTH } from './passwords';
import { Role, ROLES } from './roles';

const USERNAME_RULE =
  'a user name of 2 to 64 lowercase letters, digits, dots, dashes or underscores';
const PASSWORD_RULE = `a password of ${MIN_PASSWORD_LENGTH} to 200 characters`;

export class SignInBody {
  @IsString({ message: USERNAME_RULE })
  @MaxLength(64, { message: USERNAME_RULE })
  username: string;

  @IsString({ message: 'the password as text' })
  @MaxLength(200, { message: PASSWORD_RULE })
  password: string;
}

export class NewPasswordBody {
  @IsString({ message: PASSWORD_RULE })
  @MinLength(MIN_PASSWORD_LENGTH, { message: PASSWORD_RULE })
  @MaxLength(200, { message: PASSWORD_RULE })
  password: string;
}

export class NewAccountBody extends NewPasswordBody {
  @Matches(/^[a-z0-9][a-z0-9._-]{1,63}$/, { message: USERNAME_RULE })
  username: string;

  @IsString({ message: 'a name of 1 to 100 characters' })
  @MinLength(1, { message: 'a name of 1 to 100 characters' })
  @MaxLength(100, { message: 'a name of 1 to 100 characters' })
  displayName: string;

  @IsOneOf(ROLES)
  role: Role;
}

/** An account as the API shows it: never its password hash. */
export class AccountView {
  username: string;
  displayName: string;
  @ApiProperty({ enum: ROLES })
  role: Role;
  disabled: boolean;
  createdAt: string;
}

export class SessionView {
  /** Send as `Authorization: Bearer <token>`; browsers also get it as an HTTP-only cookie. */
  token: string;
  expiresAt: string;
  account: AccountView;
}
