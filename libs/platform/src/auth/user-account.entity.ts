import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { Role } from './roles';

/** A person who may sign in to this service; accounts are disabled, never deleted. */
@Entity('user_accounts')
export class UserAccount {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  username: string;

  @Column({ name: 'display_name', type: 'varchar', length: 100 })
  displayName: string;

  @Column({ type: 'varchar', length: 32 })
  role: Role;

  @Column({ name: 'password_hash', type: 'text' })
  passwordHash: string;

  /** Tokens issued before this are refused: changing a password signs out everywhere. */
  @Column({ name: 'password_changed_at', type: 'timestamptz' })
  passwordChangedAt: Date;

  @Column({ name: 'disabled_at', type: 'timestamptz', nullable: true })
  disabledAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/** The table's DDL, for the migration of every service that has accounts. */
export const CREATE_USER_ACCOUNTS_TABLE = `
  CREATE TABLE user_accounts (
    username varchar(64) PRIMARY KEY,
    display_name varchar(100) NOT NULL,
    role varchar(32) NOT NULL,
    password_hash text NOT NULL,
    password_changed_at timestamptz NOT NULL DEFAULT now(),
    disabled_at timestamptz,
    created_at timestamptz NOT NULL DEFAULT now()
  )`;
