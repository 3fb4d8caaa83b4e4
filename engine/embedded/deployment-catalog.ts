import type { DeploymentInfo } from '../port.ts';
import type { EngineStore } from './store.ts';

/**
 * The deployed versions of each process (without their XML), read from the database once and kept, so starting
 * an instance does not query them again. Only the engine host deploys to its database (one host per database,
 * see engine-lease.ts) and it forgets a process's versions as soon as it deploys a new one.
 */
export class DeploymentCatalog {
  private readonly versions = new Map<string, Promise<DeploymentInfo[]>>();

  constructor(private readonly store: EngineStore) {}

  /** The version an instance runs: the nearest unit's latest adapted version, else the latest one for everyone. */
  async versionFor(processId: string, unitChain: number[]): Promise<DeploymentInfo | null> {
    const rank = (unitId: number | null) => (unitId === null ? unitChain.length : unitChain.indexOf(unitId));
    const candidates = (await this.versionsOf(processId)).filter((d) => rank(d.unitId) >= 0);
    return candidates.sort((a, b) => rank(a.unitId) - rank(b.unitId) || b.version - a.version)[0] ?? null;
  }

  /** Called once a new version is committed: the next start reads the versions again. */
  forget(processId: string) {
    this.versions.delete(processId);
  }

  private versionsOf(processId: string): Promise<DeploymentInfo[]> {
    let versions = this.versions.get(processId);
    if (!versions) {
      versions = this.store.Deployment.findAll({ where: { processId }, attributes: { exclude: ['xml'] }, raw: true });
      versions.catch(() => this.versions.get(processId) === versions && this.forget(processId));
      this.versions.set(processId, versions);
    }
    return versions;
  }
}
