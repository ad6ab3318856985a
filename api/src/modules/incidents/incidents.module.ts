import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccountsModule } from '../accounts/accounts.module';
import { IncidentAttachmentsService } from './incident-attachments.service';
import { IncidentChainService } from './incident-chain.service';
import { IncidentKeys } from './incident-keys';
import { IncidentsController } from './incidents.controller';
import { IncidentsPersonalData } from './incidents-personal-data';
import { IncidentsService } from './incidents.service';
import { IncidentExportService } from './export/incident-export.service';
import { IncidentAttachmentEntity } from './entities/incident-attachment.entity';
import { IncidentChainKeyEntity } from './entities/incident-chain-key.entity';
import { IncidentLogEntity } from './entities/incident-log.entity';
import { IncidentVersionEntity } from './entities/incident-version.entity';

/**
 * The participant's private, encrypted, tamper-evident incident log. Privacy rights reach it through
 * IncidentsPersonalData (@HoldsPersonalData); IncidentsService is exported as well.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([IncidentLogEntity, IncidentVersionEntity, IncidentAttachmentEntity, IncidentChainKeyEntity]),
    AccountsModule,
  ],
  controllers: [IncidentsController],
  providers: [
    IncidentsService,
    IncidentChainService,
    IncidentAttachmentsService,
    IncidentExportService,
    IncidentKeys,
    IncidentsPersonalData,
  ],
  exports: [IncidentsService],
})
export class IncidentsModule {}
