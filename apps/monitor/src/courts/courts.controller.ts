import { CourtDirectoryFollower } from '@enforcement-link/messaging';
import { CourtRecord, PROVINCES } from '@enforcement-link/protocol';
import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow } from '@enforcement-link/platform';

export interface NetworkCourts {
  provinces: { code: string; zh: string; en: string }[];
  courts: CourtRecord[];
}

@ApiTags('courts')
@Allow('command-centre-admin')
@Controller('api/courts')
export class CourtsController {
  constructor(private readonly courts: CourtDirectoryFollower) {}

  @Get()
  @ApiOperation({
    summary: 'The network’s provinces and courts, as the published court directory lists them',
  })
  @ApiOkResponse({ description: 'Provinces with their names; courts with code, names, level.' })
  list(): NetworkCourts {
    return {
      provinces: Object.entries(PROVINCES).map(([code, { zh, en }]) => ({ code, zh, en })),
      courts: this.courts.directory.all,
    };
  }
}
