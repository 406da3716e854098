// SPDX-License-Identifier: MIT
// Permissions (issue 8, docs/security.md § Parties): every privileged action tried from every
// wrong role through the real JSON-RPC interface of a dev node, table-driven. Each attempt must
// be refused (tx_send -32000 with the expected reason) and leave the state unchanged: the state
// root, the sender's nonce and balances, and the object the action is about. Each action is also
// done once by the role that may, so the table cannot pass vacuously.
//
// Transactions are signed with ethers from the types tx_getTypes returns (nothing here knows the
// C++ code). Roles are accounts of the public test mnemonic funded by the dev genesis.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';

import {
  RpcError,
  devGenesis,
  devWallets,
  ethers,
  freshAddress,
  killNode,
  makeDataDir,
  removeDir,
  startNode,
  stopNode,
  waitCommitted,
} from '../interop/lib/node.mjs';

const EDITION = 2026;
const MONTH = 31 * 24 * 3600;

let node;
let dataDir;
let rpc;
let types;
let minFee;
/** role name → ethers wallet */
const roles = {};
/** ids made during set-up */
const ids = {};

// ---------------------------------------------------------------------------------------------
// Signing any type from tx_getTypes

async function nextNonce(wallet) {
  return (await rpc.call('account_get', { address: wallet.address })).pendingNonce;
}

/** The signed wire form of `type` with `fields` (nonce and fee filled in). */
async function signed(wallet, type, fields) {
  assert.ok(types.types[type], `tx_getTypes has no type ${type}`);
  const message = { nonce: String(await nextNonce(wallet)), fee: minFee, ...fields };
  const signature = await wallet.signTypedData(types.domain, { [type]: types.types[type] }, message);
  return { type, message, signature };
}

/** Sends and waits until committed; returns the tx_get result (events). */
async function submit(wallet, type, fields) {
  const { hash } = await rpc.call('tx_send', await signed(wallet, type, fields));
  return waitCommitted(rpc, hash, { timeoutMs: 20_000 });
}

/** The value of attribute `name` in the first event that has it. */
function eventAttr(result, name) {
  for (const e of result.events) if (name in e.attrs) return e.attrs[name];
  throw new Error(`no event attribute ${name} in ${JSON.stringify(result.events)}`);
}

/** A query result, or the JSON-RPC error code when it fails (for "absent" checks). */
async function query(method, params) {
  try {
    return await rpc.call(method, params);
  } catch (e) {
    if (e instanceof RpcError) return { errorCode: e.code };
    throw e;
  }
}

// ---------------------------------------------------------------------------------------------
// Set-up: jurors, two films, shares of film 1, an open order, a parameter-change proposal

before(async () => {
  dataDir = makeDataDir('aif-permissions-');
  node = await startNode({ dataDir, args: ['--block-interval-ms', '20'] });
  rpc = node.rpc;
  types = await rpc.call('tx_getTypes');
  minFee = (await rpc.call('chain_getInfo')).minFee;
  const w = devWallets(10);
  Object.assign(roles, {
    authority: w[0], // the genesis authority
    creator: w[1], // submitter of film 1 (issues its shares)
    otherCreator: w[2], // submitter of film 2
    artJuror: w[3], // juror, art faction
    coreJuror: w[4], // juror, technology faction, core committee
    holder: w[5], // plain AIF holder; self-delegated (has voting power); proposer
    trader: w[6], // owner of an open buy order
    outsider: w[7], // funded, no role at all
    ethicsJuror: w[8], // juror, ethics faction, not core
  });

  await submit(roles.authority, 'RegisterJuror', { edition: String(EDITION), juror: roles.artJuror.address, faction: 'art', core: false });
  await submit(roles.authority, 'RegisterJuror', { edition: String(EDITION), juror: roles.coreJuror.address, faction: 'technology', core: true });
  await submit(roles.authority, 'RegisterJuror', { edition: String(EDITION), juror: roles.ethicsJuror.address, faction: 'ethics', core: false });

  const film = (wallet, tag) => ({
    edition: String(EDITION),
    title: `Permissions film ${tag}`,
    category: 'generative_cinema',
    format: 'short_film',
    student: false,
    creators: [],
    aiWriting: '60', aiDirection: '60', aiGeneration: '60', aiEditing: '60', aiSound: '60', aiPost: '60',
    tools: 'test tools',
    contentHash: ethers.id(`permissions-film-${tag}`),
    uri: `ipfs://permissions/${tag}`,
  });
  ids.film1 = eventAttr(await submit(roles.creator, 'SubmitFilm', film(roles.creator, 1)), 'filmId');
  ids.film2 = eventAttr(await submit(roles.otherCreator, 'SubmitFilm', film(roles.otherCreator, 2)), 'filmId');

  await submit(roles.creator, 'IssueShares', { filmId: String(ids.film1), symbol: 'PERMA', supply: '1000' });
  ids.order = eventAttr(
    await submit(roles.trader, 'PlaceOrder', { asset: 'PERMA', side: 'buy', price: minFee, quantity: '10', expiry: '0', timeInForce: 'gtc' }),
    'orderId',
  );

  await submit(roles.holder, 'Delegate', { to: roles.holder.address });
  ids.proposal = eventAttr(
    await submit(roles.holder, 'ProposeParamChange', { title: 'Double the fee', description: 'permissions test', key: 'minFee', value: String(2n * BigInt(minFee)) }),
    'proposalId',
  );
});

