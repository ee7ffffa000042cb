import { Worker } from 'node:worker_threads';

/**
 * scrypt on two threads of its own, at a lower CPU priority (nice 10), instead of on libuv's pool:
 * a password check (0.3–0.9 s of CPU and 128 MiB each) can then neither take the pool's threads
 * from file reads nor the CPU from the thread that answers requests. On Linux a thread's nice value
 * is its own, so only the hashing threads yield. The worker's code is inline: no extra file to bundle.
 */
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const crypto = require('node:crypto');
const os = require('node:os');
try { os.setPriority(0, 10); } catch {}
parentPort.on('message', (job) => {
  try {
    const key = crypto.scryptSync(job.password, Buffer.from(job.salt), job.keylen, job.options);
    parentPort.postMessage({ id: job.id, key });
  } catch (err) {
    parentPort.postMessage({ id: job.id, error: err instanceof Error ? err.message : String(err) });
  }
});`;

export type ScryptOptions = { N: number; r: number; p: number; maxmem: number };
type Job = {
  id: number;
  password: string;
  salt: Uint8Array;
  keylen: number;
  options: ScryptOptions;
  resolve: (key: Buffer) => void;
  reject: (err: Error) => void;
};
type Reply = { id: number; key?: Uint8Array; error?: string };

/** Threads in the pool: as many as the server lets hash at once (DEFAULT_LOGIN_CONCURRENCY.total). */
const SIZE = 2;
const idle: Worker[] = [];
const busy = new Map<Worker, Job>();
const queue: Job[] = [];
let started = 0;
let nextId = 1;

function spawn(): Worker {
  const worker = new Worker(WORKER_SOURCE, { eval: true });
  started += 1;
  worker.on('message', (reply: Reply) => {
    const job = busy.get(worker);
    busy.delete(worker);
    if (job && reply.key) job.resolve(Buffer.from(reply.key.buffer, reply.key.byteOffset, reply.key.byteLength));
    else job?.reject(new Error(reply.error ?? 'scrypt failed'));
    release(worker);
  });
  const fail = (err: Error) => {
    busy.get(worker)?.reject(err);
    busy.delete(worker);
    const at = idle.indexOf(worker);
    if (at >= 0) idle.splice(at, 1);
    started -= 1;
  };
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`scrypt thread exited with ${code}`)));
  return worker;
}

/** Gives the next queued job to `worker`, or lets it idle without keeping the process alive. */
function release(worker: Worker): void {
  const job = queue.shift();
  if (!job) {
    worker.unref();
    idle.push(worker);
    return;
  }
  run(worker, job);
}

function run(worker: Worker, job: Job): void {
  busy.set(worker, job);
  worker.ref();
  const { resolve: _r, reject: _j, ...message } = job;
  worker.postMessage(message);
}

export function scrypt(password: string, salt: Uint8Array, keylen: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const job: Job = { id: nextId++, password, salt, keylen, options, resolve, reject };
    const worker = idle.pop() ?? (started < SIZE ? spawn() : undefined);
    if (worker) run(worker, job);
    else queue.push(job);
  });
}
