import { ensureDesignerBuilt } from '../../server/designer-build.ts';

/** The browser tests and the served app need the built designer; build it once per run if missing. */
export default function setup() {
  ensureDesignerBuilt((m) => console.log(m));
}
