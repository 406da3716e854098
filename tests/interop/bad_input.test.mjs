// SPDX-License-Identifier: MIT
// Refusals through the real RPC of a real aif-node. Each refused tx_send is checked for its exact
// error code and data.reason, and for leaving the chain untouched: same height, head, state root,
// pending count and sender account, and the node still answers /health.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import {
  SECP256K1_N,
  devWallets,
  domainOf,
  ethers,
  expectRpcError,
  freshAddress,
  highSTwin,
  killNode,
  makeDataDir,
  removeDir,
  signTransfer,
  startNode,
  transferMessage,
  waitCommitted,
} from './lib/node.mjs';

const ONE_AIF = 10n ** 18n;
const TWO_128 = '340282366920938463463374607431768211456';

describe('tx_send refusals (dev node)', () => {
  const [alice, bob] = devWallets(2);
  let dataDir;
  let node;
  let rpc;
  let domain;
  let types;
  let minFee;

  before(async () => {
    dataDir = makeDataDir();
    node = await startNode({ dataDir });
    rpc = node.rpc;
    const t = await rpc.call('tx_getTypes');
    domain = t.domain;
    types = { Transfer: t.types.Transfer };
    minFee = BigInt((await rpc.call('chain_getInfo')).minFee);
  });

  after(async () => {
    await killNode(node);
    removeDir(dataDir);
  });

  const accountOf = (address) => rpc.call('account_get', { address });
  const committedNonce = async (w = alice) => Number((await accountOf(w.address)).nonce);

  /** Everything a refusal must leave unchanged. */
  async function snapshot() {
    const i = await rpc.call('chain_getInfo');
    return {
      height: i.height,
      headHash: i.headHash,
      stateRoot: i.stateRoot,
      pendingTxs: i.pendingTxs,
      alice: await accountOf(alice.address),
      bob: await accountOf(bob.address),
    };
  }

  /** A correctly signed Transfer from `wallet` at its next committed nonce, with overrides. */
  async function signed(overrides = {}, { wallet = alice, dom = domain } = {}) {
    const message = transferMessage({
      nonce: await committedNonce(wallet),
      fee: minFee,
      to: bob.address,
      amount: ONE_AIF,
      ...overrides,
    });
    return signTransfer(wallet, dom, message, types);
  }

  /** Sends `wire`, expects the refusal, then checks the chain is untouched and still serving. */
  async function expectRefused(wire, expectation) {
    const before = await snapshot();
    const e = await expectRpcError(rpc.call('tx_send', wire), { code: -32000, ...expectation });
    assert.deepEqual(await snapshot(), before, 'a refused tx leaves the chain and the accounts unchanged');
    assert.equal(await rpc.health(), 200, 'the node still serves /health');
    return e;
  }

  /** A wire object whose message is `mutate`d after signing (decode fails before the signature). */
  async function mutated(mutate) {
    const wire = await signed();
    const message = { ...wire.message };
    mutate(message);
    return { ...wire, message };
  }

  // --- signature / chain id ------------------------------------------------------------------

  test('signed for chain id 1, no "from": recovers to an unfunded address (insufficient_fee_balance)', async () => {
    const wire = await signed({ nonce: 0 }, { dom: domainOf(1) });
    await expectRefused(wire, { reason: 'insufficient_fee_balance' });
  });

  test('signed for chain id 1 with "from" = signer: wrong_signer', async () => {
    const wire = await signed({}, { dom: domainOf(1) });
    const e = await expectRefused({ ...wire, from: alice.address }, { reason: 'wrong_signer' });
    assert.ok(e.rpcMessage.includes(alice.address), e.rpcMessage);
  });

  test('"domain" naming chain id 1: wrong_chain_id', async () => {
    const wire = await signed({}, { dom: domainOf(1) });
    await expectRefused({ ...wire, domain: domainOf(1) }, { reason: 'wrong_chain_id' });
    await expectRefused({ ...wire, domain: { ...domainOf(1), chainId: '1' } }, { reason: 'wrong_chain_id' });
  });

  test('a foreign signature (account 1 signs, "from" = account 0): wrong_signer', async () => {
    const wire = await signed({}, { wallet: bob });
    await expectRefused({ ...wire, from: alice.address }, { reason: 'wrong_signer' });
  });

  test('the high-s twin of a valid signature: high_s_signature', async () => {
    const wire = await signed();
    await expectRefused({ ...wire, signature: highSTwin(wire.signature) }, { reason: 'high_s_signature' });
  });

  test('garbage signatures: bad_signature', async () => {
    const wire = await signed();
    const sig = wire.signature.slice(2);
    const r = sig.slice(0, 64);
    const s = sig.slice(64, 128);
    const variants = {
      'v = 0': '0x' + r + s + '00',
      'v = 29': '0x' + r + s + '1d',
      'r = 0': '0x' + '00'.repeat(32) + s + sig.slice(128),
      'r = n': '0x' + SECP256K1_N.toString(16) + s + sig.slice(128),
      'all zero': '0x' + '00'.repeat(65),
      '64 bytes': '0x' + sig.slice(0, 128),
      '66 bytes': wire.signature + '00',
      'not hex': '0x' + 'zz'.repeat(65),
      'no 0x': sig,
      empty: '',
    };
    for (const [what, signature] of Object.entries(variants)) {
      await expectRefused({ ...wire, signature }, { reason: 'bad_signature' }).catch((e) => {
        e.message = `${what}: ${e.message}`;
        throw e;
      });
    }
  });

  // --- replay and nonces ---------------------------------------------------------------------

  test('a replayed tx is a duplicate, pending and after commit; a reused nonce is too low', async () => {
    const wire = await signed({ memo: 'replay me' });
    const nonce = Number(wire.message.nonce);
    // "from" and "domain" that match are accepted.
    const good = { ...wire, from: alice.address.toLowerCase(), domain };
    const { hash } = await rpc.call('tx_send', good);
    // Sent again at once: the node checks duplicates first (pending, or committed if it sealed).
    await expectRpcError(rpc.call('tx_send', good), { reason: 'duplicate_tx' });
    await expectRpcError(rpc.call('tx_send', wire), { reason: 'duplicate_tx' });
    const r = await waitCommitted(rpc, hash);
    assert.equal(r.status, 'committed');
    assert.equal(await committedNonce(), nonce + 1);

    await expectRefused(wire, { reason: 'duplicate_tx' });
    const other = await signed({ nonce, amount: 2n * ONE_AIF });
    await expectRefused(other, { reason: 'nonce_too_low' });
  });

  test(
    'a re-send while its block is being sealed is still duplicate_tx, never nonce_too_low',
    async () => {
      const wrong = [];
      for (let i = 0; i < 6; ++i) {
        const wire = await signed({ memo: `tight resend ${i}` });
        const { hash } = await rpc.call('tx_send', wire);
        const deadline = Date.now() + 10_000;
        for (let committed = false; !committed; ) {
          assert.ok(Date.now() < deadline, `tx ${hash} not committed within 10 s`);
          try {
            await rpc.call('tx_send', wire);
            wrong.push('accepted twice');
          } catch (e) {
            if (e.data?.reason !== 'duplicate_tx') wrong.push(`${e.code} ${e.data?.reason}`);
          }
          committed = await rpc.call('tx_get', { hash }).then(
            (r) => r.status === 'committed',
            () => false,
          );
        }
      }
      assert.deepEqual(wrong, [], 'every re-send of a known tx is duplicate_tx');
    },
  );

  test('a nonce beyond the mempool window: nonce_too_high', async () => {
    const wire = await signed({ nonce: (await committedNonce()) + 1_000_000 });
    await expectRefused(wire, { reason: 'nonce_too_high' });
  });

  // --- field values ----------------------------------------------------------------------------

  test('amount 2^128 (signed by ethers as uint256): invalid_field naming amount', async () => {
    const wire = await signed({ amount: TWO_128 });
    await expectRefused(wire, { reason: 'invalid_field', messageIncludes: 'amount' });
  });

  test('float and negative amounts: invalid_field naming amount', async () => {
    for (const amount of [1.5, -1, '1.5', '-1', '1e18', ' 1', '01', '0x10', true, null]) {
      const wire = await mutated((m) => {
        m.amount = amount;
      });
      await expectRefused(wire, { reason: 'invalid_field', messageIncludes: 'amount' }).catch((e) => {
        e.message = `amount ${JSON.stringify(amount)}: ${e.message}`;
        throw e;
      });
    }
  });

  test('bad values of the other fields: invalid_field naming the field', async () => {
    const cases = [
      ['nonce', '18446744073709551616'],
      ['nonce', -1],
      ['fee', 0.5],
      ['fee', TWO_128],
      ['to', '0x1234'],
      ['to', 'not an address'],
      ['asset', 7],
      ['memo', 'm'.repeat(257)],
    ];
    for (const [field, value] of cases) {
      const wire = await mutated((m) => {
        m[field] = value;
      });
      await expectRefused(wire, { reason: 'invalid_field', messageIncludes: field }).catch((e) => {
        e.message = `${field} = ${JSON.stringify(value)}: ${e.message}`;
        throw e;
      });
    }
  });

  test('an unknown field in the message: unknown_field naming it', async () => {
    const wire = await mutated((m) => {
      m.gasLimit = '21000';
    });
    await expectRefused(wire, { reason: 'unknown_field', messageIncludes: 'gasLimit' });
  });

  test('an unknown top-level key: unknown_field', async () => {
    const wire = await signed();
    await expectRefused({ ...wire, gas: '1' }, { reason: 'unknown_field', messageIncludes: 'gas' });
  });

  test('a missing field: missing_field naming it', async () => {
    for (const field of ['memo', 'nonce', 'to']) {
      const wire = await mutated((m) => {
        delete m[field];
      });
      await expectRefused(wire, { reason: 'missing_field', messageIncludes: field });
    }
  });

  test('an unknown type: unknown_tx_type', async () => {
    const wire = await signed();
    await expectRefused({ ...wire, type: 'Mint' }, { reason: 'unknown_tx_type' });
  });

  test('a shapeless transaction: malformed_tx', async () => {
    const wire = await signed();
    const { signature, ...noSignature } = wire;
    await expectRefused(noSignature, { reason: 'malformed_tx' });
    await expectRefused({ ...wire, message: 'nonce=0' }, { reason: 'malformed_tx' });
  });

  // --- state checks (dry run at the next nonce) ----------------------------------------------

  test('a transfer beyond the balance: insufficient_balance', async () => {
    const balance = BigInt((await accountOf(alice.address)).balances.AIF);
    await expectRefused(await signed({ amount: balance + 1n }), { reason: 'insufficient_balance' });
  });

  test('a fee below minFee: fee_too_low (next nonce and a later one)', async () => {
    await expectRefused(await signed({ fee: minFee - 1n }), { reason: 'fee_too_low' });
    await expectRefused(await signed({ fee: 0 }), { reason: 'fee_too_low' });
    const later = (await committedNonce()) + 3;
    await expectRefused(await signed({ nonce: later, fee: minFee - 1n }), { reason: 'fee_too_low' });
  });

  test('an unknown asset: unknown_asset', async () => {
    await expectRefused(await signed({ asset: 'NOPE' }), { reason: 'unknown_asset' });
    await expectRefused(await signed({ asset: 'aif' }), { reason: 'unknown_asset' });
  });

  test('a zero amount: invalid_amount', async () => {
    await expectRefused(await signed({ amount: 0 }), { reason: 'invalid_amount' });
  });

  test('after all the refusals a valid transfer still commits', async () => {
    const to = freshAddress('bad_input survivor');
    const wire = await signed({ to, amount: 3n });
    const { hash } = await rpc.call('tx_send', wire);
    await waitCommitted(rpc, hash);
    assert.equal((await rpc.call('token_getBalance', { address: to, asset: 'AIF' })).amount, '3');
  });

  // --- JSON-RPC level ----------------------------------------------------------------------------

  test('malformed JSON body: -32700 with id null', async () => {
    for (const body of ['{"jsonrpc":"2.0","id":1,"method":"chain_getInfo"', 'not json', '{"a":}']) {
      const res = await rpc.raw(body);
      assert.ok(res.json, `a JSON error response for ${JSON.stringify(body)} (HTTP ${res.status}: ${res.text})`);
      assert.equal(res.json.error?.code, -32700, res.text);
      assert.equal(res.json.id, null);
    }
    assert.equal(await rpc.health(), 200);
  });

  test('unknown method: -32601', async () => {
    await expectRpcError(rpc.call('eth_sendRawTransaction', {}), { code: -32601 });
    await expectRpcError(rpc.call('chain_nope'), { code: -32601 });
  });

  test('a batch mixing good and bad calls returns one result per call', async () => {
    const wire = await signed();
    const batch = [
      { jsonrpc: '2.0', id: 1, method: 'chain_getInfo', params: {} },
      { jsonrpc: '2.0', id: 2, method: 'no_such_method', params: {} },
      { jsonrpc: '2.0', id: 3, method: 'tx_send', params: { ...wire, type: 'Mint' } },
      { jsonrpc: '2.0', id: 4, method: 'account_get', params: { address: alice.address } },
      { jsonrpc: '2.0', id: 5, method: 'tx_get', params: { hash: '0x' + '11'.repeat(32) } },
      { jsonrpc: '2.0', id: 6, method: 'account_get', params: { address: 'nope' } },
    ];
    const res = await rpc.raw(JSON.stringify(batch));
    assert.ok(Array.isArray(res.json), `batch answer is an array: ${res.text}`);
    assert.equal(res.json.length, batch.length);
    const byId = new Map(res.json.map((r) => [r.id, r]));
    assert.equal(byId.get(1).result.chainId, domain.chainId);
    assert.equal(byId.get(2).error.code, -32601);
    assert.equal(byId.get(3).error.code, -32000);
    assert.equal(byId.get(3).error.data.reason, 'unknown_tx_type');
    assert.equal(byId.get(4).result.address, alice.address);
    assert.equal(byId.get(5).error.code, -32001);
    assert.equal(byId.get(6).error.code, -32602);
    for (const r of res.json) assert.equal(r.jsonrpc, '2.0');
  });

  test('dev methods work with --dev', async () => {
    const h = (await rpc.call('chain_getInfo')).height;
    const r = await rpc.call('dev_mine', { blocks: 2 });
    assert.equal(r.height, h + 2);
    const t0 = (await rpc.call('chain_getInfo')).timestamp;
    await rpc.call('dev_advanceTime', { seconds: 3600 });
    await rpc.call('dev_mine', { blocks: 1 });
    assert.ok((await rpc.call('chain_getInfo')).timestamp >= t0 + 3600);
  });
});

