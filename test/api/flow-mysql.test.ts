import { declarationFlowSuite } from './declaration-flow.ts';
import { createMysqlDatabase } from '../support/mysql.ts';

declarationFlowSuite('MySQL / MariaDB', createMysqlDatabase);
