#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The IP-share market end to end (SPEC §8, docs/market.md): dev0 submits a film and issues its
# shares, sells part of them; dev1 buys part of that order and pays the maker's price; the
# book and the trades show it; dev0 cancels and gets the rest back. Also: a buy dev1 cannot
# fund is refused before anything is sent (exit code 3).
# Runs against the dev node at $AIF_RPC (default http://127.0.0.1:8645) with $AIF_WALLET
# (default: the build's aif-wallet). Keys go to a throwaway keystore.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
export AIF_RPC="${AIF_RPC:-http://127.0.0.1:8645}"
W="${AIF_WALLET:-$HERE/../build/wallet/aif-wallet}"
HOME_DIR="${AIF_EXAMPLE_HOME:-$(mktemp -d)}"
KS="$HOME_DIR/keystore-market"
echo 'test test test test test test test test test test test junk' > "$HOME_DIR/mnemonic"
echo 'example passphrase' > "$HOME_DIR/pw"
# Cheap scrypt for a throwaway example keystore only; real keys use the default n=262144.
export AIF_WALLET_SCRYPT_N="${AIF_WALLET_SCRYPT_N:-1024}"
w() { "$W" --keystore "$KS" --password-file "$HOME_DIR/pw" "$@"; }
# The value of a top-level "key": value (string or number) in a --json answer.
field() { grep -o "\"$1\": *\"\\{0,1\\}[^\",}]*" | head -n1 | sed 's/.*: *"\{0,1\}//'; }
fail() { echo "market example: $*" >&2; exit 1; }

w key import --name dev0 --mnemonic-file "$HOME_DIR/mnemonic" --index 0
w key import --name dev1 --mnemonic-file "$HOME_DIR/mnemonic" --index 1

# 1. dev0 submits a film (the dev chain starts in the early-bird window) and issues 1000 shares.
content=0x$(printf 'market example %s' "$(date +%s%N)" | sha256sum | cut -c1-64)
film=$(w --json film submit --from dev0 --edition 2026 --title "Neon Dreams" \
    --category generative_cinema --format short_film \
    --ai writing=60,direction=60,generation=70,editing=60,sound=55,post=60 \
    --tools "custom diffusion" --content-hash "$content" --uri ipfs://neon-dreams --wait |
    field filmId)
[ -n "$film" ] || fail "no film id"
SYM="NEON$film"
w market issue --from dev0 --film "$film" --symbol "$SYM" --supply 1000
[ "$(w --json balance dev0 --asset "$SYM" | field baseUnits)" = 1000 ] || fail "issue"

# 2. dev0 offers 400 shares at 2.5 AIF each; they go into escrow.
sell=$(w --json market sell --from dev0 --asset "$SYM" --price 2.5 --quantity 400)
ask=$(echo "$sell" | field orderId)
echo "dev0's ask is order $ask"
[ "$(w --json balance dev0 --asset "$SYM" | field baseUnits)" = 600 ] || fail "escrow"

# 3. dev1 bids up to 3 AIF for 150: it trades at once at the maker's 2.5 AIF.
buy=$(w --json market buy --from dev1 --asset "$SYM" --price 3 --quantity 150)
echo "$buy" | field filled | grep -qx 150 || fail "expected 150 filled: $buy"
echo "$buy" | grep -q '"priceAif": *"2.5"' || fail "expected the maker's price 2.5: $buy"
[ "$(w --json balance dev1 --asset "$SYM" | field baseUnits)" = 150 ] || fail "buyer's shares"

# 4. The book shows the 250 left at 2.5; the trades show the fill.
w market book "$SYM"
book=$(w --json market book "$SYM")
echo "$book" | grep -q '"quantity": *"250"' || fail "expected 250 on the ask: $book"
w market trades "$SYM"
w --json market trades "$SYM" | grep -q '"quantity": *"150"' || fail "trade not listed"
w market orders dev0

# 5. A buy dev1 cannot pay for, or a sell of shares dev1 does not have, is refused locally:
#    exit code 3, nothing sent.
nonce_before=$(w --json account dev1 | field nonce)
set +e
w market buy --from dev1 --asset "$SYM" --price 100000000 --quantity 250
code=$?
set -e
[ "$code" = 3 ] || fail "an unfundable buy should exit 3, got $code"
[ "$(w --json account dev1 | field nonce)" = "$nonce_before" ] || fail "refused buy was sent"
set +e
w market sell --from dev1 --asset "$SYM" --price 2 --quantity 151   # dev1 holds 150
code=$?
set -e
[ "$code" = 3 ] || fail "selling more shares than held should exit 3, got $code"
[ "$(w --json account dev1 | field nonce)" = "$nonce_before" ] || fail "refused sell was sent"

# 6. dev0 cancels the rest of the ask: the 250 escrowed shares come back.
w market cancel --from dev0 --order "$ask"
[ "$(w --json balance dev0 --asset "$SYM" | field baseUnits)" = 850 ] || fail "cancel refund"
w --json market order "$ask" | grep -q '"status": *"cancelled"' || fail "order not cancelled"
echo "market ok"
