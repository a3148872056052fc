// SPDX-License-Identifier: GPL-3.0-or-later
#include "triage.h"

#include <array>

namespace patchwise::model {

namespace {

constexpr std::array<std::string_view, TriageStateCount> kStateNames{
    "new", "in-triage", "exploitable", "risk-accepted", "false-positive", "not-affected", "fixed"};
constexpr std::array<std::string_view, 3> kScopeNames{"digest", "repository", "fleet"};

} // namespace

std::string_view triageStateName(TriageState state)
{
    return kStateNames[std::size_t(state)];
}

std::optional<TriageState> triageStateFromName(std::string_view name)
{
    for (std::size_t i = 0; i < kStateNames.size(); ++i)
        if (kStateNames[i] == name)
            return TriageState(i);
    return std::nullopt;
}

bool leavesRanking(TriageState state)
{
    switch (state) {
    case TriageState::RiskAccepted:
    case TriageState::FalsePositive:
    case TriageState::NotAffected:
    case TriageState::Fixed:
        return true;
    case TriageState::New:
    case TriageState::InTriage:
    case TriageState::Exploitable:
        break;
    }
    return false;
}

namespace {

struct JustificationPair
{
    std::string_view cycloneDx;
    std::string_view openVex;
};
// CISA's "Minimum Requirements for VEX" pairs the two vocabularies like this.
constexpr JustificationPair kJustifications[] = {
    {"code_not_present", "vulnerable_code_not_present"},
    {"code_not_reachable", "vulnerable_code_not_in_execute_path"},
    {"requires_configuration", "vulnerable_code_cannot_be_controlled_by_adversary"},
    {"requires_dependency", "component_not_present"},
    {"requires_environment", "vulnerable_code_cannot_be_controlled_by_adversary"},
    {"protected_by_compiler", "inline_mitigations_already_exist"},
    {"protected_at_runtime", "inline_mitigations_already_exist"},
    {"protected_at_perimeter", "inline_mitigations_already_exist"},
    {"protected_by_mitigating_control", "inline_mitigations_already_exist"},
};
constexpr std::string_view kOpenVexJustifications[] = {
    "component_not_present",
    "vulnerable_code_not_present",
    "vulnerable_code_not_in_execute_path",
    "vulnerable_code_cannot_be_controlled_by_adversary",
    "inline_mitigations_already_exist",
};

} // namespace

bool isVexJustification(std::string_view justification)
{
    return !openVexJustification(justification).empty();
}

std::string_view openVexJustification(std::string_view justification)
{
    for (std::string_view v : kOpenVexJustifications)
        if (v == justification)
            return v;
    for (const JustificationPair &p : kJustifications)
        if (p.cycloneDx == justification)
            return p.openVex;
    return {};
}

std::string_view decisionScopeName(DecisionScope scope)
{
    return kScopeNames[std::size_t(scope)];
}

std::optional<DecisionScope> decisionScopeFromName(std::string_view name)
{
    for (std::size_t i = 0; i < kScopeNames.size(); ++i)
        if (kScopeNames[i] == name)
            return DecisionScope(i);
    return std::nullopt;
}

} // namespace patchwise::model
