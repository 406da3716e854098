// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
// How the keystore vectors were made (salts and ivs are random, so a rerun gives new files):
//   npm install ethers@6 && node generate_keystores.js
// ethers_scrypt_n1024.json: ethers v6 encryptKeystoreJsonSync, scrypt n=1024.
// node_pbkdf2_c4096.json:   Node's crypto (pbkdf2 hmac-sha256, aes-128-ctr) + ethers keccak256,
//                           checked by decrypting it with ethers.
// Both hold key 0x4c08…2318 (address 0x2c7536E3605D9C16a7a3D7b1898e529396a65c23) under the
// password "aifchain-test-password". The script also prints mnemonic addresses used in hd_tests.
const { Wallet, keccak256, getBytes, hexlify, concat } = require("ethers");
const crypto = require("crypto");
const fs = require("fs");
const key = "0x4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318";
const pw = "aifchain-test-password";
(async () => {
  const w = new Wallet(key);
  const { encryptKeystoreJsonSync } = require("ethers"); const js = encryptKeystoreJsonSync({address: w.address, privateKey: key}, pw, { scrypt: { N: 1024 } });
  fs.writeFileSync("ethers_scrypt_n1024.json", JSON.stringify(JSON.parse(js), null, 2) + "\n");
  console.log(w.address);
  // pbkdf2 (hmac-sha256) keystore built with node's crypto + ethers keccak (geth accepts this kdf)
  const salt = Buffer.from("0f".repeat(32), "hex");
  const iv = Buffer.from("a1".repeat(16), "hex");
  const dk = crypto.pbkdf2Sync(Buffer.from(pw), salt, 4096, 32, "sha256");
  const c = crypto.createCipheriv("aes-128-ctr", dk.subarray(0, 16), iv);
  const ct = Buffer.concat([c.update(Buffer.from(key.slice(2), "hex")), c.final()]);
  const mac = keccak256(concat([dk.subarray(16, 32), ct]));
  const ks = { address: w.address.slice(2).toLowerCase(), Crypto: { cipher: "aes-128-ctr", cipherparams: { iv: iv.toString("hex") }, ciphertext: ct.toString("hex"), kdf: "pbkdf2", kdfparams: { c: 4096, dklen: 32, prf: "hmac-sha256", salt: salt.toString("hex") }, mac: mac.slice(2) }, id: "3198bc9c-6672-4ab3-9995-4942343ae5b6", version: 3 };
  fs.writeFileSync("node_pbkdf2_c4096.json", JSON.stringify(ks, null, 2) + "\n");
  const back = await Wallet.fromEncryptedJson(JSON.stringify(ks), pw);
  console.log("pbkdf2 roundtrip via ethers:", back.address);
  // mnemonic
  const { HDNodeWallet, Mnemonic } = require("ethers");
  const m = Mnemonic.fromPhrase("test test test test test test test test test test test junk");
  for (const i of [0, 1, 9]) console.log(i, HDNodeWallet.fromMnemonic(m, `m/44'/60'/0'/0/${i}`).address);
  const m2 = Mnemonic.fromPhrase("test test test test test test test test test test test junk", "TREZOR");
  console.log("pass TREZOR 0", HDNodeWallet.fromMnemonic(m2, `m/44'/60'/0'/0/0`).address);
  const m3 = Mnemonic.fromPhrase("abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about");
  console.log("abandon seed", m3.computeSeed());
  console.log("abandon 0", HDNodeWallet.fromMnemonic(m3, `m/44'/60'/0'/0/0`).address);
  const m4 = Mnemonic.fromPhrase("legal winner thank year wave sausage worth useful legal winner thank yellow");
  console.log("legal 3", HDNodeWallet.fromMnemonic(m4, `m/44'/60'/0'/0/3`).address);
})();
