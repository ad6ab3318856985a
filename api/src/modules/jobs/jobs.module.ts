import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { JobLeaseEntity } from './entities/job-lease.entity';
import { JobScheduler } from './job-scheduler.service';

/** The multi-instance-safe periodic job runner; features register their jobs on init. */
@Module({
  imports: [TypeOrmModule.forFeature([JobLeaseEntity])],
  providers: [JobScheduler],
  exports: [JobScheduler],
})
export class JobsModule {}