describe('a node without --dev', () => {
  const [alice, bob] = devWallets(2);
  let dataDir;
  let node;

  before(async () => {
    dataDir = makeDataDir();
    // No validator key either: nothing seals, so the pool fills deterministically.
    node = await startNode({ dataDir, dev: false, validator: false, args: ['--mempool-max-txs', '1'] });
  });

  after(async () => {
    await killNode(node);
    removeDir(dataDir);
  });

  test('dev_* methods answer -32003', async () => {
    await expectRpcError(node.rpc.call('dev_mine', { blocks: 1 }), { code: -32003 });
    await expectRpcError(node.rpc.call('dev_advanceTime', { seconds: 60 }), { code: -32003 });
    assert.equal((await node.rpc.call('chain_getInfo')).height, 0);
    assert.equal(await node.rpc.health(), 200);
  });

  test('a full mempool answers -32002', async () => {
    const { domain, types } = await node.rpc.call('tx_getTypes');
    const minFee = (await node.rpc.call('chain_getInfo')).minFee;
    const sign = (nonce) =>
      signTransfer(alice, domain, transferMessage({ nonce, fee: minFee, to: bob.address, amount: 1 }), {
        Transfer: types.Transfer,
      });
    const { hash } = await node.rpc.call('tx_send', await sign(0));
    assert.equal((await node.rpc.call('tx_get', { hash })).status, 'pending');
    await expectRpcError(node.rpc.call('tx_send', await sign(1)), { code: -32002 });
    assert.equal((await node.rpc.call('chain_getInfo')).pendingTxs, 1);
    assert.equal(ethers.getAddress((await node.rpc.call('account_get', { address: alice.address })).address), alice.address);
  });
});

