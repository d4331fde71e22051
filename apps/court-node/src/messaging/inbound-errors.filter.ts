import { Catch, RpcExceptionFilter } from '@nestjs/common';
import { Observable, throwError } from 'rxjs';

/**
 * Lets a court-message handler's error reach the inbox unchanged. NestJS's default filter for
 * message handlers would log it and replace it with a generic error, hiding whether the message
 * is invalid, early, or hit a failure worth retrying. Every court-message handler class uses it.
 */
@Catch()
export class InboundErrorsPassThrough implements RpcExceptionFilter<unknown> {
  catch(error: unknown): Observable<never> {
    return throwError(() => error);
  }
}
