// SPDX-License-Identifier: MIT
// The IP-share market (SPEC §8) through the real interface of a real aif-node: transactions
// signed by a stock ethers EIP-712 signer from the types tx_getTypes lists, market_ queries
// (SPEC §3), fill events in receipts. Covers issuance, a partial fill at the maker's price with
// fee and royalty, self-trade, cancel returning escrow, an order the trader cannot fund, an
// expired order — every refusal checked for its reason and for leaving the chain untouched.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import {
  devGenesis,
  devWallets,
  ethers,
  expectRpcError,
  killNode,
  makeDataDir,
  removeDir,
  startNode,
  waitCommitted,
} from './lib/node.mjs';

const ONE_AIF = 10n ** 18n;

describe('market: issue, trade, cancel, expire (ethers signer, real node)', () => {
  const genesis = devGenesis();
  const [alice, bob, carol] = devWallets(3); // alice: authority and film submitter
  const treasury = ethers.getAddress(genesis.treasury);
  let dataDir;
  let node;
  let rpc;
  let domain;
  let allTypes;
  let minFee;
  let params; // market_getParams
  let filmId;
  const SYM = 'NEON';

  const balanceOf = async (address, asset = 'AIF') =>
    BigInt((await rpc.call('token_getBalance', { address, asset })).amount);
  const nonceOf = async (w) => Number((await rpc.call('account_get', { address: w.address })).nonce);

  /** Signs `message` (fields after nonce and fee) as `type` with `wallet` at its next nonce. */
  async function signed(wallet, type, fields) {
    assert.ok(allTypes[type], `tx_getTypes lists ${type}`);
    const message = { nonce: String(await nonceOf(wallet)), fee: String(minFee), ...fields };
    const signature = await wallet.signTypedData(domain, { [type]: allTypes[type] }, message);
    return { type, message, signature };
  }

  /** Sends and waits for the commit; returns the receipt (tx_get). */
  async function send(wallet, type, fields) {
    const { hash } = await rpc.call('tx_send', await signed(wallet, type, fields));
    return waitCommitted(rpc, hash);
  }

  const eventsOf = (receipt, name) => receipt.events.filter((e) => e.name === name).map((e) => e.attrs);

  const order = (wallet, side, price, quantity, { expiry = 0, tif = 'gtc', asset = SYM } = {}) =>
    send(wallet, 'PlaceOrder', {
      asset,
      side,
      price: String(price),
      quantity: String(quantity),
      expiry: String(expiry),
      timeInForce: tif,
    });

  /** Everything a refusal must leave unchanged. */
  async function snapshot() {
    const info = await rpc.call('chain_getInfo');
    const out = { height: info.height, stateRoot: info.stateRoot, pending: info.pendingTxs };
    for (const w of [alice, bob, carol]) out[w.address] = await rpc.call('account_get', { address: w.address });
    out.book = await rpc.call('market_getBook', { asset: SYM }).catch((e) => e.code);
    return out;
  }

  /** tx_send must refuse with `reason` (detail naming `detail`), and nothing may change. */
  async function refused(wallet, type, fields, reason, detail) {
    const before = await snapshot();
    const wire = await signed(wallet, type, fields);
    await expectRpcError(rpc.call('tx_send', wire), { code: -32000, reason, messageIncludes: detail });
    assert.deepEqual(await snapshot(), before, `a refused ${type} changed nothing`);
  }

  before(async () => {
    dataDir = makeDataDir();
    node = await startNode({ dataDir, args: ['--block-interval-ms', '50'] });
    rpc = node.rpc;
    const t = await rpc.call('tx_getTypes');
    domain = t.domain;
    allTypes = t.types;
    minFee = BigInt((await rpc.call('chain_getInfo')).minFee);
    params = await rpc.call('market_getParams');
    // A film by alice (the dev chain starts in the early-bird window), via the festival's type.
    const r = await send(alice, 'SubmitFilm', {
      edition: '2026',
      title: 'Neon Dreams',
      category: 'generative_cinema',
      format: 'short_film',
      student: false,
      creators: [],
      aiWriting: '60',
      aiDirection: '60',
      aiGeneration: '70',
      aiEditing: '60',
      aiSound: '55',
      aiPost: '60',
      tools: 'custom diffusion',
      contentHash: ethers.id('market interop film'),
      uri: 'ipfs://neon-dreams',
    });
    filmId = eventsOf(r, 'FilmSubmitted')[0].filmId;
  });

  after(async () => {
    await killNode(node);
    removeDir(dataDir);
  });

  test('tx_getTypes lists the market types with their fields', () => {
    const names = (type) => allTypes[type].map((f) => `${f.type} ${f.name}`).join(',');
    assert.equal(names('IssueShares'), 'uint64 nonce,uint256 fee,uint64 filmId,string symbol,uint256 supply');
    assert.equal(
      names('PlaceOrder'),
      'uint64 nonce,uint256 fee,string asset,string side,uint256 price,uint256 quantity,uint64 expiry,string timeInForce',
    );
    assert.equal(names('CancelOrder'), 'uint64 nonce,uint256 fee,uint64 orderId');
    assert.equal(names('ExpireOrders'), 'uint64 nonce,uint256 fee,string asset,uint32 max');
    // The escrow account is the last 20 bytes of keccak256("aifchain/market/escrow/v1").
    const escrow = ethers.getAddress(ethers.dataSlice(ethers.id('aifchain/market/escrow/v1'), 12));
    assert.deepEqual(params, {
      feeBps: genesis.market.feeBps,
      royaltyBps: genesis.market.royaltyBps,
      maxOpenOrders: genesis.market.maxOpenOrders,
      escrow,
    });
  });

  test('only the submitter issues, once; shares move with Transfer', async () => {
    await refused(bob, 'IssueShares', { filmId, symbol: SYM, supply: '1000' }, 'unauthorized', 'submitter');
    await refused(alice, 'IssueShares', { filmId: '999', symbol: SYM, supply: '1000' }, 'not_found', 'filmId');
    await refused(alice, 'IssueShares', { filmId, symbol: 'neon', supply: '1000' }, 'invalid_argument', 'symbol');
    await refused(alice, 'IssueShares', { filmId, symbol: SYM, supply: '0' }, 'invalid_amount', 'supply');
    const r = await send(alice, 'IssueShares', { filmId, symbol: SYM, supply: '1000' });
    assert.deepEqual(eventsOf(r, 'SharesIssued')[0], { filmId, asset: SYM, issuer: alice.address, supply: '1000' });
    assert.equal(await balanceOf(alice.address, SYM), 1000n);
    assert.equal((await rpc.call('token_getSupply', { asset: SYM })).supply, '1000');
    await refused(alice, 'IssueShares', { filmId, symbol: 'NEON2', supply: '5' }, 'already_exists', 'already issued');
    const a = await rpc.call('market_getAsset', { asset: SYM });
    assert.equal(a.issuer, alice.address);
    assert.equal(String(a.filmId), filmId);
    assert.equal(a.bestAsk, null);
    // carol gets 300 shares with the ordinary Transfer: she sells, alice only earns royalties.
    await send(alice, 'Transfer', { to: carol.address, asset: SYM, amount: '300', memo: '' });
    assert.equal(await balanceOf(carol.address, SYM), 300n);
  });

  let ask; // carol's resting ask
  test('a buy fills part of an ask at the maker price, with fee and royalty', async () => {
    const r1 = await order(carol, 'sell', 2n * ONE_AIF, 100n);
    ask = Number(eventsOf(r1, 'OrderPlaced')[0].orderId);
    assert.equal(eventsOf(r1, 'OrderRested')[0].remaining, '100');
    const escrow = params.escrow;
    assert.equal(await balanceOf(escrow, SYM), 100n);

    const before = {
      bob: await balanceOf(bob.address),
      carol: await balanceOf(carol.address),
      alice: await balanceOf(alice.address),
      treasury: await balanceOf(treasury),
    };
    const r2 = await order(bob, 'buy', 3n * ONE_AIF, 40n);
    const [fill] = eventsOf(r2, 'Fill');
    const notional = 80n * ONE_AIF;
    const fee = (notional * BigInt(params.feeBps)) / 10000n;
    const royalty = (notional * BigInt(params.royaltyBps)) / 10000n;
    assert.equal(fill.price, String(2n * ONE_AIF), 'the maker price, not the taker limit');
    assert.equal(fill.quantity, '40');
    assert.equal(fill.maker, carol.address);
    assert.equal(fill.taker, bob.address);
    assert.equal(fill.fee, String(fee));
    assert.equal(fill.royalty, String(royalty));
    assert.equal(fill.makerRemaining, '60');
    assert.equal(await balanceOf(bob.address), before.bob - minFee - notional - fee);
    assert.equal(await balanceOf(carol.address), before.carol + notional - royalty);
    assert.equal(await balanceOf(alice.address), before.alice + royalty);
    assert.equal(await balanceOf(treasury), before.treasury + minFee + fee);
    assert.equal(await balanceOf(bob.address, SYM), 40n);

    const book = await rpc.call('market_getBook', { asset: SYM, depth: 5 });
    assert.deepEqual(book.asks, [{ price: String(2n * ONE_AIF), quantity: '60', orders: 1 }]);
    assert.deepEqual(book.bids, []);
    const { trades } = await rpc.call('market_getTrades', { asset: SYM });
    assert.equal(trades.length, 1);
    assert.equal(trades[0].price, String(2n * ONE_AIF));
    assert.equal(trades[0].quantity, '40');
    assert.equal(trades[0].takerSide, 'buy');
    const o = await rpc.call('market_getOrder', { orderId: ask });
    assert.equal(o.status, 'open');
    assert.equal(o.filled, '40');
    assert.equal(o.remaining, '60');
    const open = await rpc.call('market_getOpenOrders', { trader: carol.address });
    assert.deepEqual(open.orders.map((x) => x.orderId), [ask]);
    assert.equal((await rpc.call('market_getAsset', { asset: SYM })).lastPrice, String(2n * ONE_AIF));
  });

  test('self-trade is refused and changes nothing', async () => {
    const f = { asset: SYM, side: 'buy', price: String(2n * ONE_AIF), quantity: '5', expiry: '0', timeInForce: 'gtc' };
    await refused(carol, 'PlaceOrder', f, 'invalid_argument', 'self-trade');
    await refused(carol, 'PlaceOrder', { ...f, timeInForce: 'post_only', side: 'buy' }, 'invalid_argument', 'post_only');
  });

  test('an order the trader cannot fund is refused and changes nothing', async () => {
    const bal = await balanceOf(bob.address);
    const base = { asset: SYM, expiry: '0', timeInForce: 'gtc' };
    await refused(bob, 'PlaceOrder', { ...base, side: 'buy', price: String(bal), quantity: '2' }, 'insufficient_balance', 'price');
    await refused(bob, 'PlaceOrder', { ...base, side: 'sell', price: '1', quantity: '41' }, 'insufficient_balance', 'quantity');
    await refused(bob, 'PlaceOrder', { ...base, asset: 'NOPE', side: 'buy', price: '1', quantity: '1' }, 'unknown_asset', 'asset');
    await refused(bob, 'PlaceOrder', { ...base, side: 'bid', price: '1', quantity: '1' }, 'invalid_argument', 'side');
    await refused(bob, 'PlaceOrder', { ...base, side: 'buy', price: '1', quantity: '1', timeInForce: 'fok' }, 'invalid_argument', 'timeInForce');
    await refused(bob, 'PlaceOrder', { ...base, side: 'buy', price: '0', quantity: '1' }, 'invalid_amount', 'price');
    await refused(bob, 'PlaceOrder', { ...base, side: 'buy', price: '1', quantity: '0' }, 'invalid_amount', 'quantity');
    await refused(bob, 'PlaceOrder', { ...base, side: 'buy', price: String(2n ** 100n), quantity: String(2n ** 40n) }, 'amount_overflow', 'price');
    await refused(bob, 'PlaceOrder', { ...base, side: 'buy', price: '1', quantity: '1', expiry: '4000000000', timeInForce: 'ioc' }, 'invalid_argument', 'expiry');
    await refused(bob, 'ExpireOrders', { asset: SYM, max: '0' }, 'invalid_argument', 'max');
    await refused(bob, 'ExpireOrders', { asset: 'NOPE', max: '1' }, 'unknown_asset', 'asset');
  });

  test('cancel returns the escrow; only the owner may cancel', async () => {
    await refused(bob, 'CancelOrder', { orderId: String(ask) }, 'unauthorized', 'belongs to');
    await refused(carol, 'CancelOrder', { orderId: '424242' }, 'not_found', 'no order');
    const shares = await balanceOf(carol.address, SYM);
    const r = await send(carol, 'CancelOrder', { orderId: String(ask) });
    const [c] = eventsOf(r, 'OrderCancelled');
    assert.equal(c.refund, '60');
    assert.equal(c.refundAsset, SYM);
    assert.equal(await balanceOf(carol.address, SYM), shares + 60n);
    assert.equal(await balanceOf(params.escrow, SYM), 0n);
    assert.deepEqual((await rpc.call('market_getBook', { asset: SYM })).asks, []);
    assert.equal((await rpc.call('market_getOrder', { orderId: ask })).status, 'cancelled');
    await refused(carol, 'CancelOrder', { orderId: String(ask) }, 'not_found', 'not open');
    // A buy's escrow comes back in AIF: price × remaining.
    const r2 = await order(bob, 'buy', ONE_AIF, 3n);
    const bid = Number(eventsOf(r2, 'OrderPlaced')[0].orderId);
    assert.equal(await balanceOf(params.escrow), 3n * ONE_AIF);
    const aif = await balanceOf(bob.address);
    await send(bob, 'CancelOrder', { orderId: String(bid) });
    assert.equal(await balanceOf(bob.address), aif - minFee + 3n * ONE_AIF);
    assert.equal(await balanceOf(params.escrow), 0n);
  });

  test('an expired order leaves the book and ExpireOrders returns its escrow', async () => {
    const now = (await rpc.call('chain_getInfo')).timestamp;
    await refused(carol, 'PlaceOrder', { asset: SYM, side: 'sell', price: '7', quantity: '10', expiry: String(now - 1), timeInForce: 'gtc' }, 'invalid_argument', 'expiry');
    const r = await order(carol, 'sell', 7n, 10n, { expiry: now + 60 });
    const id = Number(eventsOf(r, 'OrderPlaced')[0].orderId);
    assert.equal((await rpc.call('market_getBook', { asset: SYM })).asks.length, 1);
    await refused(bob, 'ExpireOrders', { asset: SYM, max: '10' }, 'not_found', 'expired');
    await rpc.call('dev_advanceTime', { seconds: 120 });
    await rpc.call('dev_mine', { blocks: 1 });
    assert.deepEqual((await rpc.call('market_getBook', { asset: SYM })).asks, [], 'expired orders are not shown');
    const o = await rpc.call('market_getOrder', { orderId: id });
    assert.equal(o.status, 'open');
    assert.equal(o.live, false);
    const shares = await balanceOf(carol.address, SYM);
    const x = await send(bob, 'ExpireOrders', { asset: SYM, max: '10' });
    assert.deepEqual(eventsOf(x, 'OrderExpired').map((e) => Number(e.orderId)), [id]);
    assert.equal(await balanceOf(carol.address, SYM), shares + 10n);
    assert.equal((await rpc.call('market_getOrder', { orderId: id })).status, 'expired');
  });

  test('market_ queries refuse bad params', async () => {
    await expectRpcError(rpc.call('market_getBook', { asset: 'NOPE' }), { code: -32001 });
    await expectRpcError(rpc.call('market_getBook', { asset: SYM, depth: 0 }), { code: -32602, messageIncludes: 'depth' });
    await expectRpcError(rpc.call('market_getBook', {}), { code: -32602, messageIncludes: 'asset' });
    await expectRpcError(rpc.call('market_getTrades', { asset: SYM, limit: 5000 }), { code: -32602, messageIncludes: 'limit' });
    await expectRpcError(rpc.call('market_getOrder', { orderId: 99999 }), { code: -32001 });
    await expectRpcError(rpc.call('market_getOpenOrders', { trader: '0x12' }), { code: -32602, messageIncludes: 'trader' });
    await expectRpcError(rpc.call('market_getAsset', { asset: SYM, extra: 1 }), { code: -32602 });
  });
});
