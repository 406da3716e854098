// SPDX-License-Identifier: MIT
// Festival helpers for the interop tests: sign any festival transaction with a stock ethers
// EIP-712 signer from the types the node publishes, send and wait, snapshot the chain, and
// compute the R2 commitment independently of the C++ code (docs/festival.md).
import assert from 'node:assert/strict';

import { ethers, expectRpcError, waitCommitted } from './node.mjs';

/** SPEC §5 R2 commitment: keccak256(abi.encodePacked(uint64 filmId, address juror, uint8 ×4, bytes32 salt)). */
export function r2Commitment(filmId, juror, scores, salt) {
  return ethers.solidityPackedKeccak256(
    ['uint64', 'address', 'uint8', 'uint8', 'uint8', 'uint8', 'bytes32'],
    [BigInt(filmId), juror, ...scores, salt],
  );
}

/** The sha-256 of a text, as a film's content hash. */
export const contentHash = (text) => ethers.sha256(ethers.toUtf8Bytes(text));

/** The attribute `key` of the first event `name` of a tx_get answer. */
export function eventAttr(tx, name, key) {
  const e = (tx.events || []).find((x) => x.name === name);
  return e ? e.attrs[key] : undefined;
}

export class Festival {
  constructor(rpc) {
    this.rpc = rpc;
  }

  async init() {
    const t = await this.rpc.call('tx_getTypes');
    this.domain = t.domain;
    this.types = t.types;
    this.minFee = BigInt((await this.rpc.call('chain_getInfo')).minFee);
    return this;
  }

  /** A signed wire object of `type` from `wallet` at its next nonce. */
  async sign(wallet, type, fields) {
    assert.ok(this.types[type], `tx_getTypes lists ${type}`);
    const acct = await this.rpc.call('account_get', { address: wallet.address });
    const nonce = acct.pendingNonce ?? acct.nonce;
    const message = { nonce: String(nonce), fee: String(this.minFee), ...fields };
    const signature = await wallet.signTypedData(this.domain, { [type]: this.types[type] }, message);
    return { type, message, signature };
  }

  /** Signs, sends and waits until committed; returns the tx_get answer. */
  async send(wallet, type, fields) {
    const wire = await this.sign(wallet, type, fields);
    const { hash } = await this.rpc.call('tx_send', wire);
    return waitCommitted(this.rpc, hash);
  }

  /** Everything a refusal must leave unchanged: head, state root, pool, the accounts. */
  async snapshot(addresses) {
    const i = await this.rpc.call('chain_getInfo');
    const accounts = [];
    for (const a of addresses) accounts.push(await this.rpc.call('account_get', { address: a }));
    return { height: i.height, headHash: i.headHash, stateRoot: i.stateRoot, pendingTxs: i.pendingTxs, accounts };
  }

  /**
   * Sends `type` from `wallet` and expects tx_send to refuse it with `reason` (the ledger error
   * code) and a message naming `includes`; then checks nothing changed.
   */
  async refuse(wallet, type, fields, reason, includes) {
    const wire = await this.sign(wallet, type, fields);
    const before = await this.snapshot([wallet.address]);
    const e = await expectRpcError(this.rpc.call('tx_send', wire), {
      code: -32000,
      reason,
      messageIncludes: includes,
    });
    assert.deepEqual(await this.snapshot([wallet.address]), before, `refused ${type} changed nothing`);
    return e;
  }
}
