// SPDX-License-Identifier: MIT
// Crash test (issue 8, docs/security.md): a dev node under transfer load from several senders is
// killed with SIGKILL at random moments and restarted on the same data directory, again and
// again. After every kill:
//   1. aif-replay (tools/) replays the stored blocks from genesis on a copy of the data dir and
//      must find the replayed state root equal to the stored head's (and the stored entries);
//   2. the restarted node's height is never below the highest height a client saw committed,
//      and its head and state root are the ones aif-replay read from the dead node's disk;
//   3. every transaction a client saw as committed is still committed at the same height and
//      index.
// Rounds: $AIF_CRASH_ROUNDS (default 20; a longer run: AIF_CRASH_ROUNDS=200). Seed:
// $AIF_CRASH_SEED (default: random, printed — rerun with it to reproduce the kill schedule).
import { spawn, spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync } from 'node:fs';
import path from 'node:path';
import { test, after } from 'node:test';
import assert from 'node:assert/strict';

import {
  BUILD_DIR,
  GENESIS_FILE,
  RpcError,
  VALIDATOR_KEY_FILE,
  devGenesis,
  devWallets,
  domainOf,
  freshAddress,
  killNode,
  makeDataDir,
  nodeBinary,
  removeDir,
  signTransfer,
  startNode,
  stopNode,
  transferMessage,
} from '../interop/lib/node.mjs';

const ROUNDS = Number(process.env.AIF_CRASH_ROUNDS || 20);
const SEED = Number(process.env.AIF_CRASH_SEED || Math.floor(Math.random() * 2 ** 31));
/** Kill moments: uniformly random in [MIN_LOAD_MS, MAX_LOAD_MS] after the node listens. */
const MIN_LOAD_MS = 30;
const MAX_LOAD_MS = 1500;
const SENDERS = 4;
/** Transactions each sender keeps in flight (consecutive nonces) before waiting for them. */
const PIPELINE = 4;
const BLOCK_INTERVAL_MS = 20;

/** mulberry32: a small seeded PRNG, so a failing schedule can be replayed from its seed. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function replayBinary() {
  const p = path.join(BUILD_DIR, 'tools', 'aif-replay');
  if (!existsSync(p)) {
    throw new Error(`${p} not found: build it with \`cmake --build ${BUILD_DIR} --target aif-replay\``);
  }
  return p;
}

/** Scratch space for aif-replay: tmpfs when there is one (its replay writes synced blocks). */
function replayTmpDir() {
  try {
    accessSync('/dev/shm', constants.W_OK);
    return '/dev/shm';
  } catch {
    return process.env.TMPDIR;
  }
}

/** Runs aif-replay on a (stopped) node's data dir; returns its JSON report. */
function replay(dataDir) {
  const tmp = replayTmpDir();
  const r = spawnSync(replayBinary(), ['--genesis', GENESIS_FILE, '--data-dir', dataDir, '--json'], {
    encoding: 'utf8',
    timeout: 300_000,
    env: tmp ? { ...process.env, TMPDIR: tmp } : process.env,
  });
  if (r.error) throw r.error;
  let report;
  try {
    report = JSON.parse(r.stdout.trim().split('\n').pop());
  } catch {
    throw new Error(`aif-replay printed no JSON (status ${r.status}): ${r.stdout}\n${r.stderr}`);
  }
  assert.equal(r.status, report.ok ? 0 : 1, `aif-replay exit status vs report: ${r.stderr}`);
  return report;
}

/** JSON-RPC batch of tx_get for `hashes`; returns the results in order (throws on any error). */
async function txGetBatch(rpc, hashes) {
  const out = [];
  for (let i = 0; i < hashes.length; i += 500) {
    const chunk = hashes.slice(i, i + 500);
    const body = JSON.stringify(
      chunk.map((hash, j) => ({ jsonrpc: '2.0', id: j, method: 'tx_get', params: { hash } })),
    );
    const res = await rpc.raw(body);
    assert.ok(Array.isArray(res.json), `tx_get batch: HTTP ${res.status} ${res.text.slice(0, 300)}`);
    const byId = new Map(res.json.map((r) => [r.id, r]));
    chunk.forEach((hash, j) => {
      const r = byId.get(j);
      assert.ok(r && r.result, `tx_get ${hash}: ${JSON.stringify(r?.error)}`);
      out.push(r.result);
    });
  }
  return out;
}

