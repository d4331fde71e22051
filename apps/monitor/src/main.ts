import 'reflect-metadata';
import { runService } from '@enforcement-link/platform';
import { MonitorEnvironment } from './config/monitor.environment';
import { createMonitorApp } from './monitor.app';

runService(MonitorEnvironment, createMonitorApp);