after(async () => {
  await stopNode(node);
  await killNode(node);
  removeDir(dataDir);
});

// ---------------------------------------------------------------------------------------------
// The table. `allowed`: roles that may (each tried once in the positive test); every other role
// must be refused with `reason`. `unchanged`: what must be the same after a refusal, besides the
// state root and the sender's account.

const ROLE_NAMES = ['authority', 'creator', 'otherCreator', 'artJuror', 'coreJuror', 'ethicsJuror', 'holder', 'trader', 'outsider'];
const JURORS = ['artJuror', 'coreJuror', 'ethicsJuror'];

const ACTIONS = [
  {
    action: 'register a juror',
    type: 'RegisterJuror',
    fields: () => ({ edition: String(EDITION), juror: freshAddress('perm-juror'), faction: 'ethics', core: true }),
    allowed: ['authority'],
    reason: 'unauthorized',
    unchanged: () => query('jury_get', { edition: EDITION, address: freshAddress('perm-juror') }),
  },
  {
    action: 'promote oneself to juror',
    type: 'RegisterJuror',
    fields: (who) => ({ edition: String(EDITION), juror: roles[who].address, faction: 'art', core: true }),
    allowed: [],
    skip: ['authority', ...JURORS], // the authority may; jurors already are
    reason: 'unauthorized',
    unchanged: () => query('jury_list', { edition: EDITION }),
  },
  {
    action: 'open round 1',
    type: 'OpenRound',
    fields: () => ({ edition: String(EDITION), round: '1' }),
    allowed: [], // the authority's own attempt is refused for time (wrong_phase), tested below
    skip: ['authority'],
    reason: 'unauthorized',
    unchanged: () => query('festival_getEdition', { edition: EDITION }),
  },
  {
    action: 'open R2 reveals',
    type: 'OpenR2Reveal',
    fields: () => ({ edition: String(EDITION) }),
    allowed: [],
    skip: ['authority'],
    reason: 'unauthorized',
    unchanged: () => query('festival_getEdition', { edition: EDITION }),
  },
  {
    action: 'close round 1',
    type: 'CloseRound',
    fields: () => ({ edition: String(EDITION), round: '1' }),
    allowed: [],
    skip: ['authority'],
    reason: 'unauthorized',
    unchanged: () => query('festival_getEdition', { edition: EDITION }),
  },
  {
    action: 'finalise the edition (mints trophies)',
    type: 'FinalizeEdition',
    fields: () => ({ edition: String(EDITION) }),
    allowed: [],
    skip: ['authority'],
    reason: 'unauthorized',
    unchanged: async () => [await query('award_list', { edition: EDITION }), await query('nft_listByEdition', { edition: EDITION })],
  },
  {
    action: "issue shares of another's film",
    type: 'IssueShares',
    fields: () => ({ filmId: String(ids.film2), symbol: 'STOLEN', supply: '1000000' }),
    allowed: ['otherCreator'],
    reason: 'unauthorized',
    unchanged: () => query('market_getAsset', { asset: 'STOLEN' }),
  },
  {
    action: "cancel another's order",
    type: 'CancelOrder',
    fields: () => ({ orderId: String(ids.order) }),
    allowed: ['trader'],
    reason: 'unauthorized',
    unchanged: () => query('market_getOrder', { orderId: ids.order }),
  },
  {
    action: 'change a parameter (execute a proposal that has not passed)',
    type: 'ExecuteProposal',
    fields: () => ({ proposalId: String(ids.proposal) }),
    allowed: [], // nobody: only a passed proposal after its timelock changes a parameter
    reason: 'wrong_phase',
    unchanged: async () => [await query('dao_getParams', {}), await query('dao_getProposal', { proposalId: ids.proposal })],
  },
  {
    action: 'vote without voting power',
    type: 'Vote',
    fields: () => ({ proposalId: String(ids.proposal), choice: 'for' }),
    allowed: ['holder'],
    reason: 'unauthorized',
    unchanged: () => query('dao_getProposal', { proposalId: ids.proposal }),
  },
];

