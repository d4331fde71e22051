import { Injectable } from '@nestjs/common';

/** Where the node reads the time, so tests can move it instead of waiting. */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }
}
