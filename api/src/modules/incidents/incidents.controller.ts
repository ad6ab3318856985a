import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  Patch,
  Post,
  Query,
  StreamableFile,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import {
  CreateIncidentDto,
  INCIDENT_ATTACHMENT_MAX_BYTES,
  INCIDENT_CONTACT_TYPES,
  IncidentExportQueryDto,
  IncidentListQueryDto,
  UpdateIncidentDto,
  type IncidentAttachment,
  type IncidentEntry,
  type IncidentStats,
  type IncidentVerification,
  type Page,
} from '@tryg/shared';
import { CurrentAuth, RequirePermission, type RequestAuth } from '../../common/request-auth';
import { IncidentAttachmentsService, type UploadedFileData } from './incident-attachments.service';
import { IncidentsService } from './incidents.service';
import { IncidentExportService } from './export/incident-export.service';

const OWNER_ONLY =
  'Only the participant who keeps the log reaches it. Staff calling the log itself get 403 (they keep none); ' +
  "an entry or attachment id that is not the caller's own is 404 for everyone, whatever their role.";

/**
 * `/me/incidents`: the participant's private incident log. Static paths come before `:id`.
 * Collection routes need `incident-log.keep` (participants); entry routes look the id up in the
 * caller's own log only, so another account's id is 404 for any role (CONTRACT: 404 before 403).
 */
@ApiTags('incidents')
@Controller('me/incidents')
export class IncidentsController {
  constructor(
    private readonly incidents: IncidentsService,
    private readonly attachments: IncidentAttachmentsService,
    private readonly exports: IncidentExportService,
  ) {}

  @Get()
  @RequirePermission('incident-log.keep')
  @ApiOperation({
    summary: 'List my incident log, newest first (filters: contactType, keyExample, from, to)',
    description: OWNER_ONLY,
  })
  list(@CurrentAuth() auth: RequestAuth, @Query() query: IncidentListQueryDto): Promise<Page<IncidentEntry>> {
    return this.incidents.list(auth.accountId, query);
  }

  @Post()
  @RequirePermission('incident-log.keep')
  @ApiOperation({ summary: 'Write an incident entry (encrypted, appended to the hash chain)', description: OWNER_ONLY })
  create(@CurrentAuth() auth: RequestAuth, @Body() dto: CreateIncidentDto): Promise<IncidentEntry> {
    return this.incidents.create(auth.accountId, dto);
  }

  @Get('export')
  @RequirePermission('incident-log.keep')
  @ApiProduces('application/pdf', 'text/csv')
  @ApiOperation({
    summary: 'Export my log for the police as PDF (logskema layout) or CSV',
    description:
      'Neutral file name (`log-YYYY-MM-DD.pdf|csv`) and PDF metadata (title "Log"). Newest first; the PDF adds key examples, ' +
      "the bilag list and the chain's final hash with the check's result. CSV: UTF-8 with BOM, `;` separated, formula-like cells " +
      "prefixed with `'`. The private layer only with `includePrivate=true`. Language: `lang`, else the account's.",
  })
  async export(@CurrentAuth() auth: RequestAuth, @Query() query: IncidentExportQueryDto): Promise<StreamableFile> {
    const file = await this.exports.export(auth.accountId, query);
    return new StreamableFile(file.body, {
      type: file.contentType,
      disposition: `attachment; filename="${file.filename}"`,
      length: file.body.length,
    });
  }

  @Get('verify')
  @RequirePermission('incident-log.keep')
  @ApiOperation({ summary: 'Check that the hash chain of my log is intact, and where it broke if not' })
  @ApiOkResponse({
    schema: {
      type: 'object',
      required: ['intact', 'versions', 'brokenAt'],
      properties: {
        intact: { type: 'boolean' },
        versions: { type: 'integer', description: 'Versions in the chain (deleted entries keep theirs as digests)' },
        brokenAt: {
          type: 'object',
          nullable: true,
          properties: { entryId: { type: 'string', format: 'uuid' }, version: { type: 'integer' } },
        },
      },
    },
  })
  verify(@CurrentAuth() auth: RequestAuth): Promise<IncidentVerification> {
    return this.incidents.verify(auth.accountId);
  }

