// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace patchwise::model {

// An analyst's decision on a finding (issue: triage decisions). The states that say "do not
// fix this now" — accepted risk (until it expires), false positive, not affected, fixed —
// take the finding out of the ranking and the plan; it stays listed for filters.
enum class TriageState : std::uint8_t
{
    New,
    InTriage,
    Exploitable,
    RiskAccepted,
    FalsePositive,
    NotAffected,
    Fixed,
};
inline constexpr int TriageStateCount = int(TriageState::Fixed) + 1;

// "new", "in-triage", "exploitable", "risk-accepted", "false-positive", "not-affected",
// "fixed" (the CLI's spelling).
std::string_view triageStateName(TriageState state);
std::optional<TriageState> triageStateFromName(std::string_view name);
bool leavesRanking(TriageState state);

// A justification of "not affected": CycloneDX analysis.justification values
// (code_not_reachable, requires_configuration, …) and OpenVEX ones
// (vulnerable_code_not_in_execute_path, component_not_present, …).
bool isVexJustification(std::string_view justification);
// The OpenVEX justification closest to a CycloneDX one (OpenVEX values map to themselves,
// anything else to "").
std::string_view openVexJustification(std::string_view justification);

// Where a decision applies: one image (its digest), every tag and digest of the image's
// repository, or every image in the fleet (always for one vulnerability in one package).
enum class DecisionScope : std::uint8_t
{
    Digest,
    Repository,
    Fleet,
};
std::string_view decisionScopeName(DecisionScope scope); // "digest", "repository", "fleet"
std::optional<DecisionScope> decisionScopeFromName(std::string_view name);

} // namespace patchwise::model
