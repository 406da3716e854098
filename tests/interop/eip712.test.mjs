// SPDX-License-Identifier: MIT
// EIP-712 interop: ethers.js (an independent implementation) against the ledger's C++ code, run
// through the aif-vectors tool. Also guards the committed golden file vectors/eip712_transfer.json
// that the C++ unit tests read without Node. Regenerate it after an intended change with
//   AIF_UPDATE_GOLDEN=1 node --test eip712.test.mjs
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { before, describe, test } from 'node:test';

import {
  DEV_KEY0,
  TRANSFER_FIELDS,
  TRANSFER_TYPES,
  domainOf,
  ethers,
  highSTwin,
  runVectors,
} from './lib/node.mjs';

const GOLDEN_FILE = new URL('./vectors/eip712_transfer.json', import.meta.url);
const UPDATE_GOLDEN = process.env.AIF_UPDATE_GOLDEN === '1';

const U64_MAX = (2n ** 64n - 1n).toString();
const U128_MAX = (2n ** 128n - 1n).toString();
const ONE_AIF = (10n ** 18n).toString();
const MIN_FEE = (10n ** 15n).toString();

// Private keys: dev accounts 0 and 1 of the test mnemonic (public), the smallest valid key, and
// two derived from labels. None holds value anywhere.
const KEYS = {
  dev0: DEV_KEY0,
  dev1: '0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d',
  one: '0x0000000000000000000000000000000000000000000000000000000000000001',
  labelA: ethers.id('aifchain interop key A'),
  labelB: ethers.id('aifchain interop key B'),
};
const TO_CHECKSUMMED = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
const TO_LOWER = TO_CHECKSUMMED.toLowerCase();
const TO_UPPER = '0x' + TO_CHECKSUMMED.slice(2).toUpperCase();
const TO_OTHER = '0xa0Ee7A142d267C1f36714E4a8F75612F20a79720';

const MEMO_UNICODE = 'Ünïcødé 🎬 電影祭 — «AIF» ✓';
const MEMO_256_ASCII = 'x'.repeat(256);
const MEMO_256_MULTIBYTE = '電'.repeat(85) + '!'; // 85 × 3 bytes + 1 = 256 bytes of UTF-8
const MEMO_ESCAPES = 'line1\nline2\t"quoted" \\ back\u0000nul \u001f';

const msg = (o) => ({
  nonce: '0',
  fee: MIN_FEE,
  to: TO_CHECKSUMMED,
  asset: 'AIF',
  amount: ONE_AIF,
  memo: '',
  ...o,
});

/** The inputs: every edge listed in the brief, each a (chainId, key, message) triple. */
const INPUTS = [
  { name: 'basic', chainId: '2026', key: 'dev0', message: msg({}) },
  { name: 'zero nonce, zero fee, amount 1', chainId: '2026', key: 'dev0', message: msg({ fee: '0', amount: '1' }) },
  {
    name: 'maximum nonce, fee and amount',
    chainId: '2026',
    key: 'dev1',
    message: msg({ nonce: U64_MAX, fee: U128_MAX, amount: U128_MAX }),
  },
  { name: 'nonce 2^53 (past JS safe integers)', chainId: '2026', key: 'dev1', message: msg({ nonce: (2n ** 53n).toString() }) },
  { name: 'lower-case to', chainId: '2026', key: 'dev0', message: msg({ to: TO_LOWER, amount: '1' }) },
  { name: 'upper-case to', chainId: '2026', key: 'dev0', message: msg({ to: TO_UPPER, amount: '2' }) },
  { name: 'unicode memo', chainId: '2026', key: 'labelA', message: msg({ nonce: '7', memo: MEMO_UNICODE }) },
  { name: '256-byte ASCII memo', chainId: '2026', key: 'labelA', message: msg({ nonce: '8', memo: MEMO_256_ASCII }) },
  { name: '256-byte multibyte memo', chainId: '2026', key: 'labelB', message: msg({ memo: MEMO_256_MULTIBYTE }) },
  { name: 'memo with JSON escapes and NUL', chainId: '2026', key: 'labelB', message: msg({ nonce: '1', memo: MEMO_ESCAPES }) },
  {
    name: '32-byte asset symbol',
    chainId: '2026',
    key: 'one',
    message: msg({ asset: 'FILM0123456789ABCDEF0123456789AB', amount: '12345', to: TO_OTHER }),
  },
  { name: 'chain id 1', chainId: '1', key: 'dev0', message: msg({}) },
  { name: 'chain id 31337', chainId: '31337', key: 'one', message: msg({ nonce: '3' }) },
  { name: 'chain id 0', chainId: '0', key: 'labelA', message: msg({}) },
  { name: 'chain id 2^64-1', chainId: U64_MAX, key: 'labelB', message: msg({ nonce: '42', to: TO_OTHER }) },
];

