#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# A whole festival edition on a dev chain, with aif-wallet only (SPEC §5, §6, §9;
# docs/festival.md): 13 films across the four categories and three submission windows (and
# five refused: disclosure under 51 %, outside the category range, a dimension over 100, a
# duplicate content hash, the window closed), 8 jurors in the four factions, R1 → R2 (commit,
# reveal) → R3 → finalisation, then the winners with their trophy ids — each checked to be
# owned by its film's submitter, listed under that owner, with ERC-721 metadata.
# Runs against the dev node at $AIF_RPC (default http://127.0.0.1:8645, started with --dev) with
# $AIF_WALLET (default: the build's aif-wallet). Keys go to a throwaway keystore.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
export AIF_RPC="${AIF_RPC:-http://127.0.0.1:8645}"
W="${AIF_WALLET:-$HERE/../build/wallet/aif-wallet}"
HOME_DIR="${AIF_EXAMPLE_HOME:-$(mktemp -d)}"
KS="$HOME_DIR/keystore-festival"
FILMS_DIR="$HOME_DIR/films"
mkdir -p "$FILMS_DIR"
echo 'test test test test test test test test test test test junk' > "$HOME_DIR/mnemonic"
echo 'example passphrase' > "$HOME_DIR/pw"
# Cheap scrypt for a throwaway example keystore only; real keys use the default n=262144.
export AIF_WALLET_SCRYPT_N="${AIF_WALLET_SCRYPT_N:-1024}"
Y=2026

w() { "$W" --keystore "$KS" --password-file "$HOME_DIR/pw" "$@"; }
say() { printf '\n== %s\n' "$*"; }
die() { echo "FAILED: $*" >&2; exit 1; }
# (grep -q reads here-strings, not pipes: with pipefail an early exit of grep would fail the
# writer with SIGPIPE.)
# field NAME: the first "NAME": value of pretty-printed JSON on stdin (strings unquoted).
field() {
    sed -n -e "s/^[[:space:]]*\"$1\": *\"\(.*\)\",\{0,1\}$/\1/p" \
        -e "s/^[[:space:]]*\"$1\": *\([^\",]*\),\{0,1\}$/\1/p" | head -n1
}
# refused REASON COMMAND…: the wallet must refuse with that ledger reason (exit 3).
refused() {
    local reason=$1 out
    shift
    if out=$(w --json "$@" 2>/dev/null); then die "expected a refusal ($reason): $*"; fi
    grep -q "\"reason\": *\"$reason\"" <<<"$out" || die "expected $reason, got: $out"
    echo "  refused as expected: $(echo "$out" | sed -n 's/^ *"message": *"\(.*\)",\{0,1\}$/\1/p' | head -n1)"
}
# send_nowait COMMAND…: sends without waiting, prints the tx hash.
send_nowait() { w --json "$@" | field hash; }
# tx COMMAND…: sends and waits; quiet unless it fails.
tx() { w --json "$@" --wait >/dev/null; }

# The script plays edition 2026 from its first day: it needs a fresh dev chain.
edition=$(w --json festival edition --edition $Y)
if [ "$(echo "$edition" | field phase)" != submission ] || [ "$(echo "$edition" | field openWindow)" != early_bird ]; then
    die "edition $Y has already moved past its early-bird window on this chain; run the example on a fresh dev chain (e.g. remove data/dev and restart scripts/dev.sh)"
fi

say "keys: dev0 is the festival authority; dev1–dev8 the jury; dev9 and six studios submit"
w key import --name dev0 --mnemonic-file "$HOME_DIR/mnemonic" --index 0 >/dev/null
for i in 1 2 3 4 5 6 7 8 9; do
    w key import --name "dev$i" --mnemonic-file "$HOME_DIR/mnemonic" --index "$i" >/dev/null
done
STUDIOS=(studio-a studio-b studio-c studio-d studio-e studio-f)
for s in "${STUDIOS[@]}"; do
    w key new --name "$s" >/dev/null
    tx transfer --from dev0 --to "$s" --amount 40000 --memo "festival budget"
done
w festival edition --edition $Y

say "jury: eight jurors in the four factions (core committee marked)"
register() { tx jury register --from dev0 --edition $Y --juror "$1" --faction "$2" ${3:+--core}; }
register dev1 art core
register dev2 art
register dev3 technology core
register dev4 technology
register dev5 ethics core
register dev6 ethics
register dev7 community core
register dev8 community
refused unauthorized jury register --from dev9 --edition $Y --juror dev9 --faction art
w jury list --edition $Y

