import { planStageSuite } from './plan-stage-flow.ts';

planStageSuite('SQLite', async () => null);
