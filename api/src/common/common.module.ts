import { Global, Module } from '@nestjs/common';
import { ChangeBus } from './change-bus';
import { Clock } from './clock';
import { DataCrypto } from './data-crypto.service';
import { DomainEvents } from './domain-events';
import { RateLimits } from './rate-limits';
import { RedisConnection } from './redis';

/** Cross-cutting services every feature may use; imports no feature. */
@Global()
@Module({
  providers: [Clock, DataCrypto, RedisConnection, RateLimits, ChangeBus, DomainEvents],
  exports: [Clock, DataCrypto, RedisConnection, RateLimits, ChangeBus, DomainEvents],
})
export class CommonModule {}
