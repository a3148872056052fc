// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cvssvector.h"

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace patchwise::cvss {

// Scores are kept in tenths (an integer 0..100) so that no binary fraction ever reaches a
// comparison, a sort or a printed number. score / 10.0 is the familiar 0.0–10.0 figure.
using Tenths = std::int16_t;
inline constexpr Tenths NoScore = -1;

enum class Severity : std::uint8_t
{
    None,
    Low,
    Medium,
    High,
    Critical,
};

// "NONE", "LOW", "MEDIUM", "HIGH", "CRITICAL".
std::string_view severityName(Severity severity);

// Qualitative rating of a score. v3.x/v4.0 use the FIRST scale (NONE 0.0, LOW 0.1–3.9,
// MEDIUM 4.0–6.9, HIGH 7.0–8.9, CRITICAL 9.0–10.0); v2.0, which defines no rating, uses
// NVD's (LOW 0.0–3.9, MEDIUM 4.0–6.9, HIGH 7.0–10.0).
Severity severityOf(Version version, Tenths score);

// v4.0 nomenclature: which metric groups the score used.
enum class Nomenclature : std::uint8_t
{
    B,
    BT,
    BE,
    BTE,
};
std::string_view nomenclatureName(Nomenclature nomenclature); // "CVSS-B" …

struct Scores
{
    Version version = Version::V3_1;
    // v2.0/v3.x: the base, temporal and environmental scores of the specification.
    // v4.0: base = CVSS-B (base metrics only), temporal = CVSS-BT (base and threat),
    // environmental = the score of the whole vector (see nomenclature).
    // NoScore for a v2.0 group with no metric other than ND.
    Tenths base = 0;
    Tenths temporal = 0;
    Tenths environmental = 0;
    // v4.0 only.
    Nomenclature nomenclature = Nomenclature::B;
    std::array<std::uint8_t, 6> macroVector{}; // EQ1..EQ6

    // The most specific score the vector defines: v4.0's one score; for v2.0/v3.x the
    // environmental score when an environmental metric is set, else the temporal score
    // when a temporal metric is set, else the base score.
    Tenths overall = 0;
};

// Scores a vector exactly as the FIRST specifications define it, rounding included (exact
// decimal arithmetic; see docs in shared/docs/cvss.md). Thread-safe; the first call builds
// small lookup tables (well under a millisecond of work per version).
Scores score(const Vector &vector);

// Only the environmental score (v4.0: the score of the whole vector), the what-if hot
// path: a few table look-ups for v3.x.
Tenths environmentalScore(const Vector &vector);

// "CVSS:4.0 MacroVector" as the 6-digit string "001210".
std::string macroVectorString(const Scores &scores);

namespace detail {
// Rounding decisions the v3.x table builder could not make with a margin of at least
// 1e-20 against exact arithmetic (expected: none). Exposed for tests.
int v3AmbiguousRoundings();
} // namespace detail

} // namespace patchwise::cvss
