/**
 * Licences an export may carry: the open licences of the DCAT-AP.de vocabulary
 * (https://www.dcat-ap.de/def/licenses/) that the Open-Data-Verordnung NRW points to. Chosen with
 * DATA_LICENSE; the default is the Datenlizenz Deutschland – Namensnennung – Version 2.0.
 */
const LICENSES = {
  'http://dcat-ap.de/def/licenses/dl-by-de/2.0': {
    name: 'Datenlizenz Deutschland – Namensnennung – Version 2.0',
    text: 'https://www.govdata.de/dl-de/by-2-0',
    attribution: true,
  },
  'http://dcat-ap.de/def/licenses/dl-zero-de/2.0': {
    name: 'Datenlizenz Deutschland – Zero – Version 2.0',
    text: 'https://www.govdata.de/dl-de/zero-2-0',
    attribution: false,
  },
  'http://dcat-ap.de/def/licenses/cc-by/4.0': {
    name: 'Creative Commons Namensnennung – 4.0 International (CC BY 4.0)',
    text: 'https://creativecommons.org/licenses/by/4.0/',
    attribution: true,
  },
  'http://dcat-ap.de/def/licenses/cc-zero': {
    name: 'Creative Commons CC Zero License (CC0 1.0)',
    text: 'https://creativecommons.org/publicdomain/zero/1.0/',
    attribution: false,
  },
} as const;
export type LicenseUri = keyof typeof LICENSES;
export const LICENSE_URIS = Object.keys(LICENSES) as [LicenseUri, ...LicenseUri[]];
export const DEFAULT_LICENSE: LicenseUri = 'http://dcat-ap.de/def/licenses/dl-by-de/2.0';

export type DataLicense = { uri: LicenseUri; name: string; text: string; attribution: boolean };
export const dataLicense = (uri: LicenseUri = DEFAULT_LICENSE): DataLicense => ({ uri, ...LICENSES[uri] });
