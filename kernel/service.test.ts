import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { eventsHandler } from './consumer.ts';
import { defineEvent } from './events.ts';
import { defineConsumers, eventPattern } from './service.ts';
import { Store } from './store.ts';

const Opened = defineEvent({ source: 'five-haves.a', detailType: 'Opened', schemaVersion: 1, data: () => z.object({ id: z.string() }) });
const Closed = defineEvent({ source: 'five-haves.a', detailType: 'Closed', schemaVersion: 1, data: () => z.object({ id: z.string(), why: z.string() }) });
const Counted = defineEvent({ source: 'five-haves.b', detailType: 'Counted', schemaVersion: 1, data: () => z.object({ n: z.number() }) });
const nothing = async () => ({ writes: [], events: [] });

describe('a consumer table', () => {
  it('derives one subscription per queue, its source taken from its events', () => {
    const consumers = defineConsumers({ 'x-lifecycle': [Opened, Closed], 'x-counts': [Counted] });
    expect(consumers.subscriptions).toEqual([
      { name: 'x-lifecycle', source: 'five-haves.a', detailTypes: ['Opened', 'Closed'] },
      { name: 'x-counts', source: 'five-haves.b', detailTypes: ['Counted'] },
    ]);
    expect(consumers.subscriptions.map(eventPattern)[1]).toEqual({ source: ['five-haves.b'], 'detail-type': ['Counted'] });
    expect(consumers.events.map((e) => e.detailType)).toEqual(['Opened', 'Closed', 'Counted']);
  });

  it('refuses a queue of two producers (a rule has one source), an event consumed twice, an empty queue', () => {
    expect(() => defineConsumers({ 'x-mixed': [Opened, Counted] })).toThrow(/mixes events of five-haves.a and five-haves.b/);
    expect(() => defineConsumers({ 'x-one': [Opened], 'x-two': [Opened] })).toThrow(/Opened is consumed twice/);
    expect(() => defineConsumers({ 'x-none': [] })).toThrow(/delivers no event/);
  });

  it('takes one reaction per declared event: a missing or an extra one does not compile, nor start', () => {
    const consumers = defineConsumers({ 'x-lifecycle': [Opened, Closed] });
    const store = new Store('no-table-needed');
    expect(() =>
      eventsHandler({
        service: 'x',
        store,
        consumers,
        // @ts-expect-error: no reaction to Closed
        reactions: { Opened: nothing },
      }),
    ).toThrow(/none to Closed/);
    expect(() =>
      eventsHandler({
        service: 'x',
        store,
        consumers,
        // @ts-expect-error: Counted is not in the table
        reactions: { Opened: nothing, Closed: nothing, Counted: nothing },
      }),
    ).toThrow(/Counted is not consumed/);
    // Each reaction is given its own event's data.
    eventsHandler({
      service: 'x',
      store,
      consumers,
      reactions: {
        Opened: async (data) => ({ writes: [], events: [], note: data.id }),
        Closed: async (data, { event }) => ({ writes: [], events: [], note: `${data.why} ${event.detailType}` }),
      },
    });
  });
});