# submit FROM TITLE CATEGORY FORMAT AI [EXTRA…] — prints the film id. The "film file" is a
# stand-in whose sha-256 is the content hash.
submit() {
    local from=$1 title=$2 category=$3 format=$4 ai=$5
    shift 5
    local slug out id fee
    slug=$(printf '%s' "$title" | tr -c 'A-Za-z0-9' '-' | tr 'A-Z' 'a-z')
    printf 'AI-native film: %s\n' "$title" > "$FILMS_DIR/$slug.mp4"
    out=$(w --json film submit --from "$from" --edition $Y --title "$title" --category "$category" \
        --format "$format" --ai "$ai" --tools "diffusion video, voice synthesis, LLM script" \
        --content-file "$FILMS_DIR/$slug.mp4" --uri "ipfs://aif/$Y/$slug" "$@")
    id=$(echo "$out" | field filmId)
    fee=$(echo "$out" | field submissionFee)
    echo "  film $id \"$title\" ($category, $format): $(echo "$out" | field window) window," \
        "fee ${fee%000000000000000000} AIF" >&2
    echo "$id"
}

say "early bird (fee × 0.75)"
F1=$(submit studio-a "Neon Tides" generative_cinema short_film writing=60,direction=65,generation=70,editing=60,sound=55,post=60)
F2=$(submit studio-b "The Last Archive" interactive_narrative interactive_work writing=70,direction=70,generation=75,editing=65,sound=70,post=70)
F3=$(submit studio-c "Emergence" procedural_emergent generative_feature writing=85,direction=80,generation=90,editing=85,sound=80,post=85)
F4=$(submit studio-d "Synthetic Saints" digital_beings short_film writing=70,direction=75,generation=80,editing=70,sound=75,post=80 --student)
echo "  refusals for the disclosure:"
refused invalid_argument film submit --from studio-a --edition $Y --title "Human Touch" \
    --category generative_cinema --format short_film --ai writing=40,direction=45,generation=60,editing=40,sound=50,post=50 \
    --tools "grading only" --content-hash 0x1111111111111111111111111111111111111111111111111111111111111111 --uri ipfs://x
refused invalid_argument film submit --from studio-b --edition $Y --title "Too Much Machine" \
    --category generative_cinema --format short_film --ai writing=80,direction=80,generation=90,editing=80,sound=75,post=80 \
    --tools "everything" --content-hash 0x2222222222222222222222222222222222222222222222222222222222222222 --uri ipfs://y

say "standard window (fee × 1.0)"
w dev advance-time --until 1777584060 >/dev/null
F5=$(submit studio-e "Voices of the Delta" generative_cinema generative_feature writing=65,direction=60,generation=70,editing=65,sound=60,post=60 --creators studio-e,dev4)
F6=$(submit studio-f "Parallel Lives" interactive_narrative interactive_work writing=75,direction=70,generation=80,editing=70,sound=75,post=70)
F7=$(submit studio-c "Rulebook" procedural_emergent short_film writing=80,direction=85,generation=90,editing=80,sound=85,post=80)
F8=$(submit studio-d "Avatar Requiem" digital_beings interactive_work writing=75,direction=80,generation=85,editing=75,sound=80,post=75)
F9=$(submit dev9 "Fractal Choir" procedural_emergent short_film writing=60,direction=70,generation=80,editing=70,sound=90,post=70 --student)
refused invalid_argument film submit --from studio-f --edition $Y --title "Overclocked" \
    --category procedural_emergent --format short_film --ai writing=80,direction=80,generation=80,editing=80,sound=120,post=80 \
    --tools "x" --content-hash 0x3333333333333333333333333333333333333333333333333333333333333333 --uri ipfs://z
refused already_exists film submit --from studio-f --edition $Y --title "Neon Tides (copy)" \
    --category generative_cinema --format short_film --ai writing=60,direction=60,generation=60,editing=60,sound=60,post=60 \
    --tools "x" --content-file "$FILMS_DIR/neon-tides.mp4" --uri ipfs://copy