/** Everything an attempt by `wallet` must leave as it was. */
async function snapshot(wallet, entry) {
  const info = await rpc.call('chain_getInfo');
  const account = await rpc.call('account_get', { address: wallet.address });
  return {
    height: info.height,
    stateRoot: info.stateRoot,
    account,
    object: entry.unchanged ? await entry.unchanged() : null,
  };
}

/**
 * `type` with `fields()` from each of `who` must be refused with `reason`, leaving the state
 * root, the sender's account and `unchanged()` as they were.
 */
async function expectRefusedFromAll(who, type, fields, reason, unchanged) {
  for (const name of who) {
    const wallet = roles[name];
    const entry = { unchanged };
    const before = await snapshot(wallet, entry);
    let error;
    try {
      await rpc.call('tx_send', await signed(wallet, type, fields(name)));
    } catch (e) {
      error = e;
    }
    assert.ok(error instanceof RpcError, `${type} by ${name} was accepted (expected ${reason})`);
    assert.equal(error.data?.reason, reason, `${type} by ${name}: ${error.message}`);
    assert.deepEqual(await snapshot(wallet, entry), before, `${type} by ${name} changed the state`);
  }
}

for (const entry of ACTIONS) {
  const wrong = ROLE_NAMES.filter((r) => !entry.allowed.includes(r) && !(entry.skip ?? []).includes(r));
  test(`refused: ${entry.action} (${entry.type}) from ${wrong.join(', ')}`, async () => {
    for (const who of wrong) {
      const wallet = roles[who];
      const before = await snapshot(wallet, entry);
      let error;
      try {
        await rpc.call('tx_send', await signed(wallet, entry.type, entry.fields(who)));
      } catch (e) {
        error = e;
      }
      assert.ok(error instanceof RpcError, `${entry.type} by ${who} was accepted (expected ${entry.reason})`);
      assert.equal(error.code, -32000, `${entry.type} by ${who}: ${error.message}`);
      assert.equal(error.data?.reason, entry.reason, `${entry.type} by ${who}: ${error.message}`);
      const after = await snapshot(wallet, entry);
      assert.deepEqual(after, before, `${entry.type} by ${who} changed the state`);
    }
  });
}

// ---------------------------------------------------------------------------------------------
// The right roles (after the refusals, which run first: node:test runs tests in order)

