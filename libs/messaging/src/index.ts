export * from './messaging-options';
export * from './messaging.module';
export * from './nats-connection.service';
export * from './nats.health-check';
export * from './streams/court-messages.stream';
export * from './streams/provision-streams';
export * from './streams/monitor-events.stream';
export * from './settle-within';
