import { queryRange } from '../../../kernel/bulk-read.ts';
import { putNew, putVersioned, type Commit, type Item, type Page, type Store } from '../../../kernel/store.ts';
import { strip, type Stored } from '../../../kernel/stored.ts';
import { districtOf } from '../../../kernel/jurisdiction.ts';
import { rangePage } from '../../../kernel/range-page.ts';
import { keys } from '../keys.ts';
import { MAX_EVALUATION_STREETS, type Evaluation, type EvaluationRequested, type OpinionRequest } from './domain.ts';

/**
 * Evaluations in the authority table: the evaluation (`EVALUATION#<id>`, STATE) and beside it one
 * opinion request per street (`OPINION#<street>`), each on gsi1 under its street and status so that a
 * committee lists what waits for it. Opinions change only their own request item, so two streets
 * answering at once never conflict; the evaluation item changes only when it is made final.
 */
export class EvaluationStore {
  constructor(readonly store: Store) {}

  async evaluation(id: string): Promise<Evaluation | undefined> {
    const item = await this.store.get<Stored<Evaluation>>(keys.evaluation(id));
    return item && strip(item);
  }

  async opinionRequest(evaluationId: string, street: string): Promise<OpinionRequest | undefined> {
    const item = await this.store.get<Stored<OpinionRequest>>(keys.opinionRequest(evaluationId, street));
    return item && strip(item);
  }

  /** All the evaluation's requests: a Query on its partition, a few dozen items at most. */
  async opinionRequests(evaluationId: string): Promise<OpinionRequest[]> {
    const { partition, prefix } = keys.opinionRequestsOfEvaluation(evaluationId);
    const items = await queryRange<Stored<OpinionRequest>>(this.store, {
      partition,
      from: prefix,
      to: `${prefix}~`,
      maxItems: MAX_EVALUATION_STREETS,
    });
    return items.map(strip);
  }

  async opinionRequestsOfStreet(
    street: string,
    status: OpinionRequest['status'],
    page: { limit: number; cursor?: string },
  ): Promise<Page<OpinionRequest>> {
    const result = await this.store.page<Stored<OpinionRequest>>({
      index: 'gsi1',
      partition: keys.opinionRequestsOfStreet(street, status),
      limit: page.limit,
      ...(page.cursor ? { cursor: page.cursor } : {}),
      // Waiting requests oldest first (their deadline runs); answered ones newest first.
      ascending: status === 'waiting',
    });
    return { ...result, items: result.items.map(strip) };
  }

  /** A department's evaluations in a district, newest first, each with its opinion requests (read through its entry). */
  async ofDepartment(district: string, department: string, page: { limit: number; cursor?: string }): Promise<Page<{ evaluation: Evaluation; requests: OpinionRequest[] }>> {
    const entries = await rangePage<Stored<{ evaluationId: string }>>(this.store, {
      partition: keys.evaluationsOfDepartment(district, department),
      limit: page.limit,
      ...(page.cursor ? { cursor: page.cursor } : {}),
    });
    const items = await Promise.all(
      entries.items.map(async ({ evaluationId }) => {
        const [evaluation, requests] = await Promise.all([this.evaluation(evaluationId), this.opinionRequests(evaluationId)]);
        return evaluation && { evaluation, requests };
      }),
    );
    return { items: items.filter((i) => i !== undefined), ...(entries.cursor ? { cursor: entries.cursor } : {}) };
  }

  requestCommit(requested: EvaluationRequested): Commit {
    const { evaluation, requests } = requested;
    const district = districtOf(evaluation.streets[0]!);
    return {
      writes: [
        putNew(this.evaluationItem(evaluation), `Evaluation ${evaluation.id} already exists.`),
        putNew(
          { ...keys.evaluationEntry(district, evaluation.department, evaluation.requestedAt, evaluation.id), itemType: 'evaluation-entry', evaluationId: evaluation.id },
          `Evaluation ${evaluation.id} already exists.`,
        ),
        ...requests.map((r) => putNew(this.requestItem(r), `Evaluation ${evaluation.id} already asks ${r.street}.`)),
      ],
      events: requested.events,
    };
  }

  opinionCommit(change: { request: OpinionRequest; events: Commit['events'] }): Commit {
    const { request } = change;
    return {
      writes: [putVersioned(this.requestItem(request), `${request.street} gave its opinion on evaluation ${request.evaluationId} meanwhile.`)],
      events: change.events,
    };
  }

  finalizeCommit(change: { evaluation: Evaluation; events: Commit['events'] }): Commit {
    const { evaluation } = change;
    return {
      writes: [putVersioned(this.evaluationItem(evaluation), `Evaluation ${evaluation.id} was made final meanwhile.`)],
      events: change.events,
    };
  }

  private evaluationItem(evaluation: Evaluation): Item & { version: number } {
    return { ...keys.evaluation(evaluation.id), itemType: 'evaluation', ...evaluation };
  }

  private requestItem(request: OpinionRequest): Item & { version: number } {
    return {
      ...keys.opinionRequest(request.evaluationId, request.street),
      itemType: 'opinion-request',
      gsi1pk: keys.opinionRequestsOfStreet(request.street, request.status),
      gsi1sk: `${request.requestedAt}#${request.evaluationId}`,
      ...request,
    };
  }
}
