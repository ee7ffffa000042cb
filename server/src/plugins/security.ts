import fp from 'fastify-plugin';
import helmet from '@fastify/helmet';
import underPressure from '@fastify/under-pressure';
import { AppError } from '../lib/errors.ts';

/**
 * Security headers with a strict CSP, and load shedding: when the event loop lags, new
 * requests get a 503 with Retry-After instead of queueing until they time out.
 */
export type PressureOptions = { maxEventLoopDelay: number; maxEventLoopUtilization?: number; sampleInterval?: number };

/**
 * Load shedding off (0 disables a check), for apps that share their event loop with other work:
 * tests (fast-check stalls the loop for seconds while it builds tables) and the benchmark's
 * in-process measurements. A stall can leave under-pressure's delay histogram without a sample,
 * which it reads as an infinite delay: a 503 that no threshold prevents.
 */
export const NO_LOAD_SHEDDING: PressureOptions = { maxEventLoopDelay: 0, maxEventLoopUtilization: 0 };

export const securityPlugin = fp<{ hsts: boolean; pressure?: PressureOptions | undefined }>(
  async (app, opts) => {
    await app.register(helmet, {
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'"],
          imgSrc: ["'self'", 'data:'],
          fontSrc: ["'self'"],
          connectSrc: ["'self'"],
          manifestSrc: ["'self'"],
          workerSrc: ["'self'"],
          objectSrc: ["'none'"],
          baseUri: ["'none'"],
          frameAncestors: ["'none'"],
          formAction: ["'self'"],
        },
      },
      // Only when the public origin is https (PUBLIC_ORIGIN): a plain-HTTP installation on loopback
      // must not tell browsers to insist on https for its host. A year, subdomains of this host included.
      strictTransportSecurity: opts.hsts ? { maxAge: 31_536_000, includeSubDomains: true } : false,
      crossOriginEmbedderPolicy: false,
    });

    await app.register(underPressure, {
      maxEventLoopDelay: opts.pressure?.maxEventLoopDelay ?? 1000,
      maxEventLoopUtilization: opts.pressure?.maxEventLoopUtilization ?? 0.98,
      ...(opts.pressure?.sampleInterval !== undefined && { sampleInterval: opts.pressure.sampleInterval }),
      retryAfter: 5,
      pressureHandler: (request, reply, type, value) => {
        // The measure and its value are for the operator's log; the visitor gets a sentence.
        request.log.warn({ pressure: type, value }, 'under pressure');
        reply.header('Retry-After', '5');
        throw new AppError(
          503,
          'OVERLOADED',
          'Der Server ist gerade überlastet. Bitte in einigen Sekunden erneut versuchen.',
        );
      },
    });
  },
  { name: 'security' },
);
