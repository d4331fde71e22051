import { AuthenticatedRequest } from '@enforcement-link/platform';
import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { Observable } from 'rxjs';
import { ActorContext } from './actor-context';

/**
 * Runs each HTTP request's handler as the person signed in, so the audit trail records who
 * acted. Guards run before interceptors, so the session has been checked by then; the few
 * public endpoints change nothing the trail records.
 */
@Injectable()
export class HttpActorInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const signedIn =
      context.getType() === 'http'
        ? context.switchToHttp().getRequest<AuthenticatedRequest>().signedIn
        : undefined;
    if (!signedIn) return next.handle();
    const actor = { kind: 'user', username: signedIn.username, role: signedIn.role } as const;
    return new Observable((subscriber) =>
      ActorContext.run(actor, () => next.handle().subscribe(subscriber)),
    );
  }
}
