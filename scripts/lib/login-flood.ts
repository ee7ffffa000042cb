/**
 * For `npm run bench`: N clients log in with wrong passwords for S seconds, each attempt from a new
 * address (X-Forwarded-For; the server trusts loopback), and print the answers by status as JSON.
 * `polite` clients wait as long as a 429's Retry-After says, as the dashboard's own client does;
 * `flood` clients send the next attempt the moment an answer arrives. A process of its own, so
 * that the flood's client work does not slow the measuring client.
 *   node --import tsx/esm scripts/lib/login-flood.ts <origin> <clients> <seconds> polite|flood
 */
const [origin = '', clients = '100', seconds = '5', mode = 'polite'] = process.argv.slice(2);
const until = Date.now() + Number(seconds) * 1000;
const answers: Record<number, number> = {};
let n = 0;

async function client(): Promise<void> {
  while (Date.now() < until) {
    n += 1;
    const res = await fetch(`${origin}/api/auth/login`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        origin,
        'x-forwarded-for': `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`,
      },
      body: JSON.stringify({ email: `angreifer-${n}@example.org`, password: `falsch-${n}-falsch` }),
    });
    await res.arrayBuffer();
    answers[res.status] = (answers[res.status] ?? 0) + 1;
    const wait = Number(res.headers.get('retry-after') ?? 0) * 1000;
    if (mode === 'polite' && res.status === 429)
      await new Promise((r) => setTimeout(r, Math.min(wait, until - Date.now())));
  }
}

await Promise.all(Array.from({ length: Number(clients) }, client));
console.log(JSON.stringify({ total: Object.values(answers).reduce((a, b) => a + b, 0), answers }));

export {};
