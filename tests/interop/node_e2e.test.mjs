// SPDX-License-Identifier: MIT
// Acceptance test of the chain core against a real aif-node: discover the types, sign Transfers
// with a stock ethers signer, send, wait for commit, check balances, blocks and the fee; then
// SIGKILL the node, restart it on the same data directory and check nothing was lost.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import {
  TRANSFER_FIELDS,
  devGenesis,
  devWallets,
  ethers,
  freshAddress,
  killNode,
  makeDataDir,
  removeDir,
  signTransfer,
  startNode,
  stopNode,
  transferMessage,
  txHashOf,
  waitCommitted,
} from './lib/node.mjs';

const ONE_AIF = 10n ** 18n;

describe('aif-node end to end (ethers signer, SIGKILL restart)', () => {
  const genesis = devGenesis();
  const [alice, bob] = devWallets(2); // dev account 0 (authority) and 1
  const treasury = ethers.getAddress(genesis.treasury);
  let dataDir;
  let node;
  let rpc;
  let info; // chain_getInfo at start
  let domain;
  let types; // {Transfer: …} as tx_getTypes lists it
  let supplyAtStart;
  const sent = []; // {hash, nonce, to, amount, fee, signature, committed: tx_get result}

  const balanceOf = async (address, asset = 'AIF') =>
    BigInt((await rpc.call('token_getBalance', { address, asset })).amount);
  const accountOf = (address) => rpc.call('account_get', { address });

  /** Signs and sends one AIF transfer from alice; checks the hash; records it. */
  async function send({ nonce, to, amount, memo = '' }) {
    const fee = BigInt(info.minFee);
    const message = transferMessage({ nonce, fee, to, amount, memo });
    const wire = await signTransfer(alice, domain, message, types);
    const { hash } = await rpc.call('tx_send', wire);
    assert.equal(hash, txHashOf(alice.address, domain, message, types), 'tx hash = keccak256(sender || digest)');
    const rec = { hash, nonce, to, amount: BigInt(amount), fee, signature: wire.signature, message };
    sent.push(rec);
    return rec;
  }

  before(async () => {
    dataDir = makeDataDir();
    node = await startNode({ dataDir });
    rpc = node.rpc;
    info = await rpc.call('chain_getInfo');
    supplyAtStart = BigInt((await rpc.call('token_getSupply', { asset: 'AIF' })).supply);
  });

  after(async () => {
    await killNode(node);
    removeDir(dataDir);
  });

  test('GET /health answers 200 and chain_getInfo describes the dev chain', async () => {
    assert.equal(await rpc.health(), 200);
    assert.equal(info.chainId, genesis.chainId);
    assert.equal(info.height, 0);
    assert.equal(info.headHash, info.genesisHash);
    assert.equal(info.minFee, genesis.params.minFee);
    assert.equal(info.pendingTxs, 0);
    for (const k of ['headHash', 'stateRoot', 'genesisHash']) assert.match(info[k], /^0x[0-9a-f]{64}$/, k);
    assert.equal(alice.address, genesis.authority, 'account 0 of the mnemonic is the authority');
  });

  test('tx_getTypes lists the SPEC §2 domain and Transfer type', async () => {
    const t = await rpc.call('tx_getTypes');
    assert.deepEqual(t.domain, { name: 'AIF Chain', version: '1', chainId: info.chainId });
    assert.deepEqual(t.types.EIP712Domain, [
      { name: 'name', type: 'string' },
      { name: 'version', type: 'string' },
      { name: 'chainId', type: 'uint256' },
    ]);
    assert.deepEqual(t.types.Transfer, TRANSFER_FIELDS);
    assert.ok(t.primaryTypes.includes('Transfer'));
    for (const p of t.primaryTypes) assert.ok(t.types[p], `types lists primary type ${p}`);
    domain = t.domain;
    types = { Transfer: t.types.Transfer };
  });

  test('genesis block 0 by height and by hash', async () => {
    const byHeight = await rpc.call('chain_getBlock', { height: 0, full: false });
    assert.equal(byHeight.height, 0);
    assert.equal(byHeight.hash, info.genesisHash);
    assert.deepEqual(byHeight.transactions, []);
    const byHash = await rpc.call('chain_getBlock', { hash: info.genesisHash, full: true });
    assert.deepEqual(byHash, byHeight, 'an empty block reads the same full or not, by height or hash');
  });

  test('first transfer: sender pays amount + fee, recipient and treasury credited, supply unchanged', async () => {
    const to = freshAddress('e2e first recipient');
    const before = {
      alice: await balanceOf(alice.address),
      to: await balanceOf(to),
      treasury: await balanceOf(treasury),
    };
    const amount = 5n * ONE_AIF + 123n;
    const tx = await send({ nonce: 0, to, amount, memo: 'first 🎬' });
    tx.committed = await waitCommitted(rpc, tx.hash);
    assert.equal(tx.committed.status, 'committed');
    assert.equal(tx.committed.error, null);
    assert.ok(tx.committed.height >= 1);
    assert.equal(tx.committed.index, 0);
    assert.ok(Array.isArray(tx.committed.events) && tx.committed.events.length > 0, 'a committed transfer has events');

    assert.equal(await balanceOf(alice.address), before.alice - amount - tx.fee);
    assert.equal(await balanceOf(to), before.to + amount);
    assert.equal(await balanceOf(treasury), before.treasury + tx.fee);
    assert.equal(BigInt((await rpc.call('token_getSupply', { asset: 'AIF' })).supply), supplyAtStart);

    const a = await accountOf(alice.address);
    assert.equal(a.address, alice.address);
    assert.equal(Number(a.nonce), 1);
    assert.equal(Number(a.pendingNonce), 1);
    assert.equal(BigInt(a.balances.AIF), before.alice - amount - tx.fee);
    const r = await accountOf(to.toLowerCase()); // addresses are accepted in any case
    assert.equal(r.address, to, 'account_get answers in EIP-55 form');
    assert.equal(BigInt(r.balances.AIF), amount);
    assert.equal(Number(r.nonce), 0);
  });

  test('block of the first transfer by height and by hash, full and not', async () => {
    const tx = sent[0];
    const plain = await rpc.call('chain_getBlock', { height: tx.committed.height, full: false });
    assert.equal(plain.height, tx.committed.height);
    assert.equal(plain.transactions[tx.committed.index], tx.hash);
    assert.match(plain.hash, /^0x[0-9a-f]{64}$/);
    assert.match(plain.parentHash, /^0x[0-9a-f]{64}$/);
    if (plain.height === 1) assert.equal(plain.parentHash, info.genesisHash);

    const full = await rpc.call('chain_getBlock', { hash: plain.hash, full: true });
    assert.equal(full.height, plain.height);
    assert.equal(full.hash, plain.hash);
    assert.equal(full.stateRoot, plain.stateRoot);
    const t = full.transactions[tx.committed.index];
    assert.equal(t.hash, tx.hash);
    assert.equal(t.type, 'Transfer');
    assert.equal(t.from, alice.address);
    assert.equal(t.signature.toLowerCase(), tx.signature.toLowerCase());
    assert.deepEqual(t.message, { ...tx.message, to: ethers.getAddress(tx.message.to) });
    // What the node serves is signable again: re-hashing it with ethers gives the same hash.
    assert.equal(txHashOf(t.from, domain, t.message, types), tx.hash);

    const plainByHash = await rpc.call('chain_getBlock', { hash: plain.hash, full: false });
    assert.deepEqual(plainByHash, plain);
  });

  test('nonces 1..5 sent back to back, to fresh and funded addresses, all commit in order', async () => {
    const targets = [
      { to: freshAddress('e2e fresh 1'), amount: ONE_AIF },
      { to: bob.address, amount: 2n * ONE_AIF, memo: 'to account 1' },
      { to: freshAddress('e2e fresh 2'), amount: 1n },
      { to: freshAddress('e2e fresh 1').toLowerCase(), amount: 3n * ONE_AIF }, // same fresh address again
      { to: freshAddress('e2e fresh 3'), amount: 7n * ONE_AIF, memo: 'Ünïcødé ✓' },
    ];
    const before = new Map();
    for (const a of [alice.address, treasury, bob.address, ...targets.map((x) => ethers.getAddress(x.to))]) {
      before.set(a, await balanceOf(a));
    }
    const batch = [];
    for (const [i, t] of targets.entries()) batch.push(await send({ nonce: i + 1, ...t }));
    for (const tx of batch) tx.committed = await waitCommitted(rpc, tx.hash);

    // Order within the chain follows the nonce.
    const pos = batch.map((tx) => [tx.committed.height, tx.committed.index]);
    for (let i = 1; i < pos.length; ++i) {
      assert.ok(pos[i][0] > pos[i - 1][0] || (pos[i][0] === pos[i - 1][0] && pos[i][1] > pos[i - 1][1]), 'nonce order');
    }

    const expected = new Map(before);
    const credit = (a, d) => expected.set(ethers.getAddress(a), expected.get(ethers.getAddress(a)) + d);
    for (const tx of batch) {
      credit(alice.address, -(tx.amount + tx.fee));
      credit(tx.to, tx.amount);
      credit(treasury, tx.fee);
    }
    for (const [a, v] of expected) assert.equal(await balanceOf(a), v, `balance of ${a}`);
    assert.equal(Number((await accountOf(alice.address)).nonce), 6);
    assert.equal(BigInt((await rpc.call('token_getSupply', { asset: 'AIF' })).supply), supplyAtStart);
    assert.equal((await rpc.call('chain_getInfo')).pendingTxs, 0);
  });

  test(
    'tx_get answers pending, never "not found", from tx_send until commit',
    async () => {
      const seen = [];
      for (let i = 0; i < 5; ++i) {
        const tx = await send({ nonce: sent.length, to: freshAddress(`e2e tight poll ${i}`), amount: 1n });
        const deadline = Date.now() + 10_000;
        for (;;) {
          assert.ok(Date.now() < deadline, `tx ${tx.hash} not committed within 10 s`);
          let r;
          try {
            r = await rpc.call('tx_get', { hash: tx.hash }); // no delay: catch the sealing window
          } catch (e) {
            if (e.code !== -32001) throw e;
            seen.push(`${tx.hash}: ${e.message}`);
            continue;
          }
          assert.notEqual(r.status, 'rejected', r.error);
          if (r.status === 'committed') {
            tx.committed = r;
            break;
          }
        }
      }
      assert.deepEqual(seen, [], 'an accepted tx is pending or committed, never unknown');
    },
  );

  test('after SIGKILL and restart on the same data dir nothing is lost', async () => {
    for (const tx of sent) tx.committed ??= await waitCommitted(rpc, tx.hash);
    const infoBefore = await rpc.call('chain_getInfo');
    const addresses = [alice.address, bob.address, treasury, ...new Set(sent.map((t) => ethers.getAddress(t.to)))];
    const accountsBefore = [];
    for (const a of addresses) accountsBefore.push(await accountOf(a));
    const headBlock = await rpc.call('chain_getBlock', { height: infoBefore.height, full: true });

    const exit = await killNode(node, 'SIGKILL');
    assert.equal(exit.signal, 'SIGKILL');
    node = await startNode({ dataDir });
    rpc = node.rpc;

    const infoAfter = await rpc.call('chain_getInfo');
    for (const k of ['chainId', 'height', 'headHash', 'stateRoot', 'genesisHash', 'timestamp', 'minFee']) {
      assert.deepEqual(infoAfter[k], infoBefore[k], k);
    }
    for (const [i, a] of addresses.entries()) assert.deepEqual(await accountOf(a), accountsBefore[i], `account ${a}`);
    assert.deepEqual(await rpc.call('chain_getBlock', { height: infoBefore.height, full: true }), headBlock);
    for (const tx of sent) {
      const r = await rpc.call('tx_get', { hash: tx.hash });
      assert.equal(r.status, 'committed', tx.hash);
      assert.equal(r.height, tx.committed.height);
      assert.equal(r.index, tx.committed.index);
      assert.deepEqual(r.events, tx.committed.events);
    }
    assert.equal(BigInt((await rpc.call('token_getSupply', { asset: 'AIF' })).supply), supplyAtStart);
  });

  test('after the restart the nonce continues and a new transfer commits', async () => {
    const a = await accountOf(alice.address);
    assert.equal(Number(a.nonce), sent.length);
    const to = freshAddress('e2e after restart');
    const aliceBefore = BigInt(a.balances.AIF);
    const height = (await rpc.call('chain_getInfo')).height;
    const tx = await send({ nonce: sent.length, to, amount: 11n * ONE_AIF });
    tx.committed = await waitCommitted(rpc, tx.hash);
    assert.ok(tx.committed.height > height);
    assert.equal(await balanceOf(to), 11n * ONE_AIF);
    assert.equal(await balanceOf(alice.address), aliceBefore - 11n * ONE_AIF - tx.fee);
    assert.equal(Number((await accountOf(alice.address)).nonce), sent.length);
  });

  test('a clean SIGTERM shutdown keeps the state as well', async () => {
    const infoBefore = await rpc.call('chain_getInfo');
    const exit = await stopNode(node);
    assert.equal(exit.code, 0, `clean exit on SIGTERM${node.logs()}`);
    node = await startNode({ dataDir });
    rpc = node.rpc;
    const infoAfter = await rpc.call('chain_getInfo');
    assert.equal(infoAfter.height, infoBefore.height);
    assert.equal(infoAfter.stateRoot, infoBefore.stateRoot);
    assert.equal(infoAfter.headHash, infoBefore.headHash);
  });
});