/** Everything ethers computes for one input. */
async function ethersVector(input) {
  const domain = domainOf(input.chainId);
  const wallet = new ethers.Wallet(KEYS[input.key]);
  const encoder = ethers.TypedDataEncoder.from(TRANSFER_TYPES);
  const encodeType = encoder.encodeType('Transfer');
  const digest = ethers.TypedDataEncoder.hash(domain, TRANSFER_TYPES, input.message);
  const signature = await wallet.signTypedData(domain, TRANSFER_TYPES, input.message);
  return {
    name: input.name,
    chainId: input.chainId,
    privateKey: KEYS[input.key],
    signer: wallet.address,
    message: input.message,
    encodeType,
    typeHash: ethers.keccak256(ethers.toUtf8Bytes(encodeType)),
    domainSeparator: ethers.TypedDataEncoder.hashDomain(domain),
    hashStruct: ethers.TypedDataEncoder.hashStruct('Transfer', TRANSFER_TYPES, input.message),
    digest,
    signature,
    txHash: ethers.keccak256(ethers.concat([wallet.address, digest])),
  };
}

async function ethersGolden() {
  const vectors = [];
  for (const input of INPUTS) vectors.push(await ethersVector(input));
  return {
    description:
      'EIP-712 Transfer vectors of aifchain (SPEC §2) computed by ethers.js, an independent ' +
      'implementation. Integers are decimal strings. txHash = keccak256(signer || digest). ' +
      'Generated by tests/interop/eip712.test.mjs (AIF_UPDATE_GOLDEN=1); the test fails if this ' +
      'file drifts from what ethers computes. The keys are public test keys.',
    generator: `ethers ${ethers.version}`,
    domain: { name: 'AIF Chain', version: '1' },
    types: {
      EIP712Domain: [
        { name: 'name', type: 'string' },
        { name: 'version', type: 'string' },
        { name: 'chainId', type: 'uint256' },
      ],
      Transfer: TRANSFER_FIELDS,
    },
    primaryType: 'Transfer',
    vectors,
  };
}

