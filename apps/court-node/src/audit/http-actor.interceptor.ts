import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { Observable } from 'rxjs';
import { Actor, ActorContext } from './actor-context';

/** Until people sign in, whom every HTTP request is recorded against. */
export const ANONYMOUS_USER: Actor = {
  kind: 'user',
  username: 'anonymous',
  role: 'unauthenticated',
};

/**
 * Runs each HTTP request's handler as its user, so the audit trail records who acted. There is
 * no sign-in yet: every request is the anonymous user.
 */
@Injectable()
export class HttpActorInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    // Sign-in puts the signed-in user here (guards run before interceptors, so it is known).
    const actor = ANONYMOUS_USER;
    return new Observable((subscriber) =>
      ActorContext.run(actor, () => next.handle().subscribe(subscriber)),
    );
  }
}
