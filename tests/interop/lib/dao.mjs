// SPDX-License-Identifier: MIT
// Helpers of the DAO interop tests: sign any transaction type with a stock ethers signer from
// the types the node lists (tx_getTypes), send, wait for the receipt, check refusals leave the
// chain untouched, and move the dev clock. Speaks only the RPC contract (SPEC §2, §3, §7).
import assert from 'node:assert/strict';

import { RpcError, expectRpcError, waitCommitted } from './node.mjs';

export const ONE_AIF = 10n ** 18n;

export class Chain {
  constructor(rpc) {
    this.rpc = rpc;
  }

  /** Loads the domain and types once. */
  async init() {
    const t = await this.rpc.call('tx_getTypes');
    this.domain = t.domain;
    this.types = t.types;
    return this;
  }

  /** The wire form of `type` from `wallet`: next pending nonce, current minFee unless given. */
  async sign(wallet, type, fields, { nonce, fee } = {}) {
    assert.ok(this.types[type], `node lists no type ${type}`);
    const acct = await this.rpc.call('account_get', { address: wallet.address });
    const info = await this.rpc.call('chain_getInfo');
    const message = {
      nonce: String(nonce ?? acct.pendingNonce ?? acct.nonce),
      fee: String(fee ?? info.minFee),
      ...fields,
    };
    const signature = await wallet.signTypedData(this.domain, { [type]: this.types[type] }, message);
    return { type, message, signature };
  }

  /** Signs, sends and waits for the commit; returns the tx_get answer. */
  async send(wallet, type, fields, opts = {}) {
    const wire = await this.sign(wallet, type, fields, opts);
    const { hash } = await this.rpc.call('tx_send', wire);
    return waitCommitted(this.rpc, hash);
  }

  /** What a refusal must leave unchanged. */
  async fingerprint(wallet) {
    const i = await this.rpc.call('chain_getInfo');
    const a = await this.rpc.call('account_get', { address: wallet.address });
    return { height: i.height, stateRoot: i.stateRoot, pendingTxs: i.pendingTxs, account: a };
  }

  /** Expects tx_send to refuse `type` with `reason` and the chain to stay as it was. */
  async refuse(wallet, type, fields, reason, messageIncludes) {
    const before = await this.fingerprint(wallet);
    const wire = await this.sign(wallet, type, fields);
    const e = await expectRpcError(this.rpc.call('tx_send', wire), { code: -32000, reason, messageIncludes });
    assert.deepEqual(await this.fingerprint(wallet), before, `refused ${type} (${reason}) changed the chain`);
    return e;
  }

  /** dev_advanceTime then one block, so the head carries the new time. */
  async advance(seconds) {
    await this.rpc.call('dev_advanceTime', { seconds });
    await this.rpc.call('dev_mine', { blocks: 1 });
  }

  /** Moves the dev clock to at least block time `t` and mines a block. */
  async advanceTo(t) {
    const now = (await this.rpc.call('chain_getInfo')).timestamp;
    if (t > now) await this.advance(t - now);
    else await this.rpc.call('dev_mine', { blocks: 1 });
  }

  async head() {
    return this.rpc.call('chain_getInfo');
  }
}

/** The attributes of the first event `name` of a tx_get answer. */
export function eventOf(receipt, name) {
  const e = receipt.events.find((x) => x.name === name);
  assert.ok(e, `no ${name} event in ${JSON.stringify(receipt.events)}`);
  return e.attrs;
}

/** JSON-RPC error expected from a query (not a tx). */
export async function expectQueryError(promise, code) {
  try {
    await promise;
  } catch (e) {
    if (!(e instanceof RpcError)) throw e;
    assert.equal(e.code, code, e.message);
    return e;
  }
  assert.fail(`expected JSON-RPC error ${code}`);
}