test('allowed: each action by the role that may; the jury rounds, finalisation and trophies from every wrong role', async () => {
  await submit(roles.authority, 'RegisterJuror', { edition: String(EDITION), juror: freshAddress('perm-juror'), faction: 'ethics', core: true });
  assert.equal((await rpc.call('jury_get', { edition: EDITION, address: freshAddress('perm-juror') })).faction, 'ethics');

  await submit(roles.otherCreator, 'IssueShares', { filmId: String(ids.film2), symbol: 'STOLEN', supply: '1000000' });
  assert.equal((await query('market_getAsset', { asset: 'STOLEN' })).errorCode, undefined);

  await submit(roles.holder, 'Vote', { proposalId: String(ids.proposal), choice: 'for' });

  await submit(roles.trader, 'CancelOrder', { orderId: String(ids.order) });
  assert.equal((await rpc.call('market_getOrder', { orderId: ids.order })).status, 'cancelled');

  // Round control by the authority: refused for time while submissions are open, then allowed.
  let error;
  try {
    await rpc.call('tx_send', await signed(roles.authority, 'OpenRound', { edition: String(EDITION), round: '1' }));
  } catch (e) {
    error = e;
  }
  assert.equal(error?.data?.reason, 'wrong_phase', 'the authority opens R1 only after the submission deadline');
  const deadline = Math.max(...devGenesis().editions.find((e) => e.year === EDITION).windows.map((x) => Number(x.end)));
  const now = (await rpc.call('chain_getInfo')).timestamp;
  await rpc.call('dev_advanceTime', { seconds: Math.max(deadline - now + 60, 4 * MONTH) });
  await submit(roles.authority, 'OpenRound', { edition: String(EDITION), round: '1' });

  // The festival rounds, each privileged step refused from every wrong role first.
  const film1 = String(ids.film1);
  const film2 = String(ids.film2);
  const review = (filmId, pass) => ({ filmId, pass, verifiedAiPercent: '60', ethicsOk: true });

  // R1: technology and ethics jurors only.
  await expectRefusedFromAll(ROLE_NAMES.filter((r) => r !== 'coreJuror' && r !== 'ethicsJuror'), 'R1Review', () => review(film1, true), 'unauthorized', () => query('film_get', { filmId: ids.film1 }));
  for (const who of ['coreJuror', 'ethicsJuror']) {
    await submit(roles[who], 'R1Review', review(film1, true));
    await submit(roles[who], 'R1Review', review(film2, false));
  }
  await submit(roles.authority, 'CloseRound', { edition: String(EDITION), round: '1' });
  await submit(roles.authority, 'OpenRound', { edition: String(EDITION), round: '2' });

  // R2: jurors of any faction commit, then reveal; nobody else.
  const scores = { technologicalInnovation: '8', artisticAchievement: '7', commercialValue: '6', socialImpact: '9' };
  const salt = (who) => ethers.id(`permissions-salt-${who}`);
  const commitment = async (who) =>
    (await rpc.call('jury_r2Commitment', { filmId: ids.film1, juror: roles[who].address, ...scores, salt: salt(who) })).commitment;
  await expectRefusedFromAll(ROLE_NAMES.filter((r) => !JURORS.includes(r)), 'R2Commit', () => ({ filmId: film1, commitment: ethers.id('stolen') }), 'unauthorized', () => query('film_get', { filmId: ids.film1 }));
  for (const who of JURORS) await submit(roles[who], 'R2Commit', { filmId: film1, commitment: await commitment(who) });
  await submit(roles.authority, 'OpenR2Reveal', { edition: String(EDITION) });
  await expectRefusedFromAll(ROLE_NAMES.filter((r) => !JURORS.includes(r)), 'R2Reveal', () => ({ filmId: film1, ...scores, salt: salt('x') }), 'unauthorized', () => query('film_get', { filmId: ids.film1 }));
  for (const who of JURORS) await submit(roles[who], 'R2Reveal', { filmId: film1, ...scores, salt: salt(who) });
  await submit(roles.authority, 'CloseRound', { edition: String(EDITION), round: '2' });
  await submit(roles.authority, 'OpenRound', { edition: String(EDITION), round: '3' });

  // R3: core-committee jurors only.
  const awards = (await rpc.call('award_list', { edition: EDITION })).awards;
  const award = awards.find((a) => a.kind === 'jury').awardId;
  await expectRefusedFromAll(ROLE_NAMES.filter((r) => r !== 'coreJuror'), 'R3Vote', () => ({ filmId: film1, awardId: award }), 'unauthorized', () => query('award_list', { edition: EDITION }));
  await submit(roles.coreJuror, 'R3Vote', { filmId: film1, awardId: award });
  await submit(roles.authority, 'CloseRound', { edition: String(EDITION), round: '3' });

  // Finalisation (mints the trophies): the authority only.
  await expectRefusedFromAll(ROLE_NAMES.filter((r) => r !== 'authority'), 'FinalizeEdition', () => ({ edition: String(EDITION) }), 'unauthorized', () => query('nft_listByEdition', { edition: EDITION }));
  await submit(roles.authority, 'FinalizeEdition', { edition: String(EDITION) });
  const won = (await rpc.call('award_list', { edition: EDITION })).awards.find((a) => a.awardId === award);
  assert.equal(String(won.filmId), film1, `award ${award} went to film 1`);
  const token = String(won.tokenId);

  // A trophy moves only by its owner (the film's submitter).
  await expectRefusedFromAll(ROLE_NAMES.filter((r) => r !== 'creator'), 'TransferTrophy', () => ({ tokenId: token, to: roles.outsider.address }), 'unauthorized', () => query('nft_get', { tokenId: won.tokenId }));
  await submit(roles.creator, 'TransferTrophy', { tokenId: token, to: roles.holder.address });
  assert.equal((await rpc.call('nft_get', { tokenId: won.tokenId })).owner, roles.holder.address);

  // The one way to change a parameter: the proposal the holder voted for has passed and its
  // timelock is over (the clock moved months ahead), so anyone may now execute it.
  assert.equal((await rpc.call('chain_getInfo')).minFee, minFee);
  await submit(roles.outsider, 'ExecuteProposal', { proposalId: String(ids.proposal) });
  assert.equal((await rpc.call('chain_getInfo')).minFee, String(2n * BigInt(minFee)), 'the passed parameter change took effect');
});
