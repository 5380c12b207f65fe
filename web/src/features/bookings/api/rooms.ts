import type { paths } from '../../../api/schema';
import { api, call } from '../../../lib/api.ts';

export type Room = paths['/premises/rooms/{id}']['get']['responses'][200]['content']['application/json'];
export type RoomBookings = paths['/premises/rooms/{id}/bookings']['get']['responses'][200]['content']['application/json'];
export type BookingItem = RoomBookings['items'][number];
export type Booking = paths['/premises/rooms/{id}/bookings']['post']['responses'][201]['content']['application/json'];
export type BookingRequest = paths['/premises/rooms/{id}/bookings']['post']['requestBody']['content']['application/json'];

/** A street's rooms residents may book (the API lists a resident only public ones anyway). */
export async function publicRooms(street: string, cursor?: string) {
  return call(api().GET('/premises/rooms', { params: { query: { street, bookable: 'public', limit: 25, ...(cursor ? { cursor } : {}) } } }));
}

/** The room and its bookings in [from, to): the caller's own in full, everyone else's as busy time. */
export async function roomWeek(id: string, from: string, to: string): Promise<RoomBookings> {
  return call(api().GET('/premises/rooms/{id}/bookings', { params: { path: { id }, query: { from, to } } }));
}

export async function book(id: string, body: BookingRequest, idempotencyKey: string): Promise<Booking> {
  return call(
    api().POST('/premises/rooms/{id}/bookings', {
      params: { path: { id }, header: { 'Idempotency-Key': idempotencyKey } },
      body,
    }),
  );
}

export async function cancel(id: string): Promise<Booking> {
  return call(api().DELETE('/premises/bookings/{id}', { params: { path: { id } } }));
}
