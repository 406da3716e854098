// SPDX-License-Identifier: MIT
// DAO governance through the real RPC of a real aif-node (SPEC §3, §7), signed by a stock ethers
// signer from the types tx_getTypes lists: delegation and power checkpoints, snapshot voting,
// vote changes, windows, quorum, timelock, a parameter change and a treasury spend, deposits.
// Every refusal is checked for its data.reason and for leaving the chain untouched.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { Chain, ONE_AIF, eventOf, expectQueryError } from './lib/dao.mjs';
import { devGenesis, devWallets, ethers, freshAddress, killNode, makeDataDir, removeDir, startNode } from './lib/node.mjs';

const ZERO = '0x0000000000000000000000000000000000000000';

describe('DAO governance (dev node)', () => {
  const genesis = devGenesis();
  const w = devWallets(10);
  const treasury = ethers.getAddress(genesis.treasury);
  let dataDir;
  let node;
  let rpc;
  let chain;
  let params; // dao_getParams at start
  let p1; // the text proposal most tests vote on
  let small; // a small holder's wallet (for the quorum failure)

  const power = async (address, height) =>
    BigInt((await rpc.call('dao_getVotingPower', height === undefined ? { address } : { address, height })).power);
  const balance = async (address) => BigInt((await rpc.call('token_getBalance', { address, asset: 'AIF' })).amount);
  const proposal = (id) => rpc.call('dao_getProposal', { proposalId: id });
  const propose = async (wallet, type, fields) => {
    const r = await chain.send(wallet, type, { title: 't', description: '', ...fields });
    return Number(eventOf(r, 'ProposalCreated').proposalId);
  };
  const vote = (wallet, id, choice) => chain.send(wallet, 'Vote', { proposalId: String(id), choice });

  before(async () => {
    dataDir = makeDataDir();
    node = await startNode({ dataDir, args: ['--block-interval-ms', '20'] });
    rpc = node.rpc;
    chain = await new Chain(rpc).init();
    params = await rpc.call('dao_getParams');
    small = ethers.Wallet.createRandom();
  });

  after(async () => {
    await killNode(node);
    removeDir(dataDir);
  });

  test('tx_getTypes lists the DAO types with their EIP-712 fields', () => {
    assert.deepEqual(chain.types.Vote, [
      { name: 'nonce', type: 'uint64' },
      { name: 'fee', type: 'uint256' },
      { name: 'proposalId', type: 'uint64' },
      { name: 'choice', type: 'string' },
    ]);
    for (const t of ['Delegate', 'ProposeText', 'ProposeParamChange', 'ProposeSpend', 'ProposeAwardBallot', 'ExecuteProposal', 'FinalizeProposal'])
      assert.ok(chain.types[t], t);
    assert.equal(params.treasury, treasury);
    assert.equal(params.quorumBps, genesis.dao.quorumBps);
  });

  test('delegation gives power from its block on; power follows transfers', async () => {
    await chain.send(w[1], 'Delegate', { to: w[1].address });
    const r = await chain.send(w[2], 'Delegate', { to: w[1].address });
    await chain.send(w[3], 'Delegate', { to: w[3].address });
    await chain.send(w[4], 'Delegate', { to: w[4].address });
    // a small holder for the quorum test, delegated before any proposal
    await chain.send(w[8], 'Transfer', { to: small.address, asset: 'AIF', amount: String(1000n * ONE_AIF), memo: '' });
    await chain.send(small, 'Delegate', { to: small.address });
    const h = r.height;
    assert.equal(await power(w[1].address, h), (await balance(w[1].address)) + (await balance(w[2].address)));
    assert.equal(await power(w[1].address, h - 1), await balance(w[1].address));
    assert.equal(await power(w[2].address), 0n);
    const before = await power(w[1].address);
    await chain.send(w[2], 'Transfer', { to: w[9].address, asset: 'AIF', amount: String(ONE_AIF), memo: '' });
    const fee = BigInt((await chain.head()).minFee);
    assert.equal(await power(w[1].address), before - ONE_AIF - fee);
    const hist = await rpc.call('dao_getPowerHistory', { address: w[1].address });
    assert.equal(hist.delegate, w[1].address);
    assert.ok(hist.checkpoints.length >= 3);
    assert.equal(hist.checkpoints.at(-1).power, String(await power(w[1].address)));
    const d = await rpc.call('dao_getDelegate', { address: w[2].address });
    assert.equal(d.delegate, w[1].address);
    // refusals
    await chain.refuse(w[2], 'Delegate', { to: w[1].address }, 'already_exists');
    await chain.refuse(w[5], 'Delegate', { to: ZERO }, 'invalid_argument');
    await expectQueryError(rpc.call('dao_getVotingPower', { address: w[1].address, height: 1e9 }), -32602);
  });

  test('tokens moved after the snapshot add nothing to anyone\'s vote', async () => {
    p1 = await propose(w[1], 'ProposeText', { title: 'Open-air screening' });
    const p = await proposal(p1);
    assert.equal(p.kind, 'text');
    assert.equal(p.status, 'active');
    assert.equal(p.deposit.state, 'none'); // w1 has the power threshold
    const snap = p.snapshotHeight;
    const w1AtSnap = await power(w[1].address, snap);
    // after the snapshot: w3 sends w1 half its AIF; w5 delegates to itself
    await chain.send(w[3], 'Transfer', { to: w[1].address, asset: 'AIF', amount: String(400_000n * ONE_AIF), memo: '' });
    await chain.send(w[5], 'Delegate', { to: w[5].address });
    assert.ok((await power(w[1].address)) > w1AtSnap);
    const r = await vote(w[1], p1, 'for');
    assert.equal(eventOf(r, 'VoteCast').power, String(w1AtSnap));
    await chain.refuse(w[5], 'Vote', { proposalId: String(p1), choice: 'for' }, 'unauthorized');
    const w3AtSnap = await power(w[3].address, snap);
    await vote(w[3], p1, 'against');
    const t = (await proposal(p1)).tally;
    assert.deepEqual(t, { for: String(w1AtSnap), against: String(w3AtSnap), abstain: '0' });
  });

  test('a double vote counts once; a changed vote replaces the old one', async () => {
    const against = (await proposal(p1)).tally.against;
    await chain.refuse(w[3], 'Vote', { proposalId: String(p1), choice: 'against' }, 'already_exists');
    assert.equal((await proposal(p1)).tally.against, against);
    const r = await vote(w[3], p1, 'abstain');
    assert.equal(eventOf(r, 'VoteCast').previous, 'against');
    const p = await proposal(p1);
    assert.equal(p.tally.against, '0');
    assert.equal(p.tally.abstain, against);
    assert.equal(p.voters, 2);
    const v = await rpc.call('dao_getVote', { proposalId: p1, voter: w[3].address });
    assert.equal(v.choice, 'abstain');
    assert.equal(v.changes, 1);
    assert.equal((await rpc.call('dao_getVote', { proposalId: p1, voter: w[9].address })).voted, false);
  });

  test('proposal and vote refusals change nothing', async () => {
    await chain.refuse(w[1], 'ProposeText', { title: '', description: '' }, 'invalid_argument', 'title');
    await chain.refuse(w[1], 'ProposeParamChange', { title: 'x', description: '', key: 'maxBlockTxs', value: '1' }, 'invalid_argument', 'key');
    await chain.refuse(w[1], 'ProposeParamChange', { title: 'x', description: '', key: 'dao.quorumBps', value: '10001' }, 'invalid_argument', 'value');
    await chain.refuse(w[1], 'ProposeSpend', { title: 'x', description: '', recipient: w[9].address, amount: '0' }, 'invalid_amount');
    await chain.refuse(w[1], 'ProposeAwardBallot', { title: 'x', description: '', edition: '2026', awardId: 'dao_voted' }, 'wrong_phase');
    await chain.refuse(w[1], 'Vote', { proposalId: String(p1), choice: 'maybe' }, 'invalid_argument', 'choice');
    await chain.refuse(w[1], 'Vote', { proposalId: '999', choice: 'for' }, 'not_found');
    await chain.refuse(w[1], 'ExecuteProposal', { proposalId: String(p1) }, 'invalid_argument');
    const poor = ethers.Wallet.createRandom();
    await chain.send(w[8], 'Transfer', { to: poor.address, asset: 'AIF', amount: String(ONE_AIF), memo: '' });
    await chain.refuse(poor, 'ProposeText', { title: 'spam', description: '' }, 'insufficient_balance');
    await expectQueryError(rpc.call('dao_getProposal', { proposalId: 999 }), -32001);
    await expectQueryError(rpc.call('dao_listProposals', { status: 'bogus' }), -32602);
  });

  let quorumless;
  let param;
  let spend;
  const grantee = freshAddress('dao-grantee');

  test('param and spend proposals; a deposit below the threshold', async () => {
    await chain.send(w[9], 'Transfer', { to: treasury, asset: 'AIF', amount: String(100n * ONE_AIF), memo: 'donation' });
    quorumless = await propose(w[6], 'ProposeText', { title: 'only a small holder votes' });
    const q = await proposal(quorumless);
    assert.equal(q.deposit.state, 'locked');
    assert.equal(q.deposit.amount, params.proposalDeposit);
    assert.equal(await balance(params.escrow), BigInt(params.proposalDeposit));
    await vote(small, quorumless, 'for');
    param = await propose(w[1], 'ProposeParamChange', { key: 'minFee', value: '2000000000000000' });
    spend = await propose(w[1], 'ProposeSpend', { recipient: grantee, amount: String(30n * ONE_AIF) });
    for (const id of [param, spend]) {
      await vote(w[1], id, 'for');
      await vote(w[4], id, 'for');
    }
    const list = await rpc.call('dao_listProposals', { kind: 'param' });
    assert.deepEqual(list.proposals.map((x) => x.proposalId), [param]);
    const active = await rpc.call('dao_listProposals', { status: 'active' });
    assert.equal(active.proposals.length, 4);
  });

  test('a vote after the end is refused; a quorum failure defeats and keeps the deposit', async () => {
    const end = (await proposal(spend)).end;
    await chain.advanceTo(end);
    await chain.refuse(w[3], 'Vote', { proposalId: String(p1), choice: 'for' }, 'wrong_phase', 'ended');
    const q = await proposal(quorumless);
    assert.equal(q.status, 'defeated');
    assert.equal(q.quorumReached, false);
    assert.equal(q.thresholdMet, true);
    assert.equal((await proposal(p1)).status, 'succeeded');
    const t0 = await balance(treasury);
    const r = await chain.send(w[7], 'FinalizeProposal', { proposalId: String(quorumless) });
    assert.equal(eventOf(r, 'DepositKept').amount, params.proposalDeposit);
    const fee = BigInt((await chain.head()).minFee);
    assert.equal(await balance(treasury), t0 + BigInt(params.proposalDeposit) + fee);
    assert.equal((await proposal(quorumless)).deposit.state, 'kept');
    await chain.refuse(w[7], 'FinalizeProposal', { proposalId: String(quorumless) }, 'wrong_phase');
  });

  test('the timelock is respected; then the parameter change takes effect', async () => {
    const p = await proposal(param);
    assert.equal(p.status, 'queued');
    assert.equal(p.eta, p.end + params.timelock);
    await chain.refuse(w[7], 'ExecuteProposal', { proposalId: String(param) }, 'wrong_phase', 'timelocked');
    await chain.advanceTo(p.eta);
    assert.equal((await proposal(param)).status, 'executable');
    const r = await chain.send(w[7], 'ExecuteProposal', { proposalId: String(param) });
    assert.deepEqual(eventOf(r, 'ParamChanged'), { proposalId: String(param), key: 'minFee', previous: '1000000000000000', value: '2000000000000000' });
    assert.equal((await chain.head()).minFee, '2000000000000000');
    assert.equal((await proposal(param)).status, 'executed');
    // a transaction at the old minimum is now refused
    const wire = await chain.sign(w[7], 'Transfer', { to: w[8].address, asset: 'AIF', amount: '1', memo: '' }, { fee: '1000000000000000' });
    await assert.rejects(rpc.call('tx_send', wire), (e) => e.data?.reason === 'fee_too_low');
  });

  test('a treasury spend pays exactly once', async () => {
    await chain.advanceTo((await proposal(spend)).eta);
    const t0 = await balance(treasury);
    const r = await chain.send(w[7], 'ExecuteProposal', { proposalId: String(spend) });
    assert.equal(eventOf(r, 'TreasurySpend').to, grantee);
    assert.equal(await balance(grantee), 30n * ONE_AIF);
    const fee = BigInt((await chain.head()).minFee);
    assert.equal(await balance(treasury), t0 - 30n * ONE_AIF + fee);
    await chain.refuse(w[7], 'ExecuteProposal', { proposalId: String(spend) }, 'wrong_phase', 'already executed');
    await chain.refuse(w[1], 'ExecuteProposal', { proposalId: String(spend) }, 'wrong_phase');
    assert.equal(await balance(grantee), 30n * ONE_AIF);
  });
});
