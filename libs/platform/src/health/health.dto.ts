import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class LivenessReport {
  @ApiProperty({ enum: ['ok'] })
  status: 'ok';
}

export class DependencyStatus {
  @ApiProperty({ enum: ['up', 'down'] })
  status: 'up' | 'down';

  @ApiPropertyOptional({ example: 'connect ECONNREFUSED 127.0.0.1:4222' })
  detail?: string;
}

export class ReadinessReport {
  @ApiProperty({ enum: ['ok', 'unavailable'] })
  status: 'ok' | 'unavailable';

  @ApiProperty({
    type: 'object',
    additionalProperties: { $ref: '#/components/schemas/DependencyStatus' },
    example: { database: { status: 'up' }, nats: { status: 'up', detail: 'JetStream enabled' } },
  })
  checks: Record<string, DependencyStatus>;
}
