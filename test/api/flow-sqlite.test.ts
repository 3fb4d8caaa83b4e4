import { declarationFlowSuite } from './declaration-flow.ts';

declarationFlowSuite('SQLite', async () => null);
