import { GetObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { stringify } from 'csv-stringify/sync';
import { OPEN_DATA_PREFIX } from './open-data-settings.ts';

/**
 * Open data: the public datasets of the platform as files, CSV and JSON, each with its data
 * dictionary (field, type, meaning), and an index of the datasets with their dates. Each service
 * publishes its own datasets, read from its own table by Query, once a day from a schedule of its own
 * (one marked `openData`: premises' and funding's daily `open-data`; coordination's and
 * recruitment's existing checks, which publish on their first run of each China-time day), under
 * `<service>/` in the open-data bucket, then writes the index from the services' manifests that are
 * there (so the index lists what has been published, with each one's date). Riding on the existing
 * schedules keeps the stack within CloudFormation's 500 resources: a schedule is some eleven of them.
 * In the stack the bucket is served under `/open-data/` by the web distribution; under `npm start` an
 * S3-compatible server (s3rver) holds it in the data folder, and the gateway serves it at `/open-data/`.
 *
 * A dataset names every field it publishes; publishing fails on a row with any other field, and on a
 * field whose name is on the deny-list of personal fields (a person's name, sub, profile, notes,
 * descriptions), so that no row can carry one by accident.
 */
export type FieldType = 'string' | 'integer' | 'number' | 'boolean' | 'date' | 'datetime' | 'month';

export interface DatasetField {
  name: string;
  type: FieldType;
  /** What it means, for the data dictionary. */
  meaning: string;
  /** May be empty (null in JSON). */
  nullable?: boolean;
}

export interface Dataset {
  /** Lower-case, dashes: the file names (`rankings-departments`). */
  name: string;
  title: string;
  description: string;
  fields: readonly DatasetField[];
  rows(now: string): Promise<Array<Record<string, unknown>>>;
}

/**
 * Names a public dataset never carries, whatever dataset: persons (names, subs, profiles, contacts)
 * and free text (notes, descriptions, comments, opinions). Matched on the end of the field name, case aside (`roomName`, `decidedBy`).
 */
export const PERSONAL_FIELD =
  /(name|names|sub|subs|profile|profiles|email|phone|mobile|idcard|address|note|notes|description|descriptions|comment|comments|opinion|text|reason|actor|applicant|by|staffid|location)$/i;

/** A field whose name ends with a personal word (`name`, `roomName`, `acknowledgedBy`, `note` …). */
export function isPersonalField(name: string): boolean {
  return PERSONAL_FIELD.test(name);
}

const TYPE_CHECKS: Record<FieldType, (v: unknown) => boolean> = {
  string: (v) => typeof v === 'string',
  integer: (v) => Number.isInteger(v),
  number: (v) => typeof v === 'number' && Number.isFinite(v),
  boolean: (v) => typeof v === 'boolean',
  date: (v) => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v),
  datetime: (v) => typeof v === 'string' && !Number.isNaN(Date.parse(v)) && /T/.test(v),
  month: (v) => typeof v === 'string' && /^\d{4}-\d{2}$/.test(v),
};

/** The rows checked against the dictionary: exactly its fields, each of its type. Throws on the first problem. */
export function checkedRows(dataset: Dataset, rows: ReadonlyArray<Record<string, unknown>>): Array<Record<string, unknown>> {
  const personal = dataset.fields.filter((f) => isPersonalField(f.name)).map((f) => f.name);
  if (personal.length > 0) throw new Error(`dataset ${dataset.name} declares personal fields: ${personal.join(', ')}`);
  const known = new Map(dataset.fields.map((f) => [f.name, f]));
  return rows.map((row, i) => {
    const extra = Object.keys(row).filter((k) => !known.has(k));
    if (extra.length > 0) throw new Error(`dataset ${dataset.name}, row ${i}: fields not in its dictionary: ${extra.join(', ')}`);
    const out: Record<string, unknown> = {};
    for (const field of dataset.fields) {
      const value = row[field.name] ?? null;
      if (value === null ? !field.nullable : !TYPE_CHECKS[field.type](value)) {
        throw new Error(`dataset ${dataset.name}, row ${i}: ${field.name} = ${JSON.stringify(value)} is not ${field.nullable ? 'null or ' : ''}${field.type}`);
      }
      out[field.name] = value;
    }
    return out;
  });
}

/** What a service's manifest says of each of its datasets (and the index of all of them). */
export interface DatasetEntry {
  service: string;
  name: string;
  title: string;
  description: string;
  rows: number;
  generatedAt: string;
  files: { csv: string; json: string; dictionaryCsv: string; dictionaryJson: string };
}

const csvOf = (columns: readonly string[], rows: ReadonlyArray<Record<string, unknown>>) =>
  stringify(
    rows.map((row) => columns.map((c) => row[c] ?? '')),
    { header: true, columns: [...columns], record_delimiter: 'unix', cast: { boolean: (v) => String(v) } },
  );

export class OpenDataBucket {
  constructor(
    readonly bucket: string,
    readonly s3: S3Client,
  ) {}

