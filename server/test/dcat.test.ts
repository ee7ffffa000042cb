import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import jsonld from 'jsonld';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { NO_LOAD_SHEDDING } from '../src/plugins/security.ts';
import { createTestApp, seedDir, type TestApp, textMatching } from './helper.ts';

const DCAT = 'http://www.w3.org/ns/dcat#';
const DCT = 'http://purl.org/dc/terms/';
const DCATDE = 'http://dcat-ap.de/def/dcatde/';
const FOAF = 'http://xmlns.com/foaf/0.1/';
const VCARD = 'http://www.w3.org/2006/vcard/ns#';
const XSD = 'http://www.w3.org/2001/XMLSchema#';
const DL_BY = 'http://dcat-ap.de/def/licenses/dl-by-de/2.0';

type Expanded = Record<string, unknown> & { '@id': string; '@type'?: string[] };
type Value = { '@id'?: string; '@value'?: string; '@type'?: string; '@language'?: string };

/** The catalogue expanded by a JSON-LD processor: what any DCAT harvester would read. */
async function expandCatalog(app: App): Promise<Map<string, Expanded>> {
  const res = await app.inject({ url: '/api/dcat' });
  expect(res.statusCode).toBe(200);
  expect(res.headers['content-type']).toBe('application/ld+json; charset=utf-8');
  const expanded = (await jsonld.expand(res.json())) as Expanded[];
  return new Map(expanded.map((node) => [node['@id'], node]));
}
const values = (node: Expanded | undefined, property: string): Value[] =>
  (node?.[property] as Value[] | undefined) ?? [];
const typesOf = (node: Expanded | undefined) => node?.['@type'] ?? [];

