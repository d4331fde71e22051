import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { Request, Response } from 'express';
import { map, Observable } from 'rxjs';
import { toCsv } from './csv';

/**
 * Turns a table (a list of flat rows) into a CSV download when the query asks for
 * `format=csv`; JSON otherwise. The file is named after the endpoint.
 */
@Injectable()
export class CsvInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler<unknown>): Observable<unknown> {
    const http = context.switchToHttp();
    const request = http.getRequest<Request>();
    if (request.query.format !== 'csv') return next.handle();
    const response = http.getResponse<Response>();
    const name = request.path.replace(/^\/api\//, '').replace(/[^a-z0-9]+/gi, '-');
    return next.handle().pipe(
      map((rows) => {
        response.setHeader('content-type', 'text/csv; charset=utf-8');
        response.setHeader('content-disposition', `attachment; filename="${name}.csv"`);
        return toCsv(rows as Record<string, unknown>[]);
      }),
    );
  }
}
