import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { GroupEntity } from './entities/group.entity';
import { GroupsService } from './groups.service';

/** Groups as data. Their HTTP routes sit in membership/, which decides who sees which group. */
@Module({
  imports: [TypeOrmModule.forFeature([GroupEntity])],
  providers: [GroupsService],
  exports: [GroupsService],
})
export class GroupsModule {}
