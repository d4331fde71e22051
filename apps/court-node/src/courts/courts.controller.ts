import { CourtRecord } from '@enforcement-link/protocol';
import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CourtDirectoryService } from './court-directory.service';

@ApiTags('courts')
@Controller('api/courts')
export class CourtsController {
  constructor(private readonly directory: CourtDirectoryService) {}

  @Get()
  @ApiOperation({
    summary: 'The network directory: every court, its level, superior and the matters it takes',
  })
  @ApiOkResponse({ description: 'Courts in directory order' })
  list(): CourtRecord[] {
    return this.directory.all;
  }
}
