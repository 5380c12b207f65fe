import { expect, it } from 'vitest';
import { pipeFilterPattern } from '../../kernel/outbox.ts';
import { matches } from './pattern.ts';

it('the Pipe filter takes inserted history items and nothing else', () => {
  const record = (eventName: string, itemType: string) => ({ eventName, dynamodb: { NewImage: { itemType: { S: itemType } } } });
  expect(matches(pipeFilterPattern, record('INSERT', 'history'))).toBe(true);
  expect(matches(pipeFilterPattern, record('MODIFY', 'history'))).toBe(false);
  expect(matches(pipeFilterPattern, record('INSERT', 'appointment'))).toBe(false);
  expect(matches(pipeFilterPattern, { eventName: 'INSERT', dynamodb: {} })).toBe(false);
});

it('a rule pattern matches on any listed value, on array fields by any element, and with prefix and exists', () => {
  expect(matches({ source: ['a', 'b'] }, { source: 'b' })).toBe(true);
  expect(matches({ source: ['a'] }, { source: 'c' })).toBe(false);
  expect(matches({ tags: ['x'] }, { tags: ['w', 'x'] })).toBe(true);
  expect(matches({ source: [{ prefix: 'five-haves.' }] }, { source: 'five-haves.funding' })).toBe(true);
  expect(matches({ detail: { late: [{ exists: false }] } }, { detail: {} })).toBe(true);
  expect(matches({ detail: { late: [{ exists: true }] } }, { detail: {} })).toBe(false);
});

it('an operator the local runtime does not implement fails loudly', () => {
  expect(() => matches({ n: [{ numeric: ['>', 1] }] as never }, { n: 2 })).toThrow(/does not implement/);
});
