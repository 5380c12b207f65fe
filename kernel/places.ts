/**
 * The reference data of places: the district, its streets and towns, and their communities and
 * villages, with Chinese and English names. One module for everyone who must agree on them: the
 * local sign-in provider (a resident chooses a community when registering), the Cognito sign-up
 * trigger in the stack (it refuses a community not on the list) and the web app (names, filters).
 * Plain data and no imports, so the web app's bundle takes only this.
 */
export interface PlaceName {
  zh: string;
  en: string;
}

export interface Community {
  /** `D01/S03/C07`. */
  id: string;
  name: PlaceName;
}

export interface Street {
  /** `D01/S03`. */
  id: string;
  name: PlaceName;
  communities: readonly Community[];
}

export interface District {
  id: string;
  name: PlaceName;
  streets: readonly Street[];
}

function street(id: string, zh: string, en: string, communities: ReadonlyArray<readonly [string, string, string]>): Street {
  return { id, name: { zh, en }, communities: communities.map(([c, czh, cen]) => ({ id: `${id}/${c}`, name: { zh: czh, en: cen } })) };
}

export const DISTRICTS: readonly District[] = [
  {
    id: 'D01',
    name: { zh: '青山区', en: 'Qingshan District' },
    streets: [
      street('D01/S01', '东湖街道', 'Donghu Street', [
        ['C01', '湖畔社区', 'Lakeside Community'],
        ['C02', '樱园社区', 'Cherry Garden Community'],
        ['C03', '水果湖社区', 'Shuiguohu Community'],
      ]),
      street('D01/S02', '西城街道', 'Xicheng Street', [
        ['C01', '钢花社区', 'Ganghua Community'],
        ['C02', '红卫社区', 'Hongwei Community'],
        ['C03', '新村社区', 'Xincun Community'],
      ]),
      street('D01/S03', '南山街道', 'Nanshan Street', [
        ['C01', '松林社区', 'Songlin Community'],
        ['C02', '翠竹社区', 'Cuizhu Community'],
        ['C03', '桂花社区', 'Osmanthus Community'],
        ['C04', '玉泉社区', 'Yuquan Community'],
        ['C05', '南湖社区', 'Nanhu Community'],
        ['C06', '书院社区', 'Academy Community'],
        ['C07', '和平社区', 'Heping Community'],
      ]),
      street('D01/S04', '北桥镇', 'Beiqiao Town', [
        ['C01', '北桥村', 'Beiqiao Village'],
        ['C02', '李家村', 'Lijia Village'],
        ['C03', '柳湾村', 'Liuwan Village'],
      ]),
    ],
  },
];

export function streetsOf(district: string): readonly Street[] {
  return DISTRICTS.find((d) => d.id === district)?.streets ?? [];
}

export function communities(): Community[] {
  return DISTRICTS.flatMap((d) => d.streets.flatMap((s) => [...s.communities]));
}

/** True for a community on the list: the only places a resident may register in. */
export function isListedCommunity(id: string): boolean {
  return communities().some((c) => c.id === id);
}

/** The name of a district, street or community on the list, or undefined. */
export function placeName(id: string): PlaceName | undefined {
  for (const district of DISTRICTS) {
    if (district.id === id) return district.name;
    for (const s of district.streets) {
      if (s.id === id) return s.name;
      const community = s.communities.find((c) => c.id === id);
      if (community) return community.name;
    }
  }
  return undefined;
}
