import { Global, Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { RealtimeGateway } from './realtime.gateway.js';
import { RealtimeListener } from './realtime.listener.js';
import { RealtimePublisher } from './realtime.publisher.js';

@Global()
@Module({
  imports: [AuthModule],
  providers: [RealtimePublisher, RealtimeGateway, RealtimeListener],
  exports: [RealtimePublisher],
})
export class RealtimeModule {}
