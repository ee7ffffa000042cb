import fp from 'fastify-plugin';
import type { DataLicense } from '../lib/licenses.ts';

/** Every export, feed and the catalogue names its licence in the response's metadata (RFC 8288 Link). */
const LICENSED = /^\/api\/(export|feeds|indicators|reported-figures|dcat)(\/|\?|\.|$)/;

export const licensePlugin = fp<{ license: DataLicense }>(
  async (app, opts) => {
    // The name has characters outside Latin-1 ("–"): sent as title* (RFC 8187).
    const title = `UTF-8''${encodeURIComponent(opts.license.name)}`;
    const link = `<${opts.license.uri}>; rel="license"; title*=${title}, <${opts.license.text}>; rel="license"; type="text/html"`;
    app.addHook('onSend', async (request, reply, payload) => {
      if (request.method === 'GET' && reply.statusCode === 200 && LICENSED.test(request.url)) {
        reply.header('Link', link);
      }
      return payload;
    });
  },
  { name: 'license' },
);