  static fromSettings(settings: { openDataBucket: string; openDataPathStyle: boolean }): OpenDataBucket {
    return new OpenDataBucket(settings.openDataBucket, new S3Client({ forcePathStyle: settings.openDataPathStyle }));
  }

  async put(key: string, body: string, contentType: string): Promise<void> {
    await this.s3.send(
      new PutObjectCommand({ Bucket: this.bucket, Key: `${OPEN_DATA_PREFIX}/${key}`, Body: body, ContentType: contentType, CacheControl: 'public, max-age=3600' }),
    );
  }

  async get(key: string): Promise<string | undefined> {
    try {
      const out = await this.s3.send(new GetObjectCommand({ Bucket: this.bucket, Key: `${OPEN_DATA_PREFIX}/${key}` }));
      return await out.Body!.transformToString('utf-8');
    } catch (error) {
      if ((error as { name?: string }).name === 'NoSuchKey') return undefined;
      throw error;
    }
  }

  /** The keys under a prefix (relative to the open-data folder). */
  async list(prefix = ''): Promise<string[]> {
    const keys: string[] = [];
    let token: string | undefined;
    do {
      const out = await this.s3.send(
        new ListObjectsV2Command({ Bucket: this.bucket, Prefix: `${OPEN_DATA_PREFIX}/${prefix}`, ...(token ? { ContinuationToken: token } : {}) }),
      );
      for (const o of out.Contents ?? []) if (o.Key) keys.push(o.Key.slice(OPEN_DATA_PREFIX.length + 1));
      token = out.IsTruncated ? out.NextContinuationToken : undefined;
    } while (token);
    return keys;
  }

  /**
   * Publishes a service's datasets: per dataset its rows as CSV and JSON and its dictionary as CSV and
   * JSON, then the service's manifest, then the index of every service's manifest found in the bucket.
   */
  async publish(service: string, datasets: readonly Dataset[], now: string): Promise<DatasetEntry[]> {
    const entries: DatasetEntry[] = [];
    for (const dataset of datasets) {
      const rows = checkedRows(dataset, await dataset.rows(now));
      const base = `${service}/${dataset.name}`;
      const files = { csv: `${base}.csv`, json: `${base}.json`, dictionaryCsv: `${base}.dictionary.csv`, dictionaryJson: `${base}.dictionary.json` };
      const columns = dataset.fields.map((f) => f.name);
      const dictionary = dataset.fields.map((f) => ({ field: f.name, type: f.type, nullable: Boolean(f.nullable), meaning: f.meaning }));
      const about = { dataset: dataset.name, service, title: dataset.title, description: dataset.description, generatedAt: now };
      await this.put(files.csv, csvOf(columns, rows), 'text/csv; charset=utf-8');
      await this.put(files.json, `${JSON.stringify({ ...about, fields: columns, rows }, null, 1)}\n`, 'application/json');
      await this.put(files.dictionaryCsv, csvOf(['field', 'type', 'nullable', 'meaning'], dictionary), 'text/csv; charset=utf-8');
      await this.put(files.dictionaryJson, `${JSON.stringify({ ...about, fields: dictionary }, null, 1)}\n`, 'application/json');
      entries.push({ service, name: dataset.name, title: dataset.title, description: dataset.description, rows: rows.length, generatedAt: now, files });
    }
    await this.put(`${service}/manifest.json`, `${JSON.stringify({ service, generatedAt: now, datasets: entries }, null, 1)}\n`, 'application/json');
    await this.writeIndex(now);
    return entries;
  }

  /**
   * Whether the service's datasets are due today (China time): none published yet, or last on an
   * earlier day. A job that runs more often than daily publishes on its first run of each day.
   */
  async due(service: string, now: string): Promise<boolean> {
    const manifest = await this.get(`${service}/manifest.json`);
    if (!manifest) return true;
    const day = (iso: string) => new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 10);
    return day((JSON.parse(manifest) as { generatedAt: string }).generatedAt) < day(now);
  }

  /** The index from the manifests in the bucket (each service's latest), as JSON and CSV. */
  async writeIndex(now: string): Promise<void> {
    const manifests = (await this.list()).filter((k) => /^[a-z-]+\/manifest\.json$/.test(k)).sort();
    const datasets: DatasetEntry[] = [];
    for (const key of manifests) {
      const text = await this.get(key);
      if (text) datasets.push(...(JSON.parse(text) as { datasets: DatasetEntry[] }).datasets);
    }
    await this.put('index.json', `${JSON.stringify({ title: 'Five Haves open data', updatedAt: now, datasets }, null, 1)}\n`, 'application/json');
    await this.put(
      'index.csv',
      csvOf(
        ['service', 'name', 'title', 'rows', 'generatedAt', 'csv', 'json', 'dictionaryCsv', 'dictionaryJson'],
        datasets.map((d) => ({ service: d.service, name: d.name, title: d.title, rows: d.rows, generatedAt: d.generatedAt, ...d.files })),
      ),
      'text/csv; charset=utf-8',
    );
  }
}
