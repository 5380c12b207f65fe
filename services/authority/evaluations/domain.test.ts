import { describe, expect, it } from 'vitest';
import { ConflictError, ForbiddenError } from '../../../kernel/errors.ts';
import type { Cause } from '../../../kernel/events.ts';
import { finalizeEvaluation, giveOpinion, opinionRequestView, requestEvaluation, type OpinionRequest } from './domain.ts';

const department: Cause = {
  correlationId: 'corr-evaluation',
  now: '2025-03-03T02:00:00.000Z', // a Monday, 10:00 in the offices
  actor: { sub: 'msa-officer', roles: ['department'], jurisdiction: 'D01', department: 'market-supervision' },
};
const committee = (street: string, now = '2025-03-05T02:00:00.000Z'): Cause => ({
  correlationId: 'corr-opinion',
  now,
  actor: { sub: `committee-${street}`, roles: ['street-committee'], jurisdiction: street },
});

const requested = () =>
  requestEvaluation(
    '01JEVALUATION0000000000001',
    {
      department: 'market-supervision',
      title: 'Market supervision stations, 2025',
      period: '2025',
      units: [
        { street: 'D01/S04', name: 'Station S04' },
        { street: 'D01/S03', name: 'Station S03' },
        { street: 'D01/S03', name: 'Food safety team S03' },
        { street: 'D01/S05', name: 'Station S05' },
      ],
    },
    department,
  );

const requestOf = (street: string) => requested().requests.find((r) => r.street === street)!;
const answer = (request: OpinionRequest, rating: 'good' | 'poor' = 'good') =>
  giveOpinion(request, { evaluationId: request.evaluationId, street: request.street }, { rating, text: `Opinion of ${request.street}.` }, committee(request.street)).request;

describe('requesting an evaluation', () => {
  it('asks each street once for its opinion on its own units', () => {
    const { evaluation, requests } = requested();

    expect(evaluation).toMatchObject({ status: 'awaiting-opinions', streets: ['D01/S03', 'D01/S04', 'D01/S05'], version: 1 });
    expect(requests.map((r) => [r.street, r.units])).toEqual([
      ['D01/S03', ['Station S03', 'Food safety team S03']],
      ['D01/S04', ['Station S04']],
      ['D01/S05', ['Station S05']],
    ]);
  });

  it('emits one OpinionRequested per street, due 10 working days later', () => {
    const { events } = requested();

    expect(events.map((e) => [e.detailType, (e.detail.data as { street: string }).street])).toEqual([
      ['OpinionRequested', 'D01/S03'],
      ['OpinionRequested', 'D01/S04'],
      ['OpinionRequested', 'D01/S05'],
    ]);
    expect(events[0]!.detail.data).toMatchObject({ dueBy: '2025-03-17T15:59:59.999Z' });
  });
});

describe('the street’s written opinion', () => {
  it('answers the request, once, with who wrote it and when', () => {
    const answered = answer(requestOf('D01/S03'));

    expect(answered).toMatchObject({
      status: 'given',
      opinion: { rating: 'good', text: 'Opinion of D01/S03.', givenBy: 'committee-D01/S03', late: false },
      version: 2,
    });
  });

  it('a second opinion of the same street is 409', () => {
    expect(() => answer(answer(requestOf('D01/S03')))).toThrow(ConflictError);
  });

  it('a street the evaluation does not ask has no say: 403', () => {
    const attempt = () =>
      giveOpinion(undefined, { evaluationId: '01JEVALUATION0000000000001', street: 'D01/S09' }, { rating: 'poor', text: 'x' }, committee('D01/S09'));

    expect(attempt).toThrow(ForbiddenError);
  });

  it('an opinion after the deadline is marked late, and a waiting request past it is overdue', () => {
    const request = requestOf('D01/S03');
    const late = giveOpinion(request, { evaluationId: request.evaluationId, street: request.street }, { rating: 'fair', text: 'Late.' }, committee('D01/S03', '2025-03-17T16:00:00.000Z'));

    expect(late.request.opinion!.late).toBe(true);
    expect(opinionRequestView(request, '2025-03-17T16:00:00.000Z').overdue).toBe(true);
    expect(opinionRequestView(request, '2025-03-17T15:59:59.999Z').overdue).toBe(false);
  });
});

describe('making the evaluation final: opinion first', () => {
  const conclusion = { conclusion: 'Stations S03 and S04 good; S05 to improve.' };

  it('with 2 of 3 opinions is 409 naming the street still to answer', () => {
    const { evaluation, requests } = requested();
    const two = [answer(requests[0]!), answer(requests[1]!), requests[2]!];

    expect(() => finalizeEvaluation(evaluation, two, conclusion, department)).toThrow(ConflictError);
    expect(() => finalizeEvaluation(evaluation, two, conclusion, department)).toThrow('waits for the written opinion of D01/S05 (2 of 3 given)');
  });

  it('with every opinion in, it is final with the ratings attached to EvaluationFinalized', () => {
    const { evaluation, requests } = requested();
    const all = requests.map((r, i) => answer(r, i === 2 ? 'poor' : 'good'));

    const { evaluation: final, events } = finalizeEvaluation(evaluation, all, conclusion, department);

    expect(final).toMatchObject({ status: 'final', conclusion: conclusion.conclusion, finalizedBy: 'msa-officer', version: 2 });
    expect(events.map((e) => e.detailType)).toEqual(['EvaluationFinalized']);
    expect((events[0]!.detail.data as { opinions: unknown[] }).opinions).toEqual([
      { street: 'D01/S03', rating: 'good', givenAt: '2025-03-05T02:00:00.000Z' },
      { street: 'D01/S04', rating: 'good', givenAt: '2025-03-05T02:00:00.000Z' },
      { street: 'D01/S05', rating: 'poor', givenAt: '2025-03-05T02:00:00.000Z' },
    ]);
  });

  it('a final evaluation cannot be made final again (409)', () => {
    const { evaluation, requests } = requested();
    const all = requests.map((r) => answer(r));
    const { evaluation: final } = finalizeEvaluation(evaluation, all, conclusion, department);

    expect(() => finalizeEvaluation(final, all, conclusion, department)).toThrow('is already final');
  });
});
