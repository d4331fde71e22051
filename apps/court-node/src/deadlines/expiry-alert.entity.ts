import { Asset, MatterType } from '@enforcement-link/protocol';
import { ApiProperty } from '@nestjs/swagger';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A freeze or seal another court carried out for this court, which lapses on `expiresOn`
 * unless renewed: the requesting court is alerted ahead of time (the policy's `expiryAlert`).
 */
@Entity('expiry_alerts')
export class ExpiryAlert {
  @ApiProperty()
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ApiProperty()
  @Column({ name: 'request_id', type: 'uuid' })
  requestId: string;

  @ApiProperty()
  @Column({ name: 'matter_type', type: 'text' })
  matterType: MatterType;

  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true })
  @Column('jsonb', { nullable: true })
  asset: Asset | null;

  @ApiProperty({ example: '2027-03-14' })
  @Column({ name: 'expires_on', type: 'date' })
  expiresOn: string;

  @ApiProperty()
  @Column({ name: 'alert_at', type: 'timestamptz' })
  alertAt: Date;

  /** When the alert was raised; unset until `alertAt` has come. */
  @ApiProperty({ type: Date, nullable: true })
  @Column({ name: 'raised_at', type: 'timestamptz', nullable: true })
  raisedAt: Date | null;
}
