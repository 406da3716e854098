// SPDX-License-Identifier: MIT
// The DAO-voted award through the real RPC (SPEC §5, §7): a festival edition is run to the R2
// shortlist with the festival's own transactions, the DAO proposes the award ballot (its
// choices are exactly the shortlist), holders vote and change a vote, and the edition's
// finalisation takes the DAO-voted award from the ballot's result.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { Chain, eventOf } from './lib/dao.mjs';
import { devWallets, ethers, killNode, makeDataDir, removeDir, startNode } from './lib/node.mjs';

const EDITION = 2026;
const SUBMISSIONS_CLOSE = 1783718400; // genesis/dev.json: end of the final call

describe('DAO award ballot decides the DAO-voted award (dev node)', () => {
  const w = devWallets(10);
  const authority = w[0];
  const jurors = [
    { wallet: w[7], faction: 'technology' },
    { wallet: w[8], faction: 'ethics' },
    { wallet: w[9], faction: 'art' },
  ];
  const submitters = [w[5], w[5], w[6], w[6], w[6]];
  let dataDir;
  let node;
  let rpc;
  let chain;
  const films = [];
  let ballot;

  const send = (wallet, type, fields) => chain.send(wallet, type, fields);
  const salt = (film, i) => ethers.id(`salt-${film}-${i}`);
  const score = (film) => 10 - films.indexOf(film); // film 1 best, then 2, …

  before(async () => {
    dataDir = makeDataDir();
    node = await startNode({ dataDir, args: ['--block-interval-ms', '20'] });
    rpc = node.rpc;
    chain = await new Chain(rpc).init();
  });

  after(async () => {
    await killNode(node);
    removeDir(dataDir);
  });

  test('holders delegate; the festival runs to the R2 shortlist', async () => {
    for (const v of [w[1], w[2], w[3]]) await send(v, 'Delegate', { to: v.address });
    for (const [i, who] of submitters.entries()) {
      const r = await send(who, 'SubmitFilm', {
        edition: String(EDITION), title: `Film ${i + 1}`, category: 'procedural_emergent',
        format: 'short_film', student: false, creators: [],
        aiWriting: '60', aiDirection: '60', aiGeneration: '60', aiEditing: '60', aiSound: '60', aiPost: '60',
        tools: 'diffusion', contentHash: ethers.id(`dao-ballot-film-${i}`), uri: `ipfs://film-${i}`,
      });
      films.push(Number(eventOf(r, 'FilmSubmitted').filmId));
    }
    for (const j of jurors)
      await send(authority, 'RegisterJuror', { edition: String(EDITION), juror: j.wallet.address, faction: j.faction, core: true });
    await chain.advanceTo(SUBMISSIONS_CLOSE + 1);
    await send(authority, 'OpenRound', { edition: String(EDITION), round: '1' });
    for (const f of films)
      for (const j of jurors.slice(0, 2))
        await send(j.wallet, 'R1Review', { filmId: String(f), pass: true, verifiedAiPercent: '60', ethicsOk: true });
    await send(authority, 'CloseRound', { edition: String(EDITION), round: '1' });
    await send(authority, 'OpenRound', { edition: String(EDITION), round: '2' });
    for (const f of films)
      for (const [i, j] of jurors.entries()) {
        const s = score(f);
        const commitment = ethers.keccak256(
          ethers.solidityPacked(['uint64', 'address', 'uint8', 'uint8', 'uint8', 'uint8', 'bytes32'],
            [f, j.wallet.address, s, s, s, s, salt(f, i)]));
        await send(j.wallet, 'R2Commit', { filmId: String(f), commitment });
      }
    await send(authority, 'OpenR2Reveal', { edition: String(EDITION) });
    for (const f of films)
      for (const [i, j] of jurors.entries()) {
        const s = String(score(f));
        await send(j.wallet, 'R2Reveal', {
          filmId: String(f), technologicalInnovation: s, artisticAchievement: s, commercialValue: s,
          socialImpact: s, salt: salt(f, i),
        });
      }
    // Before R2 closes there is no shortlist: no ballot.
    await chain.refuse(w[1], 'ProposeAwardBallot', { title: 'b', description: '', edition: String(EDITION), awardId: 'dao_voted' }, 'wrong_phase');
    await send(authority, 'CloseRound', { edition: String(EDITION), round: '2' });
  });

  test('the ballot offers exactly the R2 shortlist', async () => {
    const r = await send(w[1], 'ProposeAwardBallot', {
      title: 'DAO-voted award 2026', description: '', edition: String(EDITION), awardId: 'dao_voted',
    });
    ballot = Number(eventOf(r, 'ProposalCreated').proposalId);
    const p = await rpc.call('dao_getProposal', { proposalId: ballot });
    const finalists = (await rpc.call('film_list', { edition: EDITION, status: 'finalist' })).films.map((f) => f.filmId);
    assert.ok(finalists.length >= 2, `finalists ${finalists}`);
    assert.deepEqual(p.ballot.choices, finalists);
    assert.equal(p.kind, 'ballot');
    assert.deepEqual(p.tally.candidates.map((c) => c.filmId), finalists);
    await chain.refuse(w[2], 'Vote', { proposalId: String(ballot), choice: 'for' }, 'invalid_argument');
    const outsider = films.find((f) => !finalists.includes(f));
    await chain.refuse(w[2], 'Vote', { proposalId: String(ballot), choice: String(outsider) }, 'not_found');
    await chain.refuse(w[2], 'ProposeAwardBallot', { title: 'again', description: '', edition: String(EDITION), awardId: 'dao_voted' }, 'already_exists');
  });

  test('the ballot result is the DAO-voted award at finalisation', async () => {
    const [first, second] = (await rpc.call('dao_getProposal', { proposalId: ballot })).ballot.choices;
    // w1 and w2 back the second finalist; w3 first backs it too, then switches to the first:
    // the second still leads 2 votes to 1 (equal powers ±fees), and only the last vote counts.
    await send(w[1], 'Vote', { proposalId: String(ballot), choice: String(second) });
    await send(w[2], 'Vote', { proposalId: String(ballot), choice: String(second) });
    await send(w[3], 'Vote', { proposalId: String(ballot), choice: String(second) });
    await send(w[3], 'Vote', { proposalId: String(ballot), choice: String(first) });
    let p = await rpc.call('dao_getProposal', { proposalId: ballot });
    assert.equal(p.ballot.leader, second);
    assert.equal(p.ballot.winner, null); // still open
    await chain.advanceTo(p.end);
    p = await rpc.call('dao_getProposal', { proposalId: ballot });
    assert.equal(p.status, 'succeeded');
    assert.equal(p.ballot.winner, second);
    const [j0, j1] = jurors;
    await send(authority, 'OpenRound', { edition: String(EDITION), round: '3' });
    await send(j0.wallet, 'R3Vote', { filmId: String(first), awardId: 'unicorn_gold' });
    await send(j1.wallet, 'R3Vote', { filmId: String(first), awardId: 'unicorn_gold' });
    await send(authority, 'CloseRound', { edition: String(EDITION), round: '3' });
    await send(authority, 'FinalizeEdition', { edition: String(EDITION) });
    const awards = (await rpc.call('award_list', { edition: EDITION })).awards;
    const daoAward = awards.find((a) => a.awardId === 'dao_voted');
    assert.equal(daoAward.filmId, second);
    assert.ok(daoAward.tokenId, 'a trophy was minted for the DAO-voted award');
    const nft = await rpc.call('nft_get', { tokenId: daoAward.tokenId });
    const submitter = (await rpc.call('film_get', { filmId: second })).submitter;
    assert.equal(nft.owner, submitter);
  });
});
