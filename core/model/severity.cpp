// SPDX-License-Identifier: GPL-3.0-or-later
#include "severity.h"

#include <algorithm>
#include <array>
#include <string>

namespace patchwise::model {

namespace {

std::string lower(std::string_view s)
{
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(), [](char c) {
        return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c;
    });
    while (!out.empty() && (out.back() == ' ' || out.back() == '\t'))
        out.pop_back();
    while (!out.empty() && (out.front() == ' ' || out.front() == '\t'))
        out.erase(out.begin());
    return out;
}

} // namespace

std::string_view severityKey(Severity severity)
{
    static constexpr std::array<std::string_view, 6> keys = {
        "unknown", "negligible", "low", "medium", "high", "critical"};
    return keys[static_cast<int>(severity)];
}

Severity severityFromWord(std::string_view word)
{
    const std::string w = lower(word);
    if (w == "critical")
        return Severity::Critical;
    if (w == "high" || w == "important")
        return Severity::High;
    if (w == "medium" || w == "moderate")
        return Severity::Medium;
    if (w == "low" || w == "info" || w == "informational")
        return Severity::Low;
    if (w == "negligible" || w == "unimportant" || w == "none")
        return Severity::Negligible;
    return Severity::Unknown;
}

Severity severityFromTrivyLevel(std::int64_t level)
{
    switch (level) {
    case 1:
        return Severity::Low;
    case 2:
        return Severity::Medium;
    case 3:
        return Severity::High;
    case 4:
        return Severity::Critical;
    default:
        return Severity::Unknown;
    }
}

std::string_view fixStateKey(FixState state)
{
    static constexpr std::array<std::string_view, 7> keys = {"unknown",
                                                             "fixed",
                                                             "not-fixed",
                                                             "wont-fix",
                                                             "deferred",
                                                             "under-investigation",
                                                             "not-affected"};
    return keys[static_cast<int>(state)];
}

FixState fixStateFromKey(std::string_view key)
{
    for (int i = 0; i < 7; ++i) {
        if (fixStateKey(FixState(i)) == key)
            return FixState(i);
    }
    return FixState::Unknown;
}

FixState fixStateFromTrivy(std::string_view status, bool hasFixedVersion)
{
    const std::string s = lower(status);
    if (s == "fixed")
        return FixState::FixAvailable;
    if (s == "affected")
        return hasFixedVersion ? FixState::FixAvailable : FixState::NoFixYet;
    if (s == "will_not_fix" || s == "end_of_life")
        return FixState::WontFix;
    if (s == "fix_deferred")
        return FixState::Deferred;
    if (s == "under_investigation")
        return FixState::UnderInvestigation;
    if (s == "not_affected")
        return FixState::NotAffected;
    if (s.empty() || s == "unknown")
        return hasFixedVersion ? FixState::FixAvailable : FixState::Unknown;
    return FixState::Unknown;
}

FixState fixStateFromGrype(std::string_view state, bool hasFixedVersion)
{
    const std::string s = lower(state);
    if (s == "fixed")
        return FixState::FixAvailable;
    if (s == "not-fixed")
        return FixState::NoFixYet;
    if (s == "wont-fix")
        return FixState::WontFix;
    if (s.empty() || s == "unknown")
        return hasFixedVersion ? FixState::FixAvailable : FixState::Unknown;
    return FixState::Unknown;
}

} // namespace patchwise::model
