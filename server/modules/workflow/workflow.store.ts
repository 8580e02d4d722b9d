import type { Db } from '../../db/kysely.ts';
import { DEFAULT_WORKFLOW, type Workflow } from './workflow.model.ts';
import { loadWorkflow } from './workflow.repo.ts';

/**
 * The workflow configuration held in memory, so presenting 50 tickets does not read three tables
 * 50 times. Requests refresh it when it is older than `maxAgeMs`, so an admin's change on one node
 * reaches the others within that time; the node that made the change reloads at once.
 */
export class WorkflowStore {
  readonly #db: Db;
  readonly #maxAgeMs: number;
  #current: Workflow = DEFAULT_WORKFLOW;
  #loadedAt = Number.NEGATIVE_INFINITY;
  #loading: Promise<void> | null = null;

  constructor(db: Db, maxAgeMs = 2000) {
    this.#db = db;
    this.#maxAgeMs = maxAgeMs;
  }

  /** The workflow as last loaded. */
  current(): Workflow {
    return this.#current;
  }

  /** Reloads now (after an admin change in this process). */
  async reload(): Promise<Workflow> {
    this.#loading ??= loadWorkflow(this.#db.kysely)
      .then((workflow) => {
        this.#current = workflow;
        this.#loadedAt = Date.now();
      })
      .finally(() => {
        this.#loading = null;
      });
    await this.#loading;
    return this.#current;
  }

  /** The workflow, reloaded first when it is older than the allowed age. */
  async fresh(): Promise<Workflow> {
    if (Date.now() - this.#loadedAt > this.#maxAgeMs) await this.reload();
    return this.#current;
  }
}
