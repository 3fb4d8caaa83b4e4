import { planStageSuite } from './plan-stage-flow.ts';
import { createMysqlDatabase } from '../support/mysql.ts';

planStageSuite('MySQL / MariaDB', createMysqlDatabase);