function checkDataset(nodes: Map<string, Expanded>, id: string, license: string): void {
  const dataset = nodes.get(id);
  expect(typesOf(dataset), id).toContain(`${DCAT}Dataset`);
  // DCAT-AP.de 2.0: title and description (mandatory), contributorID (mandatory in .de) …
  for (const p of [`${DCT}title`, `${DCT}description`]) {
    expect(values(dataset, p)[0]?.['@value'], `${id} ${p}`).toBeTruthy();
    expect(values(dataset, p)[0]?.['@language']).toBe('de');
  }
  expect(values(dataset, `${DCATDE}contributorID`)[0]?.['@id']).toMatch(/^http:\/\/dcat-ap\.de\/def\/contributors\//);
  // … publisher (a foaf:Agent with a name), contact point (a vcard:Kind), theme from the EU list …
  const publisher = nodes.get(values(dataset, `${DCT}publisher`)[0]?.['@id'] ?? '');
  expect(typesOf(publisher)).toContain(`${FOAF}Agent`);
  expect(values(publisher, `${FOAF}name`)[0]?.['@value']).toBeTruthy();
  const contact = nodes.get(values(dataset, `${DCAT}contactPoint`)[0]?.['@id'] ?? '');
  expect(typesOf(contact)).toContain(`${VCARD}Kind`);
  expect(values(dataset, `${DCAT}theme`)[0]?.['@id']).toMatch(
    /^http:\/\/publications\.europa\.eu\/resource\/authority\/data-theme\//,
  );
  // … temporal coverage as a dct:PeriodOfTime with typed dates, and the modification date.
  const temporal = nodes.get(values(dataset, `${DCT}temporal`)[0]?.['@id'] ?? '');
  expect(typesOf(temporal)).toContain(`${DCT}PeriodOfTime`);
  expect(values(temporal, `${DCAT}startDate`)[0]).toMatchObject({
    '@type': `${XSD}date`,
    '@value': textMatching(/^\d{4}-\d{2}-\d{2}$/),
  });
  expect(values(temporal, `${DCAT}endDate`)[0]?.['@type']).toBe(`${XSD}date`);
  expect(values(dataset, `${DCT}modified`)[0]?.['@type']).toMatch(
    /^http:\/\/www\.w3\.org\/2001\/XMLSchema#date(Time)?$/,
  );
  // Every distribution: access URL, the configured licence (mandatory in DCAT-AP.de), format or media type.
  const distributions = values(dataset, `${DCAT}distribution`);
  expect(distributions.length, id).toBeGreaterThan(0);
  for (const ref of distributions) {
    const distribution = nodes.get(ref['@id'] ?? '');
    expect(typesOf(distribution)).toContain(`${DCAT}Distribution`);
    expect(values(distribution, `${DCAT}accessURL`)[0]?.['@id']).toMatch(/^http:\/\/localhost(:80)?\/api\//);
    expect(values(distribution, `${DCT}license`).map((v) => v['@id'])).toEqual([license]);
    expect(values(distribution, `${DCAT}mediaType`)[0]?.['@id']).toMatch(
      /^https:\/\/www\.iana\.org\/assignments\/media-types\//,
    );
  }
}

describe('DCAT-AP.de catalogue', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('describes goals, status reports, indicators with readings and reported figures with every required property', async () => {
    const nodes = await expandCatalog(t.app);
    const catalog = [...nodes.values()].find((n) => typesOf(n).includes(`${DCAT}Catalog`));
    expect(values(catalog, `${DCT}title`)[0]?.['@value']).toBeTruthy();
    expect(values(catalog, `${DCT}description`)[0]?.['@value']).toContain(
      'Datenlizenz Deutschland – Namensnennung – Version 2.0',
    );
    expect(values(catalog, `${DCT}publisher`)).toHaveLength(1);
    expect(values(catalog, `${DCT}license`).map((v) => v['@id'])).toEqual([DL_BY]);
    const datasets = values(catalog, `${DCAT}dataset`).map((v) => v['@id'] ?? '');
    expect(datasets.map((id) => id.split('#')[1])).toEqual(['ziele', 'statusmeldungen', 'kennzahlen', 'gesamtzahlen']);
    for (const id of datasets) checkDataset(nodes, id, DL_BY);
  });

  it('states the coverage and the open counting question in the goals dataset', async () => {
    const nodes = await expandCatalog(t.app);
    const goals = [...nodes.values()].find((n) => n['@id'].endsWith('#ziele'));
    const description = values(goals, `${DCT}description`)[0]?.['@value'] ?? '';
    expect(description).toContain('29 von 44 Zielen der Version 1.0 und 11 von 78 Zielen der Version 2.0');
    expect(description).toContain('Offene Zählfrage');
  });

  it('links every distribution to an export that answers', async () => {
    const nodes = await expandCatalog(t.app);
    for (const node of nodes.values()) {
      if (!typesOf(node).includes(`${DCAT}Distribution`)) continue;
      const url = values(node, `${DCAT}accessURL`)[0]?.['@id'] ?? '';
      const res = await t.app.inject({ url: url.replace(/^http:\/\/localhost(:80)?/, '') });
      expect(res.statusCode, url).toBe(200);
      // Every export names its licence in its metadata.
      expect(res.headers.link, url).toContain(`<${DL_BY}>; rel="license"`);
    }
  });

  it('says the same in Turtle as in JSON-LD', async () => {
    const json = (await t.app.inject({ url: '/api/dcat' })).json<jsonld.JsonLdDocument>();
    const turtle = await t.app.inject({ url: '/api/dcat.ttl' });
    expect(turtle.headers['content-type']).toBe('text/turtle; charset=utf-8');
    // The Turtle is written one triple per line with full IRIs: a N-Quads reader takes it too.
    const parsed = await jsonld.fromRDF(turtle.body, { format: 'application/n-quads' });
    const fromTurtle = await jsonld.canonize(parsed, { algorithm: 'URDNA2015', format: 'application/n-quads' });
    const fromJson = await jsonld.canonize(json, { algorithm: 'URDNA2015', format: 'application/n-quads' });
    expect(fromTurtle).toBe(fromJson);
    expect(fromTurtle.split('\n').length).toBeGreaterThan(100);
  });
});

describe('DATA_LICENSE', () => {
  it('is one of the DCAT-AP.de licences, Datenlizenz Deutschland – Namensnennung 2.0 unless chosen', () => {
    expect(loadConfig({}).DATA_LICENSE).toBe(DL_BY);
    expect(loadConfig({ DATA_LICENSE: 'http://dcat-ap.de/def/licenses/cc-zero' }).DATA_LICENSE).toBe(
      'http://dcat-ap.de/def/licenses/cc-zero',
    );
    expect(() => loadConfig({ DATA_LICENSE: 'alle Rechte vorbehalten' })).toThrow(/DATA_LICENSE/);
  });

  it('names the chosen licence in the catalogue and in every export', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zielmonitor-dcat-'));
    const app = await buildApp({
      databasePath: path.join(dir, 'dcat.sqlite'),
      seedDir,
      clientDist: null,
      pressure: NO_LOAD_SHEDDING,
      dataLicense: 'http://dcat-ap.de/def/licenses/cc-zero',
      about: { feedbackEmail: 'daten@example.org', operator: 'Beispielbetreiber' },
    });
    try {
      const nodes = await expandCatalog(app);
      for (const node of nodes.values()) {
        if (typesOf(node).includes(`${DCAT}Dataset`))
          checkDataset(nodes, node['@id'], 'http://dcat-ap.de/def/licenses/cc-zero');
      }
      const contact = [...nodes.values()].find((n) => n['@id'].endsWith('#kontakt'));
      expect(values(contact, `${VCARD}hasEmail`)[0]?.['@id']).toBe('mailto:daten@example.org');
      const publisher = [...nodes.values()].find((n) => n['@id'].endsWith('#herausgeber'));
      expect(values(publisher, `${FOAF}name`)[0]?.['@value']).toBe('Beispielbetreiber');
      const csv = await app.inject({ url: '/api/export/indicator-readings.csv' });
      expect(csv.headers.link).toContain('<http://dcat-ap.de/def/licenses/cc-zero>; rel="license"');
    } finally {
      await app.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
