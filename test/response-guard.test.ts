import { describe, expect, it } from 'vitest';
import { checkResponse, closed } from './support/response-guard.ts';

/** The guard every test's answers pass through (test/support/cloud.ts) must be able to fail. */
describe('the response guard', () => {
  const position = {
    id: '01JDQ8Z3K4M5N6P7Q8R9S0T1V2',
    title: 'Community affairs officer',
    street: 'D01/S03',
    kind: 'career-establishment',
    quota: 1,
    eligibility: { sourcePools: ['village-cadre'] },
    opensAt: '2026-11-27T00:00:00.000Z',
    closesAt: '2026-12-27T00:00:00.000Z',
    year: 2026,
    status: 'published',
    window: 'open',
  };

  it('passes an answer that fits its route\'s schema', () => {
    expect(() => checkResponse('GET', `/recruitment/positions/${position.id}`, 200, position)).not.toThrow();
  });

  it('fails an answer that carries a field the schema does not name, at any depth', () => {
    expect(() => checkResponse('GET', `/recruitment/positions/${position.id}`, 200, { ...position, pk: 'POSITION#1' })).toThrow(/pk/);
    expect(() =>
      checkResponse('GET', '/recruitment/positions?street=D01/S03', 200, { items: [{ ...position, eligibility: { ...position.eligibility, sk: 'x' } }] }),
    ).toThrow(/sk/);
  });

  it('fails an answer that lacks a required field or has the wrong type', () => {
    const { title: _title, ...untitled } = position;
    expect(() => checkResponse('GET', `/recruitment/positions/${position.id}`, 200, untitled)).toThrow(/title/);
    expect(() => checkResponse('GET', `/recruitment/positions/${position.id}`, 200, { ...position, quota: 'one' })).toThrow(/quota/);
  });

  it('leaves refusals alone: they are problem+json, checked elsewhere', () => {
    expect(() => checkResponse('GET', `/recruitment/positions/${position.id}`, 404, { type: 'x' })).not.toThrow();
  });

  it('closes every object of a schema, and leaves records (additionalProperties) open as declared', () => {
    expect(
      closed({ type: 'object', properties: { a: { type: 'object', properties: {} }, b: { type: 'object', additionalProperties: { type: 'number' } } } }),
    ).toEqual({
      type: 'object',
      unevaluatedProperties: false,
      properties: { a: { type: 'object', properties: {}, unevaluatedProperties: false }, b: { type: 'object', additionalProperties: { type: 'number' } } },
    });
  });
});
