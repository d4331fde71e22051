import 'reflect-metadata';
import { runService } from '@enforcement-link/platform';
import { CourtNodeEnvironment } from './config/court-node.environment';
import { createCourtNodeApp } from './court-node.app';

runService(CourtNodeEnvironment, createCourtNodeApp);
