import type { Principal } from '../../kernel/auth.ts';
import { getMany } from '../../kernel/bulk-read.ts';
import { queryRange } from '../../kernel/bulk-read.ts';
import type { Role } from '../../kernel/roles.ts';
import type { Item, Store, Write } from '../../kernel/store.ts';
import { keys } from './keys.ts';
import { KINDS, type Kind, type Language } from './texts.ts';

/** How a person wants to be e-mailed: per kind on or off, and at once or in one daily digest. */
export interface Preferences {
  delivery: 'immediate' | 'digest';
  email: Record<Kind, boolean>;
}

export const DEFAULT_PREFERENCES: Preferences = {
  delivery: 'immediate',
  email: Object.fromEntries(KINDS.map((kind) => [kind, true])) as Record<Kind, boolean>,
};

/** A person as the directory knows them: from their token's claims the last time they signed in. */
export interface Profile {
  sub: string;
  email?: string;
  name?: string;
  roles: Role[];
  jurisdiction: string;
  department?: string;
  language: Language;
  preferences: Preferences;
  /** The SHA-256 of their calendar feed's secret, while they have one. */
  feedHash?: string;
  registeredAt: string;
  updatedAt: string;
}

export type ProfileItem = Item & Profile & { itemType: 'profile'; version: number };

/** Who a notification is for: a person, or everyone holding a role whose jurisdiction covers a place. */
export type Audience = { sub: string } | { role: Role; place: string; department?: string };

/** The levels whose people cover a place: D01/S03/C07 is covered by D01, D01/S03 and itself. */
export function coveringLevels(place: string): string[] {
  const parts = place.split('/');
  return parts.map((_, i) => parts.slice(0, i + 1).join('/'));
}

/** The most people one role in one place may resolve to (a district's department staff). */
const MAX_AUDIENCE = 2000;

export class Directory {
  constructor(private readonly store: Store) {}

  async profile(sub: string): Promise<ProfileItem | undefined> {
    return this.store.get<ProfileItem>(keys.profile(sub));
  }

  /**
   * The writes that record a signed-in person from their token: the profile (language from the
   * body, everything else from the claims; preferences and calendar feed kept) and one directory
   * item per role they hold, its index key naming the role, jurisdiction and department. Roles no
   * longer held lose their item.
   */
  registration(principal: Principal, language: Language, existing: ProfileItem | undefined, now: string): { profile: ProfileItem; writes: Write[] } {
    const profile: ProfileItem = {
      ...keys.profile(principal.sub),
      itemType: 'profile',
      sub: principal.sub,
      ...(principal.email ? { email: principal.email } : {}),
      ...(principal.name ? { name: principal.name } : {}),
      roles: [...new Set(principal.roles)],
      jurisdiction: principal.jurisdiction,
      ...(principal.department ? { department: principal.department } : {}),
      language,
      preferences: existing?.preferences ?? DEFAULT_PREFERENCES,
      ...(existing?.feedHash ? { feedHash: existing.feedHash } : {}),
      registeredAt: existing?.registeredAt ?? now,
      updatedAt: now,
      version: (existing?.version ?? 0) + 1,
    };
    const writes: Write[] = [profileWrite(profile, existing)];
    for (const role of profile.roles) {
      writes.push({
        item: {
          Put: {
            TableName: '',
            Item: {
              ...keys.membership(profile.sub, role),
              itemType: 'membership',
              sub: profile.sub,
              role,
              gsi1pk: keys.audience(role, profile.jurisdiction, role === 'department' ? profile.department : undefined),
              gsi1sk: profile.sub,
            },
          },
        },
        conflict: 'membership',
      });
    }
    for (const role of existing?.roles ?? []) {
      if (!profile.roles.includes(role)) writes.push({ item: { Delete: { TableName: '', Key: keys.membership(profile.sub, role) } }, conflict: 'membership' });
    }
    return { profile, writes };
  }

  /** The people an audience names, each once; a person the directory does not know is nobody's recipient. */
  async resolve(audiences: readonly Audience[]): Promise<ProfileItem[]> {
    const subs = new Set<string>();
    for (const audience of audiences) {
      if ('sub' in audience) {
        subs.add(audience.sub);
        continue;
      }
      for (const level of coveringLevels(audience.place)) {
        const partition = keys.audience(audience.role, level, audience.role === 'department' ? audience.department : undefined);
        const members = await queryRange<Item & { sub: string }>(this.store, { index: 'gsi1', partition, maxItems: MAX_AUDIENCE });
        for (const member of members) subs.add(member.sub);
      }
    }
    if (subs.size === 0) return [];
    const profiles = await getMany<ProfileItem>(this.store, [...subs].map((sub) => keys.profile(sub)));
    return profiles.sort((a, b) => a.sub.localeCompare(b.sub));
  }
}

/** The profile's write: a new one only if none exists, a changed one only over the version read. */
export function profileWrite(profile: ProfileItem, existing: ProfileItem | undefined): Write {
  return existing
    ? {
        item: {
          Put: {
            TableName: '',
            Item: profile,
            ConditionExpression: '#version = :expected',
            ExpressionAttributeNames: { '#version': 'version' },
            ExpressionAttributeValues: { ':expected': existing.version },
          },
        },
        conflict: 'The profile changed meanwhile; try again.',
      }
    : { item: { Put: { TableName: '', Item: profile, ConditionExpression: 'attribute_not_exists(pk)' } }, conflict: 'The profile was created meanwhile; try again.' };
}
