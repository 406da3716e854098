// aif-node's command line: every bad flag value is refused with exit code 2 and a message
// naming the flag, before anything is opened (docs/node.md).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';

import { GENESIS_FILE, makeDataDir, nodeBinary, removeDir, startNode, stopNode, waitFor } from './lib/node.mjs';

const runNode = (args) => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'aif-flags-'));
  try {
    const r = spawnSync(nodeBinary(), ['--genesis', GENESIS_FILE, '--data-dir', path.join(dataDir, 'd'), ...args], {
      encoding: 'utf8',
      timeout: 20_000,
    });
    // Refused before the data directory is created.
    return { ...r, created: fs.existsSync(path.join(dataDir, 'd')) };
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
};

const refusals = [
  [['--mempool-lifetime-s', '0'], '--mempool-lifetime-s must be 1..2592000'],
  [['--mempool-lifetime-s', '2592001'], '--mempool-lifetime-s must be 1..2592000'],
  [['--mempool-max-txs', '0'], '--mempool-max-txs and --mempool-max-per-sender must be positive'],
  [['--mempool-max-per-sender', '0'], '--mempool-max-txs and --mempool-max-per-sender must be positive'],
  // Boost alone would read -1 into an unsigned flag as 2^64 - 1.
  [['--mempool-max-nonce-gap', '-1'], "the argument ('-1') for option '--mempool-max-nonce-gap' is invalid"],
  [['--mempool-max-txs', '-5'], "the argument ('-5') for option '--mempool-max-txs' is invalid"],
  [['--rpc-max-body-bytes', '12abc'], "the argument ('12abc') for option '--rpc-max-body-bytes' is invalid"],
  [['--rpc-threads', '99999999999999999999999'], "for option '--rpc-threads' is invalid"],
  [['--block-interval-ms', '0'], '--block-interval-ms must be 1..1000'],
  [['--max-block-txs', '0'], '--max-block-txs must be positive'],
  [['--rpc-nice', '20'], '--rpc-nice must be 0..19'],
  [['--rpc-nice', '-1'], "the argument ('-1') for option '--rpc-nice' is invalid"],
];

for (const [args, message] of refusals) {
  test(`aif-node ${args.join(' ')} is refused`, () => {
    const r = runNode(args);
    assert.equal(r.status, 2, `exit status (stderr: ${r.stderr})`);
    assert.ok(r.stderr.includes(message), `stderr names the problem: ${r.stderr}`);
    assert.equal(r.created, false, 'nothing was written');
  });
}

test('aif-node --help lists the mempool flags', () => {
  const r = spawnSync(nodeBinary(), ['--help'], { encoding: 'utf8' });
  assert.equal(r.status, 0);
  for (const flag of ['--mempool-max-nonce-gap', '--mempool-lifetime-s', '--rpc-max-inflight-bytes', '--rpc-header-timeout-ms']) {
    assert.ok(r.stdout.includes(flag), `${flag} in --help`);
  }
});

/** The nice value of thread `tid` of process `pid` (Linux /proc; field 19 of the task's stat). */
const threadNice = (pid, tid) => {
  const stat = fs.readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
  // The command name may hold spaces or parentheses: count fields after its closing one.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(fields[16]);
};
const threadNices = (pid) => fs.readdirSync(`/proc/${pid}/task`).map((tid) => threadNice(pid, tid));

test('aif-node --rpc-nice runs exactly the RPC threads below the producer, and still serves', async () => {
  const dataDir = makeDataDir('aif-nice-');
  const node = await startNode({ dataDir, args: ['--rpc-nice', '7', '--rpc-threads', '3'] });
  try {
    // Relative to the node's main thread: the suite itself may run under `nice`.
    const base = threadNice(node.proc.pid, node.proc.pid);
    assert.ok(base + 7 <= 19, `the suite runs at nice ${base}: too low to see a lowering by 7`);
    const lowered = base + 7;
    // Each I/O thread lowers itself as it starts.
    const nices = await waitFor(`three threads at nice ${lowered} (main thread at ${base})`, () => {
      const n = threadNices(node.proc.pid);
      return n.filter((x) => x === lowered).length === 3 ? n : null;
    });
    assert.ok(nices.filter((x) => x === base).length >= 2, `main and producer threads stay at ${base}: ${nices}`);
    assert.equal(nices.filter((x) => x !== base && x !== lowered).length, 0, `no other nice: ${nices}`);
    const info = await node.rpc.call('chain_getInfo');
    assert.equal(info.height >= 0, true);
  } finally {
    await stopNode(node);
    removeDir(dataDir);
  }
});
