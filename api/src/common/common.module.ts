import { Global, Module } from '@nestjs/common';
import { Clock } from './clock';
import { DataCrypto } from './data-crypto.service';
import { RateLimits } from './rate-limits';
import { RedisConnection } from './redis';

/** Cross-cutting services every feature may use; imports no feature. */
@Global()
@Module({
  providers: [Clock, DataCrypto, RedisConnection, RateLimits],
  exports: [Clock, DataCrypto, RedisConnection, RateLimits],
})
export class CommonModule {}