describe('EIP-712 Transfer: ethers vs ledger (aif-vectors)', () => {
  let golden; // what ethers computes now
  let signed; // aif-vectors on every vector with its ethers signature
  let unsigned; // aif-vectors on every vector without a signature

  before(async () => {
    golden = await ethersGolden();
    signed = runVectors(
      golden.vectors.map((v) => ({ chainId: v.chainId, type: 'Transfer', message: v.message, signature: v.signature })),
    );
    unsigned = runVectors(golden.vectors.map((v) => ({ chainId: v.chainId, type: 'Transfer', message: v.message })));
  });

  test('at least 12 vectors covering distinct chain ids and keys', () => {
    assert.ok(golden.vectors.length >= 12);
    assert.ok(new Set(golden.vectors.map((v) => v.chainId)).size >= 4);
    assert.ok(new Set(golden.vectors.map((v) => v.signer)).size >= 4);
    assert.equal(Buffer.byteLength(MEMO_256_ASCII, 'utf8'), 256);
    assert.equal(Buffer.byteLength(MEMO_256_MULTIBYTE, 'utf8'), 256);
  });

  test('committed golden file matches what ethers computes now', () => {
    const text = JSON.stringify(golden, null, 2) + '\n';
    if (UPDATE_GOLDEN) {
      writeFileSync(GOLDEN_FILE, text);
      return;
    }
    assert.ok(
      existsSync(GOLDEN_FILE),
      'vectors/eip712_transfer.json is missing: regenerate with AIF_UPDATE_GOLDEN=1 node --test eip712.test.mjs',
    );
    const committed = JSON.parse(readFileSync(GOLDEN_FILE, 'utf8'));
    assert.deepStrictEqual(committed, golden, 'golden file drifted from ethers; regenerate only if the change is intended');
  });

  test('encodeType and typeHash match SPEC §2 and the ledger', () => {
    const spec = 'Transfer(uint64 nonce,uint256 fee,address to,string asset,uint256 amount,string memo)';
    for (const [i, v] of golden.vectors.entries()) {
      assert.equal(v.encodeType, spec);
      assert.equal(signed[i].encodeType, spec);
      assert.equal(signed[i].typeHash, v.typeHash);
    }
  });

  for (const [i, input] of INPUTS.entries()) {
    test(`vector ${i}: ${input.name}`, () => {
      const e = golden.vectors[i];
      const c = signed[i];
      assert.equal(c.error, undefined, `aif-vectors refused the vector: ${c.error}`);
      assert.equal(c.domainSeparator, e.domainSeparator, 'domain separator');
      assert.equal(c.hashStruct, e.hashStruct, 'hashStruct');
      assert.equal(c.digest, e.digest, 'digest');
      assert.equal(c.sender, e.signer, 'the ethers signature recovers to the ethers wallet address');
      assert.equal(c.txHash, e.txHash, 'tx hash = keccak256(address || digest)');
      // Unsigned: same hashes, no sender.
      const u = unsigned[i];
      assert.equal(u.error, undefined);
      assert.equal(u.digest, e.digest);
      assert.equal(u.sender, undefined);
      assert.equal(u.txHash, undefined);
      // The canonical re-encoding (what the node echoes back) renders `to` the EIP-55 way.
      assert.equal(c.message.to, ethers.getAddress(input.message.to), 'EIP-55 form of to');
      assert.deepEqual({ ...c.message, to: input.message.to }, input.message, 'round trip of the message');
    });
  }

  test('the high-s twin of an ethers signature is refused (high_s_signature)', () => {
    const v = golden.vectors[0];
    const twin = highSTwin(v.signature);
    assert.notEqual(twin, v.signature);
    // The ledger rejects the malleable twin before recovery (SPEC §2, STYLE §4).
    const [out] = runVectors([{ chainId: v.chainId, type: 'Transfer', message: v.message, signature: twin }]);
    assert.equal(out.reason, 'high_s_signature', JSON.stringify(out));
    assert.equal(out.sender, undefined);
  });

  test('a signature for another chain id recovers to another address', () => {
    const v1 = golden.vectors.find((v) => v.chainId === '1');
    const [out] = runVectors([{ chainId: '2026', type: 'Transfer', message: v1.message, signature: v1.signature }]);
    assert.equal(out.error, undefined);
    assert.notEqual(out.sender, v1.signer);
    assert.equal(out.sender, ethers.recoverAddress(out.digest, v1.signature));
  });

  test('values ethers would hash but the chain refuses name the field (invalid_field)', () => {
    const base = golden.vectors[0];
    const cases = [
      ['amount', { amount: (2n ** 128n).toString() }],
      ['fee', { fee: (2n ** 128n).toString() }],
      ['nonce', { nonce: (2n ** 64n).toString() }],
      ['memo', { memo: 'y'.repeat(257) }],
      ['asset', { asset: 'A'.repeat(33) }],
    ];
    const out = runVectors(cases.map(([, o]) => ({ chainId: '2026', type: 'Transfer', message: { ...base.message, ...o } })));
    for (const [i, [field]] of cases.entries()) {
      assert.equal(out[i].reason, 'invalid_field', `${field}: ${JSON.stringify(out[i])}`);
      assert.match(out[i].error, new RegExp(`\\b${field}\\b`), `error names ${field}`);
      assert.equal(out[i].digest, undefined);
    }
  });
});
