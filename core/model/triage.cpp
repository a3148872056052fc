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
