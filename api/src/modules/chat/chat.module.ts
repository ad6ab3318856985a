import { Module } from '@nestjs/common';
import { getDataSourceToken, TypeOrmModule } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { WriteQueue } from '../../common/write-queue';
import { AccountsModule } from '../accounts/accounts.module';
import { AuthModule } from '../auth/auth.module';
import { ContentPolicyModule } from '../content-policy/content-policy.module';
import { JobsModule } from '../jobs/jobs.module';
import { MembershipEntity } from '../membership/entities/membership.entity';
import { MembershipModule } from '../membership/membership.module';
import { RoomRulesModule } from '../room-rules/room-rules.module';
import { SchedulingModule } from '../scheduling/scheduling.module';
import { ChatBroadcaster } from './chat-broadcaster';
import { ChatPersonalData } from './chat-personal-data';
import { ChatRetentionService } from './chat-retention.service';
import { ChatController } from './chat.controller';
import { ChatGateway } from './chat.gateway';
import { ChatService } from './chat.service';
import { MessageEntity } from './entities/message.entity';
import { RoomCounterEntity } from './entities/room-counter.entity';
import { ListeningSessions } from './listening-sessions';
import { MessageSealing } from './message-sealing';
import { MessageStore } from './message-store';
import { MessageWriter } from './message-writer';
import { PresenceService } from './presence.service';
import { RoomListeners } from './room-listeners.service';
import { SqliteMessageStore } from './sqlite-message-store';
import { TypeOrmMessageStore } from './typeorm-message-store';

@Module({
  imports: [
    TypeOrmModule.forFeature([MessageEntity, RoomCounterEntity, MembershipEntity]),
    MembershipModule,
    AuthModule,
    AccountsModule,
    SchedulingModule,
    JobsModule,
    RoomRulesModule,
    ContentPolicyModule,
  ],
  controllers: [ChatController],
  providers: [
    ChatGateway,
    ChatService,
    RoomListeners,
    ListeningSessions,
    MessageWriter,
    {
      // The message store of the database the app runs on, chosen once here.
      provide: MessageStore,
      inject: [getDataSourceToken(), WriteQueue],
      useFactory: (dataSource: DataSource, writes: WriteQueue): MessageStore =>
        dataSource.options.type === 'better-sqlite3' ? new SqliteMessageStore(writes) : new TypeOrmMessageStore(writes),
    },
    MessageSealing,
    ChatBroadcaster,
    PresenceService,
    ChatRetentionService,
    ChatPersonalData,
  ],
  exports: [ChatService, ChatBroadcaster, MessageSealing, PresenceService],
})
export class ChatModule {}
