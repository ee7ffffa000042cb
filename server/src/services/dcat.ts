import type { DataLicense } from '../lib/licenses.ts';
import { iri, text, typed, type RdfNode, type Term } from '../lib/rdf.ts';
import type { Repositories } from '../repositories/index.ts';
import { datasetSpecs } from './dcat-datasets.ts';

export const DCAT_PREFIXES = {
  dcat: 'http://www.w3.org/ns/dcat#',
  dct: 'http://purl.org/dc/terms/',
  dcatde: 'http://dcat-ap.de/def/dcatde/',
  foaf: 'http://xmlns.com/foaf/0.1/',
  vcard: 'http://www.w3.org/2006/vcard/ns#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
};

const EU = 'http://publications.europa.eu/resource/authority';
const MEDIA = 'https://www.iana.org/assignments/media-types';
// The portal through which NRW's open data reaches GovData (DCAT-AP.de contributor list).
const CONTRIBUTOR = 'http://dcat-ap.de/def/contributors/openNRW';
const NRW = 'http://dcat-ap.de/def/politicalGeocoding/stateKey/05';

export type CatalogContext = { base: string; license: DataLicense; publisher: string | null; contact: string | null };

/**
 * The DCAT-AP.de catalogue of Zielmonitor's open data: goals, status reports, indicators with
 * their readings and the reported aggregate figures, each with its distributions (the CSV and
 * JSON exports), publisher, contact point, temporal coverage, modification date and the licence
 * chosen in DATA_LICENSE.
 */
export function buildCatalog(repos: Repositories, ctx: CatalogContext): RdfNode[] {
  const { base, license } = ctx;
  const self = `${base}/api/dcat`;
  const publisher = `${self}#herausgeber`;
  const contact = `${self}#kontakt`;
  const datasets = datasetSpecs(repos, base);

  const nodes: RdfNode[] = [];
  const dateTime = (value: string) => typed(value, value.length === 10 ? 'xsd:date' : 'xsd:dateTime');
  const catalogModified = datasets
    .map((d) => d.span.modified)
    .filter((m): m is string => m !== null)
    .sort()
    .at(-1);
  const common = (): [string, Term][] => [
    ['dct:publisher', iri(publisher)],
    ['dcat:contactPoint', iri(contact)],
    ['dcatde:contributorID', iri(CONTRIBUTOR)],
    ['dcat:theme', iri(`${EU}/data-theme/GOVE`)],
    ['dct:language', iri(`${EU}/language/DEU`)],
    ['dct:accrualPeriodicity', iri(`${EU}/frequency/IRREG`)],
    ['dcatde:politicalGeocodingURI', iri(NRW)],
    ['dcatde:politicalGeocodingLevelURI', iri('http://dcat-ap.de/def/politicalGeocoding/Level/state')],
    ['dct:spatial', iri(NRW)],
  ];
  nodes.push({
    id: `${self}#katalog`,
    types: ['dcat:Catalog'],
    props: [
      ['dct:title', text('Zielmonitor – offene Daten zur Digitalstrategie Nordrhein-Westfalen')],
      [
        'dct:description',
        text(
          `Die Datensätze des Zielmonitors: Ziele, Meldungen zum Stand der Ziele, Kennzahlen und berichtete Gesamtzahlen. Lizenz: ${license.name}.`,
        ),
      ],
      ['dct:publisher', iri(publisher)],
      ['dct:license', iri(license.uri)],
      ['dct:language', iri(`${EU}/language/DEU`)],
      ['foaf:homepage', iri(`${base}/`)],
      ...(catalogModified ? ([['dct:modified', dateTime(catalogModified)]] as [string, Term][]) : []),
      ...datasets.map((d): [string, Term] => ['dcat:dataset', iri(`${self}#${d.key}`)]),
    ],
  });
  nodes.push({
    id: publisher,
    types: ['foaf:Agent', 'foaf:Organization'],
    props: [['foaf:name', text(ctx.publisher ?? 'Zielmonitor')]],
  });
  nodes.push({
    id: contact,
    types: ['vcard:Kind', 'vcard:Organization'],
    props: [
      ['vcard:fn', text(ctx.publisher ?? 'Zielmonitor')],
      ctx.contact
        ? ['vcard:hasEmail', iri(`mailto:${ctx.contact}`)]
        : ['vcard:hasURL', iri(`${base}/barrierefreiheit`)],
    ],
  });
  for (const d of datasets) {
    const id = `${self}#${d.key}`;
    const temporal = `${id}-zeitraum`;
    nodes.push({
      id,
      types: ['dcat:Dataset'],
      props: [
        ['dct:title', text(d.title)],
        ['dct:description', text(d.description)],
        ['dct:identifier', typed(id, 'xsd:string')],
        ...common(),
        ...d.keywords.map((k): [string, Term] => ['dcat:keyword', text(k)]),
        ['dcat:landingPage', iri(d.landingPage)],
        ...(d.span.first || d.span.last ? ([['dct:temporal', iri(temporal)]] as [string, Term][]) : []),
        ...(d.span.modified ? ([['dct:modified', dateTime(d.span.modified)]] as [string, Term][]) : []),
        ...d.distributions.map((_distribution, i): [string, Term] => ['dcat:distribution', iri(`${id}-${i + 1}`)]),
      ],
    });
    if (d.span.first || d.span.last) {
      nodes.push({
        id: temporal,
        types: ['dct:PeriodOfTime'],
        props: [
          ...(d.span.first ? ([['dcat:startDate', typed(d.span.first, 'xsd:date')]] as [string, Term][]) : []),
          ...(d.span.last ? ([['dcat:endDate', typed(d.span.last, 'xsd:date')]] as [string, Term][]) : []),
        ],
      });
    }
    d.distributions.forEach((x, i) => {
      nodes.push({
        id: `${id}-${i + 1}`,
        types: ['dcat:Distribution'],
        props: [
          ['dct:title', text(x.title)],
          ['dcat:accessURL', iri(`${base}${x.path}`)],
          ['dcat:downloadURL', iri(`${base}${x.path}`)],
          ['dct:license', iri(license.uri)],
          ...(license.attribution
            ? ([
                [
                  'dcatde:licenseAttributionByText',
                  text(`${ctx.publisher ?? 'Zielmonitor'}, Zielmonitor Digitalstrategie NRW; Quellen je Datensatz`),
                ],
              ] as [string, Term][])
            : []),
          ...(x.format ? ([['dct:format', iri(`${EU}/file-type/${x.format}`)]] as [string, Term][]) : []),
          ['dcat:mediaType', iri(`${MEDIA}/${x.mediaType}`)],
          ...(d.span.modified ? ([['dct:modified', dateTime(d.span.modified)]] as [string, Term][]) : []),
        ],
      });
    });
  }
  return nodes;
}
