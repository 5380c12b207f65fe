import type { paths } from '../../../api/schema';
import { api, call } from '../../../lib/api.ts';

export type RoomPage = paths['/premises/rooms']['get']['responses'][200]['content']['application/json'];
export type Room = RoomPage['items'][number];

/** Every room of the street, public and staff (the street's own staff see both), by community, site and room. */
export async function streetRooms(street: string, cursor?: string): Promise<RoomPage> {
  return call(api().GET('/premises/rooms', { params: { query: { street, limit: 10, ...(cursor ? { cursor } : {}) } } }));
}
