// SPDX-License-Identifier: MIT
// Copyright (c) aifchain developers
#pragma once

#include "ledger/genesis.hpp"
#include "ledger/result.hpp"
#include "ledger/state.hpp"
#include "ledger/types.hpp"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

/// Records of the festival module and the pure queries over them (SPEC §3, §5, §6). The RPC
/// layer shapes these into JSON; nothing here knows JSON (STYLE §1). Encodings are canonical
/// (ledger::Writer), see docs/festival.md "State layout".
namespace aif::contracts::festival {

/// An edition's stage. Transitions are driven by the authority (SPEC §5): submission →
/// r1_open → r1_closed → r2_commit → r2_reveal → r2_closed → r3_open → r3_closed → finalised.
enum class Phase : std::uint8_t {
    submission = 0,
    r1_open = 1,
    r1_closed = 2,
    r2_commit = 3,
    r2_reveal = 4,
    r2_closed = 5,
    r3_open = 6,
    r3_closed = 7,
    finalised = 8,
};
[[nodiscard]] std::string_view to_string(Phase p) noexcept;

/// SPEC §5: the four jury factions.
enum class Faction : std::uint8_t { art = 0, technology = 1, ethics = 2, community = 3 };
[[nodiscard]] std::string_view to_string(Faction f) noexcept;
/// "art", "technology", "ethics", "community"; nullopt otherwise.
[[nodiscard]] std::optional<Faction> faction_from(std::string_view name) noexcept;

/// Where a film stands. submitted → (R1 close) r1_passed | r1_failed → (R2 close) finalist |
/// r2_eliminated → (finalisation) awarded for a finalist that won at least one award.
enum class FilmStatus : std::uint8_t {
    submitted = 0,
    r1_passed = 1,
    r1_failed = 2,
    finalist = 3,
    r2_eliminated = 4,
    awarded = 5,
};
[[nodiscard]] std::string_view to_string(FilmStatus s) noexcept;
[[nodiscard]] std::optional<FilmStatus> film_status_from(std::string_view name) noexcept;

/// The six creative dimensions of the AI disclosure (SPEC §5), in this order.
inline constexpr std::array<std::string_view, 6> DIMENSIONS = {"writing", "direction", "generation",
                                                               "editing", "sound",     "post"};
/// The four R2 axes (SPEC §5), in this order; each scored 0..10.
inline constexpr std::array<std::string_view, 4> AXES = {
    "technologicalInnovation", "artisticAchievement", "commercialValue", "socialImpact"};
inline constexpr std::uint8_t MAX_AXIS_SCORE = 10;

/// SPEC §5 R1: a film passes with at least this many reviews, a strict majority passing.
inline constexpr std::uint32_t R1_MIN_REVIEWS = 2;
/// SPEC §5 R2: at least this many jurors score each film.
inline constexpr std::uint32_t R2_MIN_SCORES = 3;
/// Bounded collections (limit_exceeded beyond them).
inline constexpr std::uint64_t MAX_FILMS_PER_EDITION = 100'000;
inline constexpr std::uint32_t MAX_JURORS_PER_EDITION = 1'000;

/// A submission, as recorded (immutable once written).
struct Film
{
    std::uint64_t id{0};
    std::uint32_t edition{0};
    ledger::Address submitter;
    std::string title;
    std::string category;
    std::string format;
    bool student{false};
    /// The creators as declared (the submitter alone when none were given).
    std::vector<ledger::Address> creators;
    /// AI participation per DIMENSIONS entry, 0..100.
    std::array<std::uint8_t, 6> ai{};
    /// The weighted mean, in hundredths of a percent (floor): 6050 = 60.50 %.
    std::uint32_t ai_overall_bps{0};
    std::string tools;
    ledger::Hash32 content_hash;
    std::string uri;
    std::uint64_t submitted_at{0};
    std::uint64_t height{0};
    /// The fee: window name and multiplier, USD cents after the multiplier, AIF base units paid.
    std::string window;
    std::uint32_t multiplier_bps{0};
    std::uint64_t fee_usd_cents{0};
    ledger::u128 fee_paid{0};

