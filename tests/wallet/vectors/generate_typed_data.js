// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
// Regenerates typed_data_ethers.json with an independent EIP-712 implementation (ethers v6):
//   npm install ethers@6 && node generate_typed_data.js
// The signer is account 0 of the public test mnemonic (test … junk); RFC 6979 makes the
// signatures deterministic.
const { Wallet, TypedDataEncoder } = require("ethers");
const w = new Wallet("0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80");
(async () => {
const domain = { name: "AIF Chain", version: "1", chainId: 1337 };
const types = { Transfer: [
  {name:"nonce",type:"uint64"},{name:"fee",type:"uint256"},{name:"to",type:"address"},
  {name:"asset",type:"string"},{name:"amount",type:"uint256"},{name:"memo",type:"string"}]};
const msg = { nonce: "7", fee: "1000000000000000", to: "0x70997970C51812dc3A010C7d01b50e0d17dc79C8", asset: "AIF", amount: "12500000000000000000", memo: "hello festival" };
const out = { generator: "ethers " + require("ethers").version, domain, cases: [] };
out.cases.push({ name: "transfer", primaryType: "Transfer", types, message: msg,
  domainSeparator: TypedDataEncoder.hashDomain(domain),
  encodeType: TypedDataEncoder.from(types).encodeType("Transfer"),
  hashStruct: TypedDataEncoder.from(types).hash(msg),
  digest: TypedDataEncoder.hash(domain, types, msg),
  signer: w.address, signature: await w.signTypedData(domain, types, msg) });
const types2 = {
  Mixed: [
    {name:"nonce",type:"uint64"},{name:"fee",type:"uint256"},
    {name:"a",type:"uint8"},{name:"b",type:"uint16"},{name:"c",type:"uint32"},{name:"d",type:"bool"},
    {name:"e",type:"address"},{name:"f",type:"string"},{name:"g",type:"bytes32"},{name:"h",type:"bytes"},
    {name:"i",type:"address[]"},{name:"j",type:"uint256[]"},{name:"k",type:"string[]"},{name:"l",type:"bytes32[]"},
    {name:"m",type:"bool[]"},{name:"n",type:"Zeta"},{name:"o",type:"Alpha[]"}],
  Zeta: [{name:"x",type:"uint64"},{name:"al",type:"Alpha"}],
  Alpha: [{name:"s",type:"string"},{name:"v",type:"uint256"}],
};
const msg2 = { nonce: 0, fee: "1", a: 255, b: 65535, c: "4294967295", d: true,
  e: "0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266", f: "ünïcödé ✓", g: "0x" + "ab".repeat(32), h: "0x0102030405",
  i: ["0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266", "0x70997970C51812dc3A010C7d01b50e0d17dc79C8"],
  j: ["0", "340282366920938463463374607431768211455", "115792089237316195423570985008687907853269984665640564039457584007913129639935"],
  k: ["", "x"], l: [], m: [false, true],
  n: { x: "18446744073709551615", al: { s: "inner", v: "5" } },
  o: [{ s: "a", v: "1" }, { s: "b", v: "2" }] };
out.cases.push({ name: "mixed", primaryType: "Mixed", types: types2, message: msg2,
  domainSeparator: TypedDataEncoder.hashDomain(domain),
  encodeType: TypedDataEncoder.from(types2).encodeType("Mixed"),
  hashStruct: TypedDataEncoder.from(types2).hash(msg2),
  digest: TypedDataEncoder.hash(domain, types2, msg2),
  signer: w.address, signature: await w.signTypedData(domain, types2, msg2) });
require("fs").writeFileSync("typed_data_ethers.json", JSON.stringify(out, null, 2) + "\n");
})();
