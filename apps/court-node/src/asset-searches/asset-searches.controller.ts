import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { RequesterActionsController } from '../requests/requester-actions.controller';
import { RequestView } from '../requests/request.views';
import { CreateAssetSearchDto } from './create-asset-search.dto';
import { Allow } from '@enforcement-link/platform';
import { LISTED_DOCUMENT_REFUSED } from '../documents/document-store.service';

@ApiTags('asset searches (sent)')
@Allow('clerk', 'court-admin')
@Controller('api/asset-searches')
export class AssetSearchesController extends RequesterActionsController(
  'asset-search',
  'asset search',
) {
  @Post()
  @HttpCode(202)
  @ApiOperation({
    summary: 'Ask another court to search its local sources for a party’s assets',
    description:
      'Stored at once and answered 202 with the new search; the message goes out to the ' +
      'receiving court asynchronously, and later messages appear on its timeline.',
  })
  @ApiAcceptedResponse({ type: RequestView })
  @ApiUnprocessableEntityResponse({
    description: `The receiving court is unknown, is this court, or takes no asset searches. Or: ${LISTED_DOCUMENT_REFUSED}`,
  })
  create(@Body() { receivingCourt, ...body }: CreateAssetSearchDto): Promise<RequestView> {
    return this.requests.createAssetSearch(receivingCourt, body);
  }
}
