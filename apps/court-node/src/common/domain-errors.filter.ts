import { ArgumentsHost, Catch, ExceptionFilter, HttpStatus } from '@nestjs/common';
import { Response } from 'express';
import { ActionNotAllowed, RequestNotFound, RequestRefused } from './domain-errors';

/** Maps domain errors to HTTP answers: 404 unknown id, 409 with the state, 422 refused input. */
@Catch(RequestNotFound, ActionNotAllowed, RequestRefused)
export class DomainErrorsFilter implements ExceptionFilter {
  catch(error: RequestNotFound | ActionNotAllowed | RequestRefused, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    if (error instanceof RequestNotFound) {
      response
        .status(HttpStatus.NOT_FOUND)
        .json({ statusCode: HttpStatus.NOT_FOUND, error: 'Not Found', message: error.message });
    } else if (error instanceof ActionNotAllowed) {
      response.status(HttpStatus.CONFLICT).json({
        statusCode: HttpStatus.CONFLICT,
        error: 'Conflict',
        message: error.message,
        state: error.state,
      });
    } else {
      response.status(HttpStatus.UNPROCESSABLE_ENTITY).json({
        statusCode: HttpStatus.UNPROCESSABLE_ENTITY,
        error: 'Unprocessable Entity',
        message: error.message,
        fieldErrors: error.fieldErrors,
      });
    }
  }
}
