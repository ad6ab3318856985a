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
  UseGuards,
} from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import {
  AddCaseCoordinatorDto,
  type CaseTask,
  type ClientCase,
  ClientFileQueryDto,
  ClientsQueryDto,
  CreateClientDto,
  CreateScreeningDto,
  CreateTaskDto,
  type Page,
  type Screening,
  UpdateClientDto,
  UpdateTaskDto,
} from '@tryg/shared';
import { CurrentAuth, type RequestAuth } from '../../common/request-auth';
import { type CaseAccess, CaseAccessGuard, CurrentCase } from './case-access';
import { CaseCoordinatorsService } from './case-coordinators.service';
import { type CaseFile, CaseFilesService } from './case-files.service';
import { CaseTasksService } from './case-tasks.service';
import { ClientsService } from './clients.service';
import { ScreeningsService } from './screenings.service';

const WHO =
  "Only the case's own coordinators (the primary and the stand-ins); everyone else — participants, facilitators, " +
  'admins, other coordinators — gets 404 as for a case that does not exist. Every read is audited (`client.read`).';
/** For the routes that change a case's plan: refused while it is closed. */
const WHO_WHILE_OPEN = `${WHO} A closed case is not changed: 409 CONFLICT until it is reopened.`;

function download(file: CaseFile): StreamableFile {
  return new StreamableFile(file.body, {
    type: file.contentType,
    disposition: `attachment; filename="${file.filename}"`,
    length: file.body.length,
  });
}

@ApiTags('clients')
@Controller('clients')
@UseGuards(CaseAccessGuard)
export class ClientsController {
  constructor(
    private readonly clients: ClientsService,
    private readonly coordinators: CaseCoordinatorsService,
    private readonly tasks: CaseTasksService,
    private readonly screenings: ScreeningsService,
    private readonly files: CaseFilesService,
  ) {}

  @Post()
  @ApiOperation({
    summary: 'Open a client case (the caller becomes its primary coordinator)',
    description:
      'A reference that already has a case → 409 CONFLICT naming nobody; audited, and 20 of them per hour per coordinator, then 429.',
  })
  create(@CurrentAuth() auth: RequestAuth, @Body() dto: CreateClientDto): Promise<ClientCase> {
    return this.clients.create(auth, dto);
  }

  @Get()
  @ApiOperation({
    summary: 'My client cases, what needs attention first (overdue tasks, re-screen due, review due)',
    description: WHO,
  })
  list(@CurrentAuth() auth: RequestAuth, @Query() query: ClientsQueryDto): Promise<Page<ClientCase>> {
    return this.clients.list(auth, query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'A client case with its plan and linked referrals', description: WHO })
  get(@CurrentCase() access: CaseAccess): Promise<ClientCase> {
    return this.clients.get(access);
  }

  @Patch(':id')
  @ApiOperation({ summary: "Change a case's status (active/closed) or next review date", description: WHO })
  update(@CurrentCase() access: CaseAccess, @Body() dto: UpdateClientDto): Promise<ClientCase> {
    return this.clients.update(access, dto);
  }

  @Post(':id/coordinators')
  @ApiOperation({
    summary: 'Add a stand-in coordinator (the primary coordinator only)',
    description: `${WHO} 409 CONFLICT when the coordinator is already on the case.`,
  })
  addCoordinator(@CurrentCase() access: CaseAccess, @Body() dto: AddCaseCoordinatorDto): Promise<ClientCase> {
    return this.coordinators.addStandIn(access, dto.accountId);
  }

  @Delete(':id/coordinators/:accountId')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Remove a stand-in (the primary coordinator only); they lose the case at once',
    description: `${WHO} 409 CONFLICT for the primary coordinator, who cannot be removed.`,
  })
  removeCoordinator(@CurrentCase() access: CaseAccess, @Param('accountId') accountId: string): Promise<void> {
    return this.coordinators.removeStandIn(access, accountId);
  }

  @Post(':id/tasks')
  @ApiOperation({ summary: 'Add a task to the action plan', description: WHO_WHILE_OPEN })
  createTask(@CurrentCase() access: CaseAccess, @Body() dto: CreateTaskDto): Promise<CaseTask> {
    return this.tasks.create(access, dto);
  }

  @Patch(':id/tasks/:taskId')
  @ApiOperation({ summary: 'Change a task (`null` clears an optional field)', description: WHO_WHILE_OPEN })
  updateTask(
    @CurrentCase() access: CaseAccess,
    @Param('taskId') taskId: string,
    @Body() dto: UpdateTaskDto,
  ): Promise<CaseTask> {
    return this.tasks.update(access, taskId, dto);
  }

  @Delete(':id/tasks/:taskId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a task', description: WHO_WHILE_OPEN })
  deleteTask(@CurrentCase() access: CaseAccess, @Param('taskId') taskId: string): Promise<void> {
    return this.tasks.remove(access, taskId);
  }

  @Post(':id/screenings')
  @ApiOperation({
    summary: 'Record a screening by item numbers (rescreenOn defaults to 90 days later, 30 when the risk is high)',
    description: WHO_WHILE_OPEN,
  })
  createScreening(@CurrentCase() access: CaseAccess, @Body() dto: CreateScreeningDto): Promise<Screening> {
    return this.screenings.create(access, dto);
  }

  @Get(':id/screenings')
  @ApiOperation({ summary: "The case's screenings, newest first", description: WHO })
  listScreenings(@CurrentCase() access: CaseAccess): Promise<Page<Screening>> {
    return this.screenings.list(access);
  }

  @Get(':id/plan.pdf')
  @ApiProduces('application/pdf')
  @ApiOperation({
    summary: 'The action plan as a PDF for a meeting with the police and Dansk Stalking Center',
    description: `${WHO} Neutral file name (\`plan-YYYY-MM-DD.pdf\`) and title; the reference only on the first page. Language: \`lang\`, else the account's.`,
  })
  async planPdf(@CurrentCase() access: CaseAccess, @Query() query: ClientFileQueryDto): Promise<StreamableFile> {
    return download(await this.files.planPdf(access, query.lang));
  }

  @Get(':id/export')
  @ApiProduces('application/json')
  @ApiOperation({ summary: 'The whole case as JSON (e.g. before it is deleted after closing)', description: WHO })
  async exportJson(@CurrentCase() access: CaseAccess): Promise<StreamableFile> {
    return download(await this.files.exportJson(access));
  }
}