/**
 * One sender's load: PIPELINE signed transfers with consecutive nonces, then wait until each is
 * committed, recording what the client saw. Stops quietly once `round.running` is false (the
 * node is being killed); any error before that fails the test.
 */
async function senderLoop(round, wallet, rpc, ctx) {
  try {
    let nonce = (await rpc.call('account_get', { address: wallet.address })).nonce;
    while (round.running) {
      const sent = [];
      for (let i = 0; i < PIPELINE && round.running; i++) {
        const message = transferMessage({
          nonce,
          fee: ctx.minFee,
          to: ctx.recipients[Math.floor(ctx.rand() * ctx.recipients.length)],
          amount: 1 + Math.floor(ctx.rand() * 1_000_000),
          memo: `crash r${round.index}`,
        });
        const wire = await signTransfer(wallet, ctx.domain, message);
        const { hash } = await rpc.call('tx_send', wire);
        sent.push(hash);
        nonce++;
      }
      for (const hash of sent) {
        for (;;) {
          if (!round.running) return;
          let r = null;
          try {
            r = await rpc.call('tx_get', { hash });
          } catch (e) {
            // -32001: taken for a block that is being written; still in flight.
            if (!(e instanceof RpcError && e.code === -32001)) throw e;
          }
          if (r?.status === 'rejected') throw new Error(`tx ${hash} rejected: ${r.error}`);
          if (r?.status === 'committed') {
            ctx.committed.set(hash, { height: r.height, index: r.index, round: round.index });
            ctx.maxSeenHeight = Math.max(ctx.maxSeenHeight, r.height);
            break;
          }
          await new Promise((res) => setTimeout(res, 5));
        }
      }
      const info = await rpc.call('chain_getInfo');
      ctx.maxSeenHeight = Math.max(ctx.maxSeenHeight, info.height);
    }
  } catch (e) {
    if (round.running) round.failure ??= e;
  }
}

/**
 * Starts aif-node on `dataDir` and SIGKILLs it after `ms`, listening or not: a crash while it
 * opens the store (RocksDB recovery, the state-root check) must be as harmless as any other.
 */
async function killDuringStartup(dataDir, ms) {
  const proc = spawn(
    nodeBinary(),
    ['--genesis', GENESIS_FILE, '--data-dir', dataDir, '--rpc-addr', '127.0.0.1:0', '--dev', '--validator-key', VALIDATOR_KEY_FILE],
    { stdio: 'ignore' },
  );
  const exited = new Promise((res) => proc.once('exit', (code, signal) => res({ code, signal })));
  await new Promise((res) => setTimeout(res, ms));
  proc.kill('SIGKILL');
  const r = await exited;
  assert.ok(r.signal === 'SIGKILL' || r.code === 0, `aif-node failed while starting: ${JSON.stringify(r)}`);
}

let node;
let dataDir;
after(async () => {
  await killNode(node);
  removeDir(dataDir);
});