describe('a full mempool whose only tx is parked behind a gap', () => {
  const [, , carol, dave] = devWallets(4);
  let dataDir;
  let node;

  before(async () => {
    dataDir = makeDataDir();
    node = await startNode({ dataDir, dev: false, validator: false, args: ['--mempool-max-txs', '1'] });
  });

  after(async () => {
    await killNode(node);
    removeDir(dataDir);
  });

  test("a sender's runnable tx evicts its own parked one, and the node keeps serving", async () => {
    const { domain, types } = await node.rpc.call('tx_getTypes');
    const minFee = (await node.rpc.call('chain_getInfo')).minFee;
    const sign = (nonce) =>
      signTransfer(carol, domain, transferMessage({ nonce, fee: minFee, to: dave.address, amount: 1 }), {
        Transfer: types.Transfer,
      });
    const parked = await node.rpc.call('tx_send', await sign(3));
    assert.equal((await node.rpc.call('tx_get', { hash: parked.hash })).status, 'pending');
    // The pool is full; nonce 0 can run now, so it takes the place of carol's own nonce 3 and
    // carol's pool entry, emptied by that eviction, is made again for it.
    const runnable = await node.rpc.call('tx_send', await sign(0));
    assert.equal((await node.rpc.call('tx_get', { hash: runnable.hash })).status, 'pending');
    await expectRpcError(node.rpc.call('tx_get', { hash: parked.hash }), { code: -32001 });
    assert.equal((await node.rpc.call('chain_getInfo')).pendingTxs, 1);
    // A full pool of runnable txs refuses the parked one again, with the documented error.
    await expectRpcError(node.rpc.call('tx_send', await sign(3)), { code: -32002 });
    assert.equal(await node.rpc.health(), 200);
  });
});
