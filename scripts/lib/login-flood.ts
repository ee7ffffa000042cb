/**
 * For `npm run bench`: N connections log in with wrong passwords for S seconds, each attempt from a
 * new address (X-Forwarded-For; the server trusts loopback), and print the answers by status as
 * JSON. A process of its own, so that the flood's client work does not slow the measuring client.
 *   node --import tsx/esm scripts/lib/login-flood.ts <origin> <connections> <seconds>
 */
import autocannon from 'autocannon';

const [origin = '', connections = '100', seconds = '5'] = process.argv.slice(2);
let n = 0;
const answers: Record<number, number> = {};
const result = await autocannon({
  url: origin,
  connections: Number(connections),
  duration: Number(seconds),
  requests: [
    {
      method: 'POST',
      setupRequest: (request) => {
        n += 1;
        return {
          ...request,
          path: '/api/auth/login',
          headers: {
            'content-type': 'application/json',
            origin,
            'x-forwarded-for': `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`,
          },
          body: JSON.stringify({ email: `angreifer-${n}@example.org`, password: `falsch-${n}-falsch` }),
        };
      },
      onResponse: (status) => {
        answers[status] = (answers[status] ?? 0) + 1;
      },
    },
  ],
});
console.log(JSON.stringify({ total: result.requests.total, answers }));