test(`SIGKILL under load, ${ROUNDS} rounds: no committed tx lost, state = replay from genesis`, { timeout: 3_600_000 }, async () => {
  console.log(`crash test: seed ${SEED} (AIF_CRASH_SEED=${SEED} reproduces the kill schedule), ${ROUNDS} rounds`);
  const rand = prng(SEED);
  const genesis = devGenesis();
  const ctx = {
    rand,
    domain: domainOf(genesis.chainId),
    minFee: genesis.params.minFee,
    recipients: [...Array.from({ length: 3 }, (_, i) => freshAddress(`crash-${i}`)), devWallets(10)[9].address],
    committed: new Map(),
    maxSeenHeight: 0,
  };
  const wallets = devWallets(1 + SENDERS).slice(1);
  dataDir = makeDataDir('aif-crash-');
  const args = ['--block-interval-ms', String(BLOCK_INTERVAL_MS)];
  const stats = { replayMs: 0 };

  node = await startNode({ dataDir, args });
  for (let index = 1; index <= ROUNDS; index++) {
    const round = { index, running: true, failure: undefined };
    const loops = wallets.map((w) => senderLoop(round, w, node.rpc, ctx));
    const loadMs = MIN_LOAD_MS + Math.floor(rand() * (MAX_LOAD_MS - MIN_LOAD_MS));
    await new Promise((res) => setTimeout(res, loadMs));
    if (round.failure) throw round.failure;
    round.running = false;
    const exit = await killNode(node, 'SIGKILL');
    assert.equal(exit.signal, 'SIGKILL', `round ${index}: aif-node exited on its own before the kill${node.logs()}`);
    await Promise.all(loops);
    if (round.failure) throw round.failure;

    // 1. The dead node's disk replays from genesis to the same root.
    const t0 = Date.now();
    const rep = replay(dataDir);
    const replayMs = Date.now() - t0;
    stats.replayMs += replayMs;
    assert.ok(rep.ok, `round ${index}: replay mismatch: ${JSON.stringify(rep, null, 1)}`);
    assert.equal(rep.replayedStateRoot, rep.storedHeadStateRoot);
    assert.ok(
      rep.storedHeight >= ctx.maxSeenHeight,
      `round ${index}: stored height ${rep.storedHeight} is below the height a client saw committed (${ctx.maxSeenHeight})`,
    );

    // Every fourth round, also crash the node while it is starting up on this directory.
    if (index % 4 === 0) await killDuringStartup(dataDir, Math.floor(rand() * 150));

    // 2. The restarted node is where the disk says, never below what a client saw.
    node = await startNode({ dataDir, args });
    const info = await node.rpc.call('chain_getInfo');
    assert.ok(
      info.height >= ctx.maxSeenHeight,
      `round ${index}: restarted at height ${info.height}, below the height a client saw committed (${ctx.maxSeenHeight})`,
    );
    assert.equal(info.height, rep.storedHeight, `round ${index}: restart height vs stored head`);
    assert.equal(info.headHash, rep.storedHeadHash, `round ${index}: restart head vs stored head`);
    assert.equal(info.stateRoot, rep.replayedStateRoot, `round ${index}: restart state root vs replay`);

    // 3. Every transaction a client saw committed is still committed where it was.
    const hashes = [...ctx.committed.keys()];
    const got = await txGetBatch(node.rpc, hashes);
    hashes.forEach((hash, i) => {
      const want = ctx.committed.get(hash);
      assert.equal(got[i].status, 'committed', `round ${index}: tx ${hash} (committed in round ${want.round}) is ${got[i].status}`);
      assert.equal(got[i].height, want.height, `round ${index}: tx ${hash} height`);
      assert.equal(got[i].index, want.index, `round ${index}: tx ${hash} index`);
    });
    console.log(
      `round ${index}/${ROUNDS}: killed after ${loadMs} ms at height ${rep.storedHeight}; ` +
        `${ctx.committed.size} committed txs checked; replay ${replayMs} ms`,
    );
  }
  assert.ok(ctx.committed.size >= ROUNDS, `the load committed only ${ctx.committed.size} txs`);

  // A clean stop at the end, and one more replay of the final state.
  const last = await node.rpc.call('chain_getInfo');
  const exit = await stopNode(node);
  assert.equal(exit.code, 0, `clean stop${node.logs()}`);
  const rep = replay(dataDir);
  assert.ok(rep.ok, `final replay: ${JSON.stringify(rep)}`);
  assert.equal(rep.storedHeadHash, last.headHash);
  console.log(
    `crash test done: seed ${SEED}, ${ROUNDS} kills, final height ${rep.storedHeight}, ` +
      `${ctx.committed.size} committed txs all present, ${rep.transactions} txs replayed, ` +
      `replays took ${stats.replayMs} ms in total`,
  );
});
