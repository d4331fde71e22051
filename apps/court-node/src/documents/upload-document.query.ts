import { DOCUMENT_KINDS, DocumentReference, IsOneOf, Text } from '@enforcement-link/protocol';
import { ApiProperty } from '@nestjs/swagger';

export class UploadDocumentQuery {
  @ApiProperty({ enum: DOCUMENT_KINDS })
  @IsOneOf(DOCUMENT_KINDS)
  kind: DocumentReference['kind'];

  @ApiProperty({ example: '执行裁定书.pdf', maxLength: 255 })
  @Text(255)
  fileName: string;
}
