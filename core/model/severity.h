// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <string_view>

namespace patchwise::model {

// Normalised severity (formats.md §14.1). Negligible is kept apart from Low: analysts
// filter on it. Ordered from least to most severe.
enum class Severity : std::uint8_t
{
    Unknown,
    Negligible,
    Low,
    Medium,
    High,
    Critical,
};

// "unknown", "negligible", "low", "medium", "high", "critical".
std::string_view severityKey(Severity severity);

// Column of a severity in reports, matrices and summaries, which run critical (0), high,
// medium, low (negligible included), unknown (4).
constexpr int reportColumn(Severity severity)
{
    switch (severity) {
    case Severity::Critical:
        return 0;
    case Severity::High:
        return 1;
    case Severity::Medium:
        return 2;
    case Severity::Low:
    case Severity::Negligible:
        return 3;
    case Severity::Unknown:
        return 4;
    }
    return 4;
}

// Maps any scanner or vendor word to the normalised scale, case-insensitively:
// Trivy CRITICAL…UNKNOWN, Grype Negligible, CycloneDX info/none, Red Hat Important/Moderate,
// Debian unimportant, Ubuntu negligible, "not yet assigned"… Unrecognised words → Unknown.
Severity severityFromWord(std::string_view word);

// Trivy VendorSeverity integers: 0 unknown, 1 low, 2 medium, 3 high, 4 critical.
Severity severityFromTrivyLevel(std::int64_t level);

// Normalised fix state (formats.md §14.2).
enum class FixState : std::uint8_t
{
    Unknown,
    FixAvailable,
    NoFixYet,
    WontFix,
    Deferred,
    UnderInvestigation,
    NotAffected,
};

// "unknown", "fixed", "not-fixed", "wont-fix", "deferred", "under-investigation", "not-affected".
std::string_view fixStateKey(FixState state);
FixState fixStateFromKey(std::string_view key);

// Trivy Status (fixed, affected, will_not_fix, fix_deferred, end_of_life,
// under_investigation, not_affected, unknown); `hasFixedVersion` decides when absent.
FixState fixStateFromTrivy(std::string_view status, bool hasFixedVersion);
// Grype fix.state (fixed, not-fixed, wont-fix, unknown, ""); `hasFixedVersion` when absent.
FixState fixStateFromGrype(std::string_view state, bool hasFixedVersion);

} // namespace patchwise::model
