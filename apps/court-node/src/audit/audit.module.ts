import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { AuditTrail } from './audit-trail';
import { HttpActorInterceptor } from './http-actor.interceptor';

/** The audit trail's writer, and the actor of every HTTP request. */
@Module({
  providers: [AuditTrail, { provide: APP_INTERCEPTOR, useClass: HttpActorInterceptor }],
  exports: [AuditTrail],
})
export class AuditModule {}
