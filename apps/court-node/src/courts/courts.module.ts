import { Module } from '@nestjs/common';
import { CourtDirectoryService } from './court-directory.service';
import { CourtsController } from './courts.controller';

@Module({
  controllers: [CourtsController],
  providers: [CourtDirectoryService],
  exports: [CourtDirectoryService],
})
export class CourtsModule {}