say "final call (fee × 1.5)"
w dev advance-time --until 1782854460 >/dev/null
F10=$(submit studio-a "Monsoon Memory" generative_cinema short_film writing=55,direction=60,generation=65,editing=55,sound=60,post=55)
F11=$(submit studio-b "World Seed" interactive_narrative generative_feature writing=70,direction=65,generation=80,editing=70,sound=65,post=70)
F12=$(submit studio-f "Ghost Protocol" digital_beings short_film writing=80,direction=75,generation=85,editing=80,sound=75,post=80)
F13=$(submit studio-e "Tidal Engine" procedural_emergent interactive_work writing=75,direction=80,generation=85,editing=80,sound=85,post=80)
FILMS=("$F1" "$F2" "$F3" "$F4" "$F5" "$F6" "$F7" "$F8" "$F9" "$F10" "$F11" "$F12" "$F13")

say "submissions close"
w dev advance-time --until 1783718460 >/dev/null
refused wrong_phase film submit --from studio-a --edition $Y --title "Too Late" --category generative_cinema \
    --format short_film --ai writing=60,direction=60,generation=60,editing=60,sound=60,post=60 --tools x \
    --content-hash 0x4444444444444444444444444444444444444444444444444444444444444444 --uri ipfs://late
w film list --edition $Y

say "R1 (technology and ethics jurors: pass/fail, verified AI %, ethics check)"
tx festival open-round --from dev0 --edition $Y --round 1
refused conflict_of_interest jury r1 --from dev4 --film "$F5" --verdict pass --verified-ai 63 --ethics ok
refused unauthorized jury r1 --from dev1 --film "$F1" --verdict pass --verified-ai 61 --ethics ok
tx jury conflict --from dev6 --film "$F9"
refused conflict_of_interest jury r1 --from dev6 --film "$F9" --verdict pass --verified-ai 70 --ethics ok
for f in "${FILMS[@]}"; do
    case $f in
    "$F4") # both reviewers fail it: the synthetic performers were trained on unconsented likenesses
        tx jury r1 --from dev3 --film "$f" --verdict fail --verified-ai 76 --ethics concern
        tx jury r1 --from dev5 --film "$f" --verdict fail --verified-ai 76 --ethics concern ;;
    "$F12") # split 1–1: not a majority, so it fails
        tx jury r1 --from dev4 --film "$f" --verdict pass --verified-ai 79 --ethics ok
        tx jury r1 --from dev6 --film "$f" --verdict fail --verified-ai 79 --ethics concern ;;
    *)
        ai=$(w --json film get "$f" | field overall | cut -d. -f1)
        tx jury r1 --from dev3 --film "$f" --verdict pass --verified-ai "$ai" --ethics ok
        tx jury r1 --from dev5 --film "$f" --verdict pass --verified-ai "$ai" --ethics ok ;;
    esac
done
refused already_exists jury r1 --from dev3 --film "$F1" --verdict pass --verified-ai 61 --ethics ok
w festival close-round --from dev0 --edition $Y --round 1 --wait
R2_FILMS=($(w film list --edition $Y --status r1_passed | awk '{print $1}'))
echo "  in R2: ${R2_FILMS[*]}"

say "R2 (all factions: four axes 0–10, committed then revealed)"
tx festival open-round --from dev0 --edition $Y --round 2
refused wrong_phase jury r3-vote --from dev1 --award unicorn_gold --film "$F1"
SCORERS=(dev1 dev2 dev7 dev8)
# scores FILM SCORER_INDEX: a deterministic spread of scores.
scores() {
    local a=$(( ($1 * 7 + $2 * 3) % 5 + 5 )) b=$(( ($1 * 3 + $2) % 5 + 5 ))
    local c=$(( ($1 + $2 * 5) % 4 + 6 )) d=$(( ($1 * 5 + $2 * 2) % 5 + 5 ))
    echo "innovation=$a,artistic=$b,commercial=$c,social=$d"
}
declare -A LAST
for f in "${R2_FILMS[@]}"; do
    for j in 0 1 2 3; do
        [ $(( (f + j) % 4 )) -eq 0 ] && continue  # three of the four scorers per film
        LAST[${SCORERS[$j]}]=$(send_nowait jury r2-commit --from "${SCORERS[$j]}" --film "$f" --scores "$(scores "$f" "$j")")
    done
done
for s in "${!LAST[@]}"; do w tx wait "${LAST[$s]}" >/dev/null; done
refused conflict_of_interest jury r2-commit --from dev4 --film "$F5" --scores innovation=9,artistic=9,commercial=9,social=9
refused already_exists jury r2-commit --from dev2 --film "$F1" --scores innovation=1,artistic=1,commercial=1,social=1 \
    --salt 0x0101010101010101010101010101010101010101010101010101010101010101
