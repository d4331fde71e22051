import { Module } from '@nestjs/common';
import { CourtsController } from './courts.controller';

@Module({ controllers: [CourtsController] })
export class CourtsModule {}