  @Get('stats')
  @RequirePermission('incident-log.keep')
  @ApiOperation({
    summary: 'Pattern view: my incidents per ISO week and per type of contact',
    description:
      "Weeks are ISO-8601 weeks of the local date in Europe/Copenhagen, from the first incident's week to the last one's, empty weeks included.",
  })
  @ApiOkResponse({
    schema: {
      type: 'object',
      required: ['total', 'weeks', 'contactTypes'],
      properties: {
        total: { type: 'integer' },
        weeks: {
          type: 'array',
          items: {
            type: 'object',
            properties: {
              week: { type: 'string', example: '2026-W47' },
              startsOn: { type: 'string', format: 'date', description: 'The Monday' },
              count: { type: 'integer' },
            },
          },
        },
        contactTypes: {
          type: 'array',
          items: {
            type: 'object',
            properties: {
              contactType: { type: 'string', enum: [...INCIDENT_CONTACT_TYPES] },
              count: { type: 'integer' },
            },
          },
        },
      },
    },
  })
  stats(@CurrentAuth() auth: RequestAuth): Promise<IncidentStats> {
    return this.incidents.stats(auth.accountId);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Read one of my incident entries', description: OWNER_ONLY })
  get(@CurrentAuth() auth: RequestAuth, @Param('id') id: string): Promise<IncidentEntry> {
    return this.incidents.get(auth.accountId, id);
  }

  @Patch(':id')
  @ApiBody({ type: UpdateIncidentDto })
  @ApiOperation({
    summary: 'Edit an incident entry: appends a new version (the old one stays in the chain)',
    description: `Fields present replace the stored ones (nested objects as a whole); \`null\` clears an optional field. ${OWNER_ONLY}`,
  })
  update(@CurrentAuth() auth: RequestAuth, @Param('id') id: string, @Body() body: unknown): Promise<IncidentEntry> {
    // Validated in the service once the entry is found: 404 comes before 400 (CONTRACT order).
    return this.incidents.update(auth.accountId, id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Delete an incident entry: its text and attachments are erased, the chain keeps only its digests',
    description: OWNER_ONLY,
  })
  async remove(@CurrentAuth() auth: RequestAuth, @Param('id') id: string): Promise<void> {
    await this.incidents.remove(auth.accountId, id);
  }

  @Post(':id/attachments')
  @UseInterceptors(
    FileInterceptor('file', { limits: { fileSize: INCIDENT_ATTACHMENT_MAX_BYTES, files: 1, fields: 0 } }),
  )
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } },
  })
  @ApiOperation({
    summary: 'Attach a photo, screenshot or PDF (≤ 10 MB) to an entry as the next bilag',
    description:
      "The type is read from the file's content, not its name: JPEG, PNG, GIF, WebP, HEIC or PDF, else 415 UNSUPPORTED_MEDIA_TYPE; " +
      'over 10 MB → 413. Bilag numbers run per log (1, 2, … never reused). Encrypted at rest; adds a version to the entry. ' +
      OWNER_ONLY,
  })
  addAttachment(
    @CurrentAuth() auth: RequestAuth,
    @Param('id') id: string,
    @UploadedFile() file: UploadedFileData | undefined,
  ): Promise<IncidentAttachment> {
    return this.attachments.add(auth.accountId, id, file);
  }

  @Get(':id/attachments/:attachmentId')
  @ApiProduces('image/jpeg', 'image/png', 'image/gif', 'image/webp', 'image/heic', 'application/pdf')
  @ApiOperation({ summary: 'Download an attachment (neutral file name, e.g. bilag-3.jpg)', description: OWNER_ONLY })
  async attachment(
    @CurrentAuth() auth: RequestAuth,
    @Param('id') id: string,
    @Param('attachmentId') attachmentId: string,
  ): Promise<StreamableFile> {
    const file = await this.attachments.read(auth.accountId, id, attachmentId);
    return new StreamableFile(file.bytes, {
      type: file.mimeType,
      disposition: `attachment; filename="${file.filename}"`,
      length: file.bytes.length,
    });
  }
}