refused wrong_phase jury r2-reveal --from dev2 --film "$F1"
tx festival open-reveal --from dev0 --edition $Y
refused invalid_argument jury r2-reveal --from dev2 --film "$F1" --scores innovation=10,artistic=10,commercial=10,social=10 \
    --salt 0x0101010101010101010101010101010101010101010101010101010101010101
for f in "${R2_FILMS[@]}"; do
    for j in 0 1 2 3; do
        [ $(( (f + j) % 4 )) -eq 0 ] && continue
        LAST[${SCORERS[$j]}]=$(send_nowait jury r2-reveal --from "${SCORERS[$j]}" --film "$f")
    done
done
for s in "${!LAST[@]}"; do w tx wait "${LAST[$s]}" >/dev/null; done
w festival close-round --from dev0 --edition $Y --round 2 --wait
FINALISTS=($(w film list --edition $Y --status finalist | awk '{print $1}'))
echo "  finalists (R2 shortlist): ${FINALISTS[*]}"
w film list --edition $Y

# --- DAO ballot (filled in by the DAO module) ---
# The DAO-voted award (kind "dao") takes the winner of the DAO's award ballot over the R2
# shortlist above (SPEC §5, §7; docs/dao.md): holders delegate, one proposes the ballot, holders
# vote (one changes its vote), the vote ends, and finalisation below reads the result.
say "DAO ballot for the DAO-voted award (choices: the R2 shortlist)"
for h in dev0 dev9 studio-a; do tx dao delegate --from "$h" --to "$h"; done
BALLOT=$(w --json dao propose --from dev9 --kind ballot --edition $Y --award dao_voted \
    --title "DAO-voted award $Y" | field proposalId)
refused already_exists dao propose --from dev0 --kind ballot --edition $Y --award dao_voted
refused invalid_argument dao vote --from dev0 --proposal "$BALLOT" --choice for
tx dao vote --from dev0 --proposal "$BALLOT" --choice "${FINALISTS[1]}"
tx dao vote --from dev0 --proposal "$BALLOT" --choice "${FINALISTS[0]}"   # changed: the last counts
tx dao vote --from dev9 --proposal "$BALLOT" --choice "${FINALISTS[1]}"
tx dao vote --from studio-a --proposal "$BALLOT" --choice "${FINALISTS[0]}"
w dao show "$BALLOT"
w dev advance-time "$(w --json dao params | field votingPeriod)" >/dev/null
w dev mine >/dev/null
DAO_WINNER=$(w --json dao show "$BALLOT" | field winner)
[ "$DAO_WINNER" = "${FINALISTS[1]}" ] || die "ballot winner $DAO_WINNER, expected ${FINALISTS[1]}"
echo "  ballot $BALLOT decided: film $DAO_WINNER (dev9's power outweighs dev0 + studio-a)"
refused wrong_phase dao vote --from studio-a --proposal "$BALLOT" --choice "${FINALISTS[1]}"
# Decided before finalisation, so finalisation itself mints the DAO-voted trophy; the
# settle-dao-award path below is for a ballot that ends after finalisation.
DAO_BALLOT_DECIDED=0
# --- end of DAO ballot ---

say "R3 (core committee: one vote per award among the finalists)"
tx festival open-round --from dev0 --edition $Y --round 3
refused unauthorized jury r3-vote --from dev2 --award unicorn_gold --film "${FINALISTS[0]}"
refused invalid_argument jury r3-vote --from dev1 --award dao_voted --film "${FINALISTS[0]}"
JURY_AWARDS=($(w --json award list --edition $Y | awk -F'"' '/"awardId"/ {id=$4} /"kind"/ {if ($4 == "jury") print id}'))
CORE=(dev1 dev3 dev5 dev7)
declare -A CAT_OF STUDENT_OF
for f in "${FINALISTS[@]}"; do
    info=$(w --json film get "$f")
    CAT_OF[$f]=$(echo "$info" | field category)
    STUDENT_OF[$f]=$(echo "$info" | field student)
