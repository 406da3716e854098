// SPDX-License-Identifier: MIT
// The festival through the real RPC of a real aif-node (SPEC §3, §5, §6): submissions and their
// fee tiers, the jury rounds, finalisation and trophies, with every refusal checked for its
// exact data.reason, a message naming the rule, and an unchanged chain (head, state root, pool,
// sender account). Transactions are signed with a stock ethers EIP-712 signer from the types the
// node publishes; R2 commitments are computed with ethers, not with the node.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import {
  devWallets,
  ethers,
  expectRpcError,
  killNode,
  makeDataDir,
  removeDir,
  startNode,
} from './lib/node.mjs';
import { Festival, contentHash, eventAttr, r2Commitment } from './lib/festival.mjs';

const ONE_AIF = 10n ** 18n;
const YEAR = '2026';
const SUBMISSIONS_CLOSE = 1783718400; // end of the final call window in genesis/dev.json
const TREASURY = '0xF37E76c1A54eea23c562A3c40Fca42A3cFdCDdb3';

describe('festival (dev node, real RPC)', () => {
  const w = devWallets(10);
  const [authority, j1, j2, j3, j4, j5, s6, s7, s8] = w;
  let dataDir;
  let node;
  let rpc;
  let fest;
  const film = {};
  const salt = (n) => ethers.zeroPadValue(ethers.toBeHex(n), 32);

  before(async () => {
    dataDir = makeDataDir();
    node = await startNode({ dataDir, args: ['--block-interval-ms', '20'] });
    rpc = node.rpc;
    fest = await new Festival(rpc).init();
  });

  after(async () => {
    await killNode(node);
    removeDir(dataDir);
  });

  const balance = async (address) =>
    BigInt((await rpc.call('token_getBalance', { address, asset: 'AIF' })).amount);

  function filmFields(title, category, ai, { format = 'short_film', student = false, creators = [], hashOf } = {}) {
    const [writing, direction, generation, editing, sound, post] = ai;
    return {
      edition: YEAR,
      title,
      category,
      format,
      student,
      creators,
      aiWriting: String(writing),
      aiDirection: String(direction),
      aiGeneration: String(generation),
      aiEditing: String(editing),
      aiSound: String(sound),
      aiPost: String(post),
      tools: 'Sora, Kling, a fine-tuned voice model',
      contentHash: contentHash(hashOf ?? title),
      uri: `ipfs://interop/${encodeURIComponent(title)}`,
    };
  }
  const juror = (who, faction, core) => ({ edition: YEAR, juror: who.address, faction, core });
  const round = (r) => ({ edition: YEAR, round: String(r) });
  const scoresOf = (n) => [n, n, n, n];
  const reveal = (filmId, s, saltValue) => ({
    filmId: String(filmId),
    technologicalInnovation: String(s[0]),
    artisticAchievement: String(s[1]),
    commercialValue: String(s[2]),
    socialImpact: String(s[3]),
    salt: saltValue,
  });

  test('tx_getTypes publishes the festival types, each starting with nonce and fee', async () => {
    for (const t of ['SubmitFilm', 'RegisterJuror', 'DeclareConflict', 'OpenRound', 'OpenR2Reveal', 'CloseRound',
      'R1Review', 'R2Commit', 'R2Reveal', 'R3Vote', 'FinalizeEdition', 'SettleDaoAward', 'TransferTrophy']) {
      const fields = fest.types[t];
      assert.ok(fields, t);
      assert.deepEqual(fields.slice(0, 2), [{ name: 'nonce', type: 'uint64' }, { name: 'fee', type: 'uint256' }], t);
    }
    assert.deepEqual(fest.types.SubmitFilm.find((f) => f.name === 'creators'), { name: 'creators', type: 'address[]' });
  });

  test('jurors are registered by the authority only', async () => {
    await fest.refuse(j1, 'RegisterJuror', juror(j1, 'art', true), 'unauthorized', 'festival authority');
    await fest.refuse(authority, 'RegisterJuror', juror(j1, 'critics', true), 'invalid_argument', 'faction');
    await fest.send(authority, 'RegisterJuror', juror(j1, 'art', true));
    await fest.send(authority, 'RegisterJuror', juror(j2, 'technology', true));
    await fest.send(authority, 'RegisterJuror', juror(j3, 'ethics', false));
    await fest.send(authority, 'RegisterJuror', juror(j4, 'community', true));
    await fest.send(authority, 'RegisterJuror', juror(j5, 'technology', false));
    await fest.refuse(authority, 'RegisterJuror', juror(j1, 'art', false), 'already_exists', 'already a juror');
    const list = await rpc.call('jury_list', { edition: 2026 });
    assert.equal(list.jurors.length, 5);
    const one = await rpc.call('jury_get', { edition: 2026, address: j2.address });
    assert.equal(one.faction, 'technology');
    assert.equal(one.core, true);
  });

  test('a submission pays its tier to the treasury; refusals name the rule and change nothing', async () => {
    const before = await balance(TREASURY);
    const tx = await fest.send(s6, 'SubmitFilm', filmFields('Neon Tides', 'generative_cinema', [60, 65, 70, 60, 55, 60]));
    film.A = Number(eventAttr(tx, 'FilmSubmitted', 'filmId'));
    assert.equal(eventAttr(tx, 'FilmSubmitted', 'window'), 'early_bird');
    assert.equal(eventAttr(tx, 'FilmSubmitted', 'multiplierBps'), '7500');
    // $400 × 0.75 = $300 = 30000 cents × 0.1 AIF (aifPerUsdCent) = 3000 AIF.
    assert.equal(eventAttr(tx, 'FilmSubmitted', 'fee'), String(3000n * ONE_AIF));
    assert.equal(await balance(TREASURY), before + 3000n * ONE_AIF + fest.minFee);

    const base = (over) => ({ ...filmFields('Refused', 'generative_cinema', [60, 60, 60, 60, 60, 60]), ...over });
    await fest.refuse(s7, 'SubmitFilm', base({ aiWriting: '40', aiDirection: '40', aiGeneration: '45', aiEditing: '40', aiSound: '50' }),
      'invalid_argument', 'under the 51 %');
    await fest.refuse(s7, 'SubmitFilm', base({ aiWriting: '101' }), 'invalid_argument', 'aiWriting: 101 is over 100');
    await fest.refuse(s7, 'SubmitFilm', base({ aiWriting: '95', aiDirection: '95' }), 'invalid_argument',
      "outside generative_cinema's range 51–70 %");
    await fest.refuse(s7, 'SubmitFilm', base({ contentHash: contentHash('Neon Tides') }), 'already_exists',
      `was already submitted (film ${film.A})`);
    await fest.refuse(s7, 'SubmitFilm', base({ title: '' }), 'invalid_argument', 'title: empty');
    await fest.refuse(s7, 'SubmitFilm', base({ category: 'documentary' }), 'invalid_argument', 'category');
    await fest.refuse(s7, 'SubmitFilm', base({ edition: '2030' }), 'not_found', 'edition');
    // A fee the submitter cannot pay: 1 AIF covers the tx fee, not $300.
    const poor = new ethers.Wallet(ethers.id('aif-interop:poor submitter'));
    await fest.send(authority, 'Transfer', { to: poor.address, asset: 'AIF', amount: String(ONE_AIF), memo: '' });
    await fest.refuse(poor, 'SubmitFilm', base({}), 'insufficient_balance', 'submission fee 3000 AIF');

    const b = await fest.send(s7, 'SubmitFilm',
      filmFields('Rulebook', 'procedural_emergent', [80, 85, 90, 80, 85, 80], { format: 'generative_feature' }));
    film.B = Number(eventAttr(b, 'FilmSubmitted', 'filmId'));
    const c = await fest.send(s8, 'SubmitFilm',
      filmFields('Avatar Requiem', 'digital_beings', [75, 80, 85, 75, 80, 75], { student: true, creators: [s8.address, j5.address] }));
    film.C = Number(eventAttr(c, 'FilmSubmitted', 'filmId'));
    assert.equal(eventAttr(c, 'FilmSubmitted', 'fee'), String(1125n * ONE_AIF)); // $150 × 0.75
    const list = await rpc.call('film_list', { edition: 2026 });
    assert.deepEqual(list.films.map((f) => f.filmId), [film.A, film.B, film.C]);
  });

  test('R1 opens only after the deadline; a review in the wrong round is refused', async () => {
    await fest.refuse(j2, 'R1Review', { filmId: String(film.A), pass: true, verifiedAiPercent: '61', ethicsOk: true },
      'wrong_phase', 'R1 reviews are not open');
    await fest.refuse(authority, 'OpenRound', round(1), 'wrong_phase', 'before the submission deadline');
    const now = (await rpc.call('dev_advanceTime', { seconds: 0 })).timestamp;
    await rpc.call('dev_advanceTime', { seconds: SUBMISSIONS_CLOSE + 60 - now });
    await fest.refuse(s7, 'SubmitFilm', filmFields('Too Late', 'digital_beings', [60, 60, 60, 60, 60, 60]),
      'wrong_phase', 'closed');
    await fest.refuse(j1, 'OpenRound', round(1), 'unauthorized', 'festival authority');
    await fest.refuse(authority, 'OpenRound', round(2), 'wrong_phase', 'cannot open R2');
    await fest.send(authority, 'OpenRound', round(1));
  });

  test('R1 checks faction, conflicts and duplicates', async () => {
    const review = (id, pass = true, ai = '70') => ({ filmId: String(id), pass, verifiedAiPercent: ai, ethicsOk: pass });
    await fest.refuse(j1, 'R1Review', review(film.A, true, '61'), 'unauthorized', 'technology and ethics jurors');
    await fest.refuse(j5, 'R1Review', review(film.C, true, '78'), 'conflict_of_interest', `creator of film ${film.C}`);
    await fest.send(j2, 'R1Review', review(film.A, true, '61'));
    await fest.refuse(j2, 'R1Review', review(film.A, false, '61'), 'already_exists', 'already reviewed');
    await fest.send(j3, 'DeclareConflict', { filmId: String(film.B) });
    await fest.refuse(j3, 'R1Review', review(film.B, true, '83'), 'conflict_of_interest', 'declared a conflict');
    await fest.send(j3, 'R1Review', review(film.A, true, '62'));
    await fest.send(j2, 'R1Review', review(film.B, true, '83'));
    await fest.send(j5, 'R1Review', review(film.B, true, '83'));
    await fest.send(j2, 'R1Review', review(film.C, true, '78'));
    await fest.send(j3, 'R1Review', review(film.C, true, '78'));
    const closed = await fest.send(authority, 'CloseRound', round(1));
    assert.equal(eventAttr(closed, 'RoundClosed', 'passed'), '3');
  });

  test('R2: scores are committed, then revealed; a reveal must match its commitment', async () => {
    await fest.send(authority, 'OpenRound', round(2));
    // The node's helper agrees with an independent (ethers) computation of the commitment.
    const helper = await rpc.call('jury_r2Commitment', { ...reveal(film.A, [9, 8, 7, 6], salt(42)), juror: j1.address });
    assert.equal(helper.commitment, r2Commitment(film.A, j1.address, [9, 8, 7, 6], salt(42)));

    const score = { [film.A]: 9, [film.B]: 7, [film.C]: 8 };
    // A juror scoring their own film.
    await fest.refuse(j5, 'R2Commit', { filmId: String(film.C), commitment: r2Commitment(film.C, j5.address, scoresOf(10), salt(1)) },
      'conflict_of_interest', `creator of film ${film.C}`);
    for (const id of [film.A, film.B, film.C]) {
      for (const [i, j] of [j1, j2, j4].entries()) {
        await fest.send(j, 'R2Commit', { filmId: String(id), commitment: r2Commitment(id, j.address, scoresOf(score[id]), salt(100 + i)) });
      }
    }
    await fest.refuse(j1, 'R2Commit', { filmId: String(film.A), commitment: r2Commitment(film.A, j1.address, scoresOf(1), salt(5)) },
      'already_exists', 'already committed');
    // A score of 11, committed: refused when revealed.
    const eleven = [11, 5, 5, 5];
    await fest.send(j3, 'R2Commit', { filmId: String(film.A), commitment: r2Commitment(film.A, j3.address, eleven, salt(7)) });
    await fest.refuse(j1, 'R2Reveal', reveal(film.A, scoresOf(9), salt(100)), 'wrong_phase', 'R2 reveals are not open');
    await fest.refuse(j1, 'R3Vote', { filmId: String(film.A), awardId: 'unicorn_gold' }, 'wrong_phase', 'R3 votes are not open');
    await fest.refuse(j1, 'OpenR2Reveal', { edition: YEAR }, 'unauthorized', 'festival authority');
    await fest.send(authority, 'OpenR2Reveal', { edition: YEAR });

    await fest.refuse(j1, 'R2Reveal', reveal(film.A, scoresOf(9), salt(999)), 'invalid_argument', 'do not match the commitment');
    await fest.refuse(j1, 'R2Reveal', reveal(film.A, scoresOf(8), salt(100)), 'invalid_argument', 'do not match the commitment');
    await fest.refuse(j3, 'R2Reveal', reveal(film.A, eleven, salt(7)), 'invalid_argument', 'technologicalInnovation: 11 is over 10');
    for (const id of [film.A, film.B, film.C]) {
      for (const [i, j] of [j1, j2, j4].entries()) await fest.send(j, 'R2Reveal', reveal(id, scoresOf(score[id]), salt(100 + i)));
    }
    await fest.refuse(j2, 'R2Reveal', reveal(film.B, scoresOf(7), salt(101)), 'already_exists', 'already revealed');
    const closed = await fest.send(authority, 'CloseRound', round(2));
    // Three ranked films, 40 % rounded up: two advance, best mean first.
    assert.equal(eventAttr(closed, 'RoundClosed', 'shortlist'), `${film.A},${film.C}`);
    const ed = await rpc.call('festival_getEdition', { edition: 2026 });
    assert.equal(ed.phase, 'r2_closed');
    assert.deepEqual(ed.shortlist, [film.A, film.C]);
  });

  test('R3 votes by the core committee; finalisation by the authority, once', async () => {
    await fest.refuse(authority, 'FinalizeEdition', { edition: YEAR }, 'wrong_phase', 'cannot finalise');
    await fest.send(authority, 'OpenRound', round(3));
    const vote = (id, award) => ({ filmId: String(id), awardId: award });
    await fest.refuse(j3, 'R3Vote', vote(film.A, 'unicorn_gold'), 'unauthorized', 'core-committee');
    await fest.refuse(j1, 'R3Vote', vote(film.B, 'unicorn_gold'), 'invalid_argument', 'not an R3 finalist');
    await fest.refuse(j1, 'R3Vote', vote(film.A, 'dao_voted'), 'invalid_argument', 'DAO ballot');
    await fest.send(j1, 'R3Vote', vote(film.C, 'unicorn_gold'));
    await fest.send(j2, 'R3Vote', vote(film.C, 'unicorn_gold'));
    await fest.send(j4, 'R3Vote', vote(film.A, 'unicorn_gold'));
    await fest.refuse(j1, 'R3Vote', vote(film.A, 'unicorn_gold'), 'already_exists', 'already voted');
    await fest.send(j1, 'R3Vote', vote(film.A, 'best_ai_native_film'));
    await fest.send(j2, 'R3Vote', vote(film.C, 'best_ai_native_film')); // 1–1: better R2 rank wins
    await fest.send(j4, 'R3Vote', vote(film.A, 'responsible_ai'));
    await fest.send(authority, 'CloseRound', round(3));
    await fest.refuse(j1, 'FinalizeEdition', { edition: YEAR }, 'unauthorized', 'festival authority');
    const fin = await fest.send(authority, 'FinalizeEdition', { edition: YEAR });
    assert.equal(eventAttr(fin, 'EditionFinalized', 'decided'), '3');
    assert.equal(eventAttr(fin, 'EditionFinalized', 'pending'), '1');
    await fest.refuse(authority, 'FinalizeEdition', { edition: YEAR }, 'wrong_phase', 'already finalised');
    await fest.refuse(j1, 'R3Vote', vote(film.A, 'best_sound'), 'wrong_phase', 'R3 votes are not open');
    // No DAO ballot decided the DAO-voted award: it stays pending.
    await fest.refuse(s6, 'SettleDaoAward', { edition: YEAR, awardId: 'dao_voted' }, 'wrong_phase', 'not decided');
  });

  test('every decided award has a trophy owned by the submitter, with ERC-721 metadata', async () => {
    const { awards } = await rpc.call('award_list', { edition: 2026 });
    assert.equal(awards.length, 27);
    const byId = Object.fromEntries(awards.map((a) => [a.awardId, a]));
    assert.equal(byId.unicorn_gold.filmId, film.C);
    assert.equal(byId.unicorn_gold.tier, 1);
    assert.equal(byId.best_ai_native_film.filmId, film.A);
    assert.equal(byId.dao_voted.status, 'pending');
    assert.equal(byId.dao_voted.tokenId, null);
    assert.equal(byId.best_sound.status, 'vacant');
    const decided = awards.filter((a) => a.tokenId !== null);
    assert.equal(decided.length, 3);
    for (const a of decided) {
      const nft = await rpc.call('nft_get', { tokenId: a.tokenId });
      const f = await rpc.call('film_get', { filmId: a.filmId });
      assert.equal(nft.owner, f.submitter, `trophy ${a.tokenId} owner`);
      assert.equal(nft.provenance.length, 1);
      assert.equal(nft.provenance[0].from, null);
      const meta = await rpc.call('nft_getMetadata', { tokenId: a.tokenId });
      assert.deepEqual(meta, nft.metadata);
      assert.ok(meta.name.includes(a.name), meta.name);
      assert.equal(typeof meta.description, 'string');
      assert.ok(meta.image.startsWith('data:image/svg+xml;base64,'), meta.image.slice(0, 40));
      const traits = Object.fromEntries(meta.attributes.map((x) => [x.trait_type, x.value]));
      assert.equal(traits.Edition, 2026);
      assert.equal(traits['Award ID'], a.awardId);
      assert.equal(traits.Tier, a.tier);
      assert.equal(traits['Film ID'], a.filmId);
      assert.equal(traits['Content Hash'], f.contentHash);
      assert.ok(traits['R2 Mean Score']);
      const owned = await rpc.call('nft_listByOwner', { owner: nft.owner });
      assert.ok(owned.tokenIds.includes(a.tokenId));
    }
    assert.deepEqual((await rpc.call('nft_listByEdition', { edition: 2026 })).tokenIds, decided.map((a) => a.tokenId).sort((x, y) => x - y));
  });

  test("film_get tells the film's whole story", async () => {
    const f = await rpc.call('film_get', { filmId: film.C });
    assert.equal(f.submitter, s8.address);
    assert.deepEqual(f.creators, [s8.address, j5.address]);
    assert.equal(f.category, 'digital_beings');
    assert.equal(f.disclosure.generation, 85);
    assert.equal(f.disclosure.overall, '78.33');
    assert.equal(f.feePaid.amount, String(1125n * ONE_AIF));
    assert.equal(f.feePaid.window, 'early_bird');
    assert.equal(f.r1Reviews.length, 2);
    assert.equal(f.r1.result, 'passed');
    assert.equal(f.r2Mean, '8.00');
    assert.equal(f.r2.rank, 2);
    assert.equal(f.r2.scores.length, 3);
    assert.equal(f.r3Votes.unicorn_gold, 2);
    assert.equal(f.status, 'awarded');
    assert.equal(f.award.awardId, 'unicorn_gold');
    const byHash = await rpc.call('film_getByHash', { contentHash: f.contentHash });
    assert.equal(byHash.filmId, film.C);
    const finalists = await rpc.call('film_list', { edition: 2026, status: 'r2_eliminated' });
    assert.deepEqual(finalists.films.map((x) => x.filmId), [film.B]);
  });

  test('a trophy moves only by its owner; provenance records every transfer', async () => {
    const { awards } = await rpc.call('award_list', { edition: 2026 });
    const token = awards.find((a) => a.awardId === 'unicorn_gold').tokenId;
    const collector = ethers.getAddress(ethers.dataSlice(ethers.id('aif-interop:collector'), 12));
    await fest.refuse(s6, 'TransferTrophy', { tokenId: String(token), to: s6.address }, 'unauthorized', 'is owned by');
    await fest.refuse(s8, 'TransferTrophy', { tokenId: String(token), to: s8.address }, 'invalid_argument', 'already the owner');
    await fest.refuse(s8, 'TransferTrophy', { tokenId: '999', to: collector }, 'not_found', 'no trophy 999');
    await fest.send(s8, 'TransferTrophy', { tokenId: String(token), to: collector });
    const nft = await rpc.call('nft_get', { tokenId: token });
    assert.equal(nft.owner, collector);
    assert.equal(nft.provenance.length, 2);
    assert.deepEqual([nft.provenance[1].from, nft.provenance[1].to], [s8.address, collector]);
    assert.deepEqual((await rpc.call('nft_listByOwner', { owner: collector })).tokenIds, [token]);
    assert.ok(!(await rpc.call('nft_listByOwner', { owner: s8.address })).tokenIds.includes(token));
  });

  test('unknown ids answer -32001; bad params -32602', async () => {
    await expectRpcError(rpc.call('film_get', { filmId: 999 }), { code: -32001 });
    await expectRpcError(rpc.call('nft_get', { tokenId: 999 }), { code: -32001 });
    await expectRpcError(rpc.call('nft_getMetadata', { tokenId: 999 }), { code: -32001 });
    await expectRpcError(rpc.call('award_list', { edition: 1999 }), { code: -32001 });
    await expectRpcError(rpc.call('jury_get', { edition: 2026, address: s6.address }), { code: -32001 });
    await expectRpcError(rpc.call('film_list', { edition: 2026, status: 'winning' }), { code: -32602, messageIncludes: 'status' });
    await expectRpcError(rpc.call('film_get', {}), { code: -32602, messageIncludes: 'filmId' });
    await expectRpcError(rpc.call('film_get', { filmId: 1, extra: 1 }), { code: -32602 });
  });
});
