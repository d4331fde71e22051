import { CourtRecord } from '@enforcement-link/protocol';
import { Controller, Get, NotFoundException } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CourtNodeEnvironment } from '../config/court-node.environment';
import { CourtDirectoryService } from './court-directory.service';
import { AllowSignedIn } from '@enforcement-link/platform';

@ApiTags('courts')
@AllowSignedIn()
@Controller('api/courts')
export class CourtsController {
  constructor(
    private readonly directory: CourtDirectoryService,
    private readonly environment: CourtNodeEnvironment,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'The network directory: every court, its level, superior and the matters it takes',
  })
  @ApiOkResponse({ description: 'Courts in directory order' })
  list(): CourtRecord[] {
    return this.directory.all;
  }

  @Get('this')
  @ApiOperation({ summary: 'The court this node runs for, as the directory describes it' })
  @ApiOkResponse({ description: 'Its directory record' })
  @ApiNotFoundResponse({ description: 'The directory does not list this court' })
  self(): CourtRecord {
    const court = this.directory.find(this.environment.COURT_ID);
    if (!court)
      throw new NotFoundException(`the directory does not list ${this.environment.COURT_ID}`);
    return court;
  }
}