done
# eligible AWARD: the finalists that fit an award's name (its category, or student films);
# every finalist for the other awards. An award nobody fits gets no vote and stays vacant.
eligible() {
    local want="" f
    case $1 in
    best_generative_cinema) want=generative_cinema ;;
    best_interactive_narrative) want=interactive_narrative ;;
    best_procedural_emergent) want=procedural_emergent ;;
    best_digital_being | best_synthetic_performer) want=digital_beings ;;
    esac
    for f in "${FINALISTS[@]}"; do
        if [ "$1" = best_student_film ]; then [ "${STUDENT_OF[$f]}" = true ] && echo "$f"; continue; fi
        [ -z "$want" ] || [ "${CAT_OF[$f]}" = "$want" ] && echo "$f"
    done
    return 0
}
k=0
for award in "${JURY_AWARDS[@]}"; do
    choices=($(eligible "$award"))
    n=${#choices[@]}
    k=$((k + 1))
    [ "$n" -eq 0 ] && { echo "  $award: no eligible finalist, no votes"; continue; }
    for j in 0 1 2 3; do
        # Deterministic opinions: the committee mostly agrees, one juror often dissents.
        pick=$(( j < 3 ? k % n : (k + 1) % n ))
        LAST[${CORE[$j]}]=$(send_nowait jury r3-vote --from "${CORE[$j]}" --award "$award" --film "${choices[$pick]}")
    done
done
for s in "${CORE[@]}"; do w tx wait "${LAST[$s]}" >/dev/null; done
refused already_exists jury r3-vote --from dev1 --award unicorn_gold --film "${FINALISTS[0]}"
refused unauthorized festival finalize --from dev1 --edition $Y
tx festival close-round --from dev0 --edition $Y --round 3

say "finalisation: every award decided, one trophy NFT each to the film's submitter"
w festival finalize --from dev0 --edition $Y --wait
refused wrong_phase festival finalize --from dev0 --edition $Y
if [ "$DAO_BALLOT_DECIDED" = 1 ]; then
    w festival settle-dao-award --from dev0 --edition $Y --award dao_voted --wait || true
fi

say "winners"
w award list --edition $Y
checked=0
while read -r award film token; do
    nft=$(w --json nft get "$token")
    owner=$(echo "$nft" | field owner)
    submitter=$(w --json film get "$film" | field submitter)
    [ "$owner" = "$submitter" ] || die "trophy $token of $award: owner $owner, submitter $submitter"
    owned=$(w --json nft list "$owner")
    grep -qE "^ *$token,?$" <<<"$owned" || die "trophy $token not listed under $owner"
    meta=$(w nft metadata "$token")
    for key in name description image attributes; do
        grep -q "\"$key\"" <<<"$meta" || die "trophy $token metadata lacks $key"
    done
    echo "  $award → film $film \"$(echo "$meta" | sed -n 's/^  "name": "\(.*\)",\{0,1\}$/\1/p')\": trophy #$token, owner $owner"
    checked=$((checked + 1))
done < <(w --json award list --edition $Y | awk -F'[:,]' '
    /"awardId"/ {gsub(/[ "]/, "", $2); id=$2}
    /"filmId"/  {gsub(/ /, "", $2); film=$2}
    /"tokenId"/ {gsub(/ /, "", $2); if ($2 != "null") print id, film, $2}')
[ "$checked" -gt 0 ] || die "no decided award"
dao_status=$(w --json award list --edition $Y | awk -F'"' '/"awardId"/ {id=$4} /"status"/ {if (id == "dao_voted") print $4}')
if [ "$dao_status" = "pending" ]; then
    echo "  dao_voted → pending: the DAO ballot has not decided it yet (see the DAO ballot section)"
fi
echo "  $checked trophies checked: owned by the film's submitter, listed under the owner, ERC-721 metadata"

say "a trophy changes hands; the chain keeps its provenance"
first=$(w --json nft list --edition $Y | sed -n 's/^ *\([0-9][0-9]*\),\{0,1\}$/\1/p' | head -n1)
holder=$(w --json nft get "$first" | field owner)
holder_name=$(w --json key list | awk -v a="$holder" -F'"' '/"address"/ {addr=$4} /"name"/ {name=$4} addr != "" && name != "" {if (addr == a) print name; addr=""; name=""}' | head -n1)
[ -n "$holder_name" ] || die "no key for trophy owner $holder"
w key new --name collector >/dev/null
refused unauthorized nft transfer --from dev8 --token "$first" --to collector
tx nft transfer --from "$holder_name" --token "$first" --to collector
w nft get "$first"
echo "festival-2026 ok"