    /// True when `a` is the submitter or a declared creator.
    [[nodiscard]] bool is_creator(const ledger::Address& a) const;
};

/// A film's running counters (rewritten as the jury works).
struct FilmTally
{
    FilmStatus status{FilmStatus::submitted};
    std::uint32_t r1_reviews{0};
    std::uint32_t r1_passes{0};
    std::uint32_t r2_commits{0};
    std::uint32_t r2_reveals{0};
    /// Sum over reveals of the four axis scores (a reveal adds 0..40).
    std::uint64_t r2_total{0};
    /// Sum over reveals per AXES entry.
    std::array<std::uint64_t, 4> r2_axis{};
    /// 1-based position in the R2 ranking; 0 when not ranked.
    std::uint32_t r2_rank{0};
    std::uint32_t r3_votes{0};
};

struct Juror
{
    ledger::Address address;
    std::uint32_t edition{0};
    Faction faction{Faction::art};
    bool core{false};
    std::uint64_t registered_height{0};
    std::uint32_t r1_reviews{0};
    std::uint32_t r2_commits{0};
    std::uint32_t r2_reveals{0};
    std::uint32_t r3_votes{0};
    std::uint32_t conflicts{0};
};

struct R1ReviewRecord
{
    ledger::Address juror;
    bool pass{false};
    std::uint8_t verified_ai{0};
    bool ethics_ok{false};
    std::uint64_t height{0};
};

struct R2Entry
{
    ledger::Address juror;
    ledger::Hash32 commitment;
    std::uint64_t committed_height{0};
    bool revealed{false};
    std::array<std::uint8_t, 4> scores{};
    std::uint64_t revealed_height{0};
};

/// An award of the catalogue with its result.
enum class AwardStatus : std::uint8_t { open = 0, decided = 1, pending = 2, vacant = 3 };
[[nodiscard]] std::string_view to_string(AwardStatus s) noexcept;

struct AwardResult
{
    AwardStatus status{AwardStatus::open};
    std::uint64_t film_id{0};
    std::uint64_t token_id{0};
    std::uint32_t votes{0};
};

struct AwardEntry
{
    ledger::AwardDef def;
    std::uint16_t index{0};
    AwardResult result;
};

/// SPEC §6: a trophy's immutable metadata.
struct Trophy
{
    std::uint64_t token_id{0};
    std::uint32_t edition{0};
    std::string award_id;
    std::string award_name;
    std::uint32_t tier{0};
    std::uint64_t film_id{0};
    std::string film_title;
    std::vector<ledger::Address> creators;
    ledger::Hash32 content_hash;
    std::string film_uri;
    std::string category;
    /// R2 mean = r2_total / (4 · r2_count) on the 0..10 scale.
    std::uint64_t r2_total{0};
    std::uint32_t r2_count{0};
    std::uint64_t minted_height{0};
    std::uint64_t minted_at{0};
};

struct ProvenanceEntry
{
    /// The zero address for the mint.
    ledger::Address from;
    ledger::Address to;
    std::uint64_t height{0};
    std::uint64_t timestamp{0};
};

struct TrophyOwner
{
    ledger::Address owner;
    std::uint32_t entries{0};
};

// ---- codecs (canonical; decode errors are internal: state is never user input) -----------
[[nodiscard]] std::string encode_film(const Film& f);
[[nodiscard]] ledger::Result<Film> decode_film(std::string_view raw) noexcept;
[[nodiscard]] std::string encode_tally(const FilmTally& t);
[[nodiscard]] ledger::Result<FilmTally> decode_tally(std::string_view raw) noexcept;
[[nodiscard]] std::string encode_juror(const Juror& j);
[[nodiscard]] ledger::Result<Juror> decode_juror(std::string_view raw) noexcept;
[[nodiscard]] std::string encode_r1(const R1ReviewRecord& r);
[[nodiscard]] ledger::Result<R1ReviewRecord> decode_r1(std::string_view raw) noexcept;
[[nodiscard]] std::string encode_r2(const R2Entry& e);
[[nodiscard]] ledger::Result<R2Entry> decode_r2(std::string_view raw) noexcept;
[[nodiscard]] std::string encode_award_result(const AwardResult& r);
[[nodiscard]] ledger::Result<AwardResult> decode_award_result(std::string_view raw) noexcept;
[[nodiscard]] std::string encode_trophy(const Trophy& t);
[[nodiscard]] ledger::Result<Trophy> decode_trophy(std::string_view raw) noexcept;
[[nodiscard]] std::string encode_provenance(const ProvenanceEntry& p);
[[nodiscard]] ledger::Result<ProvenanceEntry> decode_provenance(std::string_view raw) noexcept;
[[nodiscard]] std::string encode_owner(const TrophyOwner& o);
[[nodiscard]] ledger::Result<TrophyOwner> decode_owner(std::string_view raw) noexcept;

// ---- queries (pure reads; nullopt / empty when absent) -------------------------------------

/// The edition's genesis parameters, or nullopt when there is no such edition.
[[nodiscard]] std::optional<ledger::Edition> load_edition(const ledger::StateView& s,
                                                          std::uint32_t year);
/// Every edition year in state, ascending.
[[nodiscard]] std::vector<std::uint32_t> edition_years(const ledger::StateView& s);
/// The edition's phase (submission when never advanced).
[[nodiscard]] Phase phase_of(const ledger::StateView& s, std::uint32_t year);
/// Number of films submitted to / jurors registered in the edition.
struct EditionStats
{
    std::uint64_t films{0};
    std::uint32_t jurors{0};
};
[[nodiscard]] EditionStats edition_stats(const ledger::StateView& s, std::uint32_t year);
/// The submission window that contains `time` (index into edition.windows), or nullopt.
[[nodiscard]] std::optional<std::size_t> window_at(const ledger::Edition& e, std::uint64_t time);

[[nodiscard]] std::optional<Film> load_film(const ledger::StateView& s, std::uint64_t id);
[[nodiscard]] std::optional<FilmTally> load_tally(const ledger::StateView& s, std::uint64_t id);
/// The film that was submitted with `content_hash`, if any.
[[nodiscard]] std::optional<std::uint64_t> film_by_hash(const ledger::StateView& s,
                                                        const ledger::Hash32& content_hash);
/// The ids of the edition's films, ascending.
[[nodiscard]] std::vector<std::uint64_t> films_of_edition(const ledger::StateView& s,
                                                          std::uint32_t year);
/// Number of films ever submitted (the last id).
[[nodiscard]] std::uint64_t film_count(const ledger::StateView& s);

[[nodiscard]] std::optional<Juror> load_juror(const ledger::StateView& s, std::uint32_t year,
                                              const ledger::Address& who);
/// The edition's jurors, ascending by address.
[[nodiscard]] std::vector<Juror> jurors_of_edition(const ledger::StateView& s, std::uint32_t year);
/// True when `juror` declared a conflict with the film.
[[nodiscard]] bool has_conflict(const ledger::StateView& s, std::uint64_t film,
                                const ledger::Address& juror);

/// The film's R1 reviews / R2 entries, ascending by juror address.
[[nodiscard]] std::vector<R1ReviewRecord> r1_reviews_of(const ledger::StateView& s,
                                                        std::uint64_t film);
[[nodiscard]] std::vector<R2Entry> r2_entries_of(const ledger::StateView& s, std::uint64_t film);

/// R3 votes the film received, per award index of its edition (only awards with votes).
[[nodiscard]] std::vector<std::pair<std::uint16_t, std::uint32_t>> r3_votes_of(
    const ledger::StateView& s, const ledger::Edition& e, std::uint64_t film);
/// The film a juror voted for in an award, if any.
[[nodiscard]] std::optional<std::uint64_t> r3_vote_of(const ledger::StateView& s,
                                                      std::uint32_t year, std::uint16_t award,
                                                      const ledger::Address& juror);

/// The catalogue of the edition with each award's result (status open before finalisation).
[[nodiscard]] std::vector<AwardEntry> awards_of(const ledger::StateView& s,
                                                const ledger::Edition& e);
/// The index of `award_id` in the catalogue, or nullopt.
[[nodiscard]] std::optional<std::uint16_t> award_index(const ledger::Edition& e,
                                                       std::string_view award_id);

[[nodiscard]] std::optional<Trophy> load_trophy(const ledger::StateView& s, std::uint64_t token);
[[nodiscard]] std::optional<TrophyOwner> trophy_owner(const ledger::StateView& s,
                                                      std::uint64_t token);
/// Every transfer of the token, mint first.
[[nodiscard]] std::vector<ProvenanceEntry> provenance_of(const ledger::StateView& s,
                                                         std::uint64_t token);
/// The trophies `owner` holds, ascending token id.
[[nodiscard]] std::vector<std::uint64_t> trophies_of(const ledger::StateView& s,
                                                     const ledger::Address& owner);
/// The trophies minted for an edition, ascending token id.
[[nodiscard]] std::vector<std::uint64_t> trophies_of_edition(const ledger::StateView& s,
                                                             std::uint32_t year);
/// Number of trophies ever minted (the last id).
[[nodiscard]] std::uint64_t trophy_count(const ledger::StateView& s);

/// SPEC §5 R2 commitment: keccak256(be64(filmId) ‖ juror (20 bytes) ‖ four u8 scores in AXES
/// order ‖ salt (32 bytes)) — Solidity's abi.encodePacked(uint64, address, uint8, uint8, uint8,
/// uint8, bytes32). Binding film and juror stops one juror replaying another's commitment.
[[nodiscard]] ledger::Hash32 r2_commitment(std::uint64_t film, const ledger::Address& juror,
                                           const std::array<std::uint8_t, 4>& scores,
                                           const ledger::Hash32& salt);

/// "12.34": num / den with two decimals, rounded down (den > 0). For percentages and means.
[[nodiscard]] std::string format_hundredths(std::uint64_t num, std::uint64_t den);
/// UTC "YYYY-MM-DDTHH:MM:SSZ" of a Unix time (pure arithmetic, no locale; for messages).
[[nodiscard]] std::string format_utc(std::uint64_t unix_seconds);

}  // namespace aif::contracts::festival
