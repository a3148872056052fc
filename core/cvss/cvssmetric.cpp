// SPDX-License-Identifier: GPL-3.0-or-later
#include "cvssmetric.h"

namespace patchwise::cvss {

namespace {

using enum Value;

constexpr std::array<std::string_view, MetricCount> kMetricNames = {
    "Au",  "CDP", "TD",  "AV",  "AC",  "PR",  "UI",  "S",   "C",   "I",   "A",
    "E",   "RL",  "RC",  "CR",  "IR",  "AR",  "MAV", "MAC", "MPR", "MUI", "MS",
    "MC",  "MI",  "MA",  "AT",  "VC",  "VI",  "VA",  "SC",  "SI",  "SA",  "MAT",
    "MVC", "MVI", "MVA", "MSC", "MSI", "MSA", "AU",  "R",   "V",   "RE",  "U",
};

constexpr std::array<std::string_view, ValueCount> kValueNames = {
    "",   "X",  "ND", "N",  "A",  "L",     "P",     "H",     "M",   "S",   "C",
    "U",  "R",  "F",  "O",  "T",  "W",     "Y",     "D",     "I",   "POC", "OF",
    "TF", "UR", "UC", "LM", "MH", "Clear", "Green", "Amber", "Red",
};

// --- v2.0 ----------------------------------------------------------------------------
constexpr Value v2AV[] = {L, A, N};
constexpr Value v2AC[] = {H, M, L};
constexpr Value v2Au[] = {M, S, N};
constexpr Value v2Impact[] = {N, P, C};
constexpr Value v2E[] = {U, POC, F, H, ND};
constexpr Value v2RL[] = {OF, TF, W, U, ND};
constexpr Value v2RC[] = {UC, UR, C, ND};
constexpr Value v2CDP[] = {N, L, LM, MH, H, ND};
constexpr Value v2TD[] = {N, L, M, H, ND};
constexpr Value v2Req[] = {L, M, H, ND};

constexpr MetricDef kV2[] = {
    {Metric::AV, Group::Base, true, v2AV},
    {Metric::AC, Group::Base, true, v2AC},
    {Metric::Au, Group::Base, true, v2Au},
    {Metric::C, Group::Base, true, v2Impact},
    {Metric::I, Group::Base, true, v2Impact},
    {Metric::A, Group::Base, true, v2Impact},
    {Metric::E, Group::Temporal, false, v2E},
    {Metric::RL, Group::Temporal, false, v2RL},
    {Metric::RC, Group::Temporal, false, v2RC},
    {Metric::CDP, Group::Environmental, false, v2CDP},
    {Metric::TD, Group::Environmental, false, v2TD},
    {Metric::CR, Group::Environmental, false, v2Req},
    {Metric::IR, Group::Environmental, false, v2Req},
    {Metric::AR, Group::Environmental, false, v2Req},
};

// --- v3.0 / v3.1 ---------------------------------------------------------------------
constexpr Value v3AV[] = {N, A, L, P};
constexpr Value v3AC[] = {L, H};
constexpr Value v3PR[] = {N, L, H};
constexpr Value v3UI[] = {N, R};
constexpr Value v3S[] = {U, C};
constexpr Value v3Impact[] = {H, L, N};
constexpr Value v3E[] = {X, H, F, P, U};
constexpr Value v3RL[] = {X, U, W, T, O};
constexpr Value v3RC[] = {X, C, R, U};
constexpr Value v3Req[] = {X, H, M, L};
constexpr Value v3MAV[] = {X, N, A, L, P};
constexpr Value v3MAC[] = {X, L, H};
constexpr Value v3MPR[] = {X, N, L, H};
constexpr Value v3MUI[] = {X, N, R};
constexpr Value v3MS[] = {X, U, C};
constexpr Value v3MImpact[] = {X, H, L, N};

constexpr MetricDef kV3[] = {
    {Metric::AV, Group::Base, true, v3AV},
    {Metric::AC, Group::Base, true, v3AC},
    {Metric::PR, Group::Base, true, v3PR},
    {Metric::UI, Group::Base, true, v3UI},
    {Metric::S, Group::Base, true, v3S},
    {Metric::C, Group::Base, true, v3Impact},
    {Metric::I, Group::Base, true, v3Impact},
    {Metric::A, Group::Base, true, v3Impact},
    {Metric::E, Group::Temporal, false, v3E},
    {Metric::RL, Group::Temporal, false, v3RL},
    {Metric::RC, Group::Temporal, false, v3RC},
    {Metric::CR, Group::Environmental, false, v3Req},
    {Metric::IR, Group::Environmental, false, v3Req},
    {Metric::AR, Group::Environmental, false, v3Req},
    {Metric::MAV, Group::Environmental, false, v3MAV},
    {Metric::MAC, Group::Environmental, false, v3MAC},
    {Metric::MPR, Group::Environmental, false, v3MPR},
    {Metric::MUI, Group::Environmental, false, v3MUI},
    {Metric::MS, Group::Environmental, false, v3MS},
    {Metric::MC, Group::Environmental, false, v3MImpact},
    {Metric::MI, Group::Environmental, false, v3MImpact},
    {Metric::MA, Group::Environmental, false, v3MImpact},
};

// --- v4.0 (prescribed order; value lists as in FIRST's metrics.js) -------------------
constexpr Value v4AV[] = {N, A, L, P};
constexpr Value v4AC[] = {L, H};
constexpr Value v4AT[] = {N, P};
constexpr Value v4PR[] = {N, L, H};
constexpr Value v4UI[] = {N, P, A};
constexpr Value v4Impact[] = {H, L, N};
constexpr Value v4E[] = {X, A, P, U};
constexpr Value v4Req[] = {X, H, M, L};
constexpr Value v4MAV[] = {X, N, A, L, P};
constexpr Value v4MAC[] = {X, L, H};
constexpr Value v4MAT[] = {X, N, P};
constexpr Value v4MPR[] = {X, N, L, H};
constexpr Value v4MUI[] = {X, N, P, A};
constexpr Value v4MImpact[] = {X, H, L, N};
constexpr Value v4MSafety[] = {X, S, H, L, N};
constexpr Value v4S[] = {X, N, P};
constexpr Value v4AU[] = {X, N, Y};
constexpr Value v4R[] = {X, A, U, I};
constexpr Value v4V[] = {X, D, C};
constexpr Value v4RE[] = {X, L, M, H};
constexpr Value v4U[] = {X, Clear, Green, Amber, Red};

constexpr MetricDef kV4[] = {
    {Metric::AV, Group::Base, true, v4AV},
    {Metric::AC, Group::Base, true, v4AC},
    {Metric::AT, Group::Base, true, v4AT},
    {Metric::PR, Group::Base, true, v4PR},
    {Metric::UI, Group::Base, true, v4UI},
    {Metric::VC, Group::Base, true, v4Impact},
    {Metric::VI, Group::Base, true, v4Impact},
    {Metric::VA, Group::Base, true, v4Impact},
    {Metric::SC, Group::Base, true, v4Impact},
    {Metric::SI, Group::Base, true, v4Impact},
    {Metric::SA, Group::Base, true, v4Impact},
    {Metric::E, Group::Temporal, false, v4E},
    {Metric::CR, Group::Environmental, false, v4Req},
    {Metric::IR, Group::Environmental, false, v4Req},
    {Metric::AR, Group::Environmental, false, v4Req},
    {Metric::MAV, Group::Environmental, false, v4MAV},
    {Metric::MAC, Group::Environmental, false, v4MAC},
    {Metric::MAT, Group::Environmental, false, v4MAT},
    {Metric::MPR, Group::Environmental, false, v4MPR},
    {Metric::MUI, Group::Environmental, false, v4MUI},
    {Metric::MVC, Group::Environmental, false, v4MImpact},
    {Metric::MVI, Group::Environmental, false, v4MImpact},
    {Metric::MVA, Group::Environmental, false, v4MImpact},
    {Metric::MSC, Group::Environmental, false, v4MImpact},
    {Metric::MSI, Group::Environmental, false, v4MSafety},
    {Metric::MSA, Group::Environmental, false, v4MSafety},
    {Metric::S, Group::Supplemental, false, v4S},
    {Metric::AU, Group::Supplemental, false, v4AU},
    {Metric::R, Group::Supplemental, false, v4R},
    {Metric::V, Group::Supplemental, false, v4V},
    {Metric::RE, Group::Supplemental, false, v4RE},
    {Metric::U, Group::Supplemental, false, v4U},
};

static_assert(std::size(kV4) <= MaxSlots);

struct SlotTable
{
    std::array<std::array<std::int8_t, MetricCount>, 4> slots{};
    constexpr SlotTable()
    {
        const std::span<const MetricDef> defs[4] = {kV2, kV3, kV3, kV4};
        for (int v = 0; v < 4; ++v) {
            slots[v].fill(-1);
            for (std::size_t i = 0; i < defs[v].size(); ++i)
                slots[v][static_cast<int>(defs[v][i].metric)] = static_cast<std::int8_t>(i);
        }
    }
};
constexpr SlotTable kSlots;

} // namespace

std::string_view versionName(Version version)
{
    switch (version) {
    case Version::V2_0:
        return "2.0";
    case Version::V3_0:
        return "3.0";
    case Version::V3_1:
        return "3.1";
    case Version::V4_0:
        return "4.0";
    }
    return {};
}

std::string_view versionLabel(Version version)
{
    switch (version) {
    case Version::V2_0:
        return "v2";
    case Version::V3_0:
        return "v3.0";
    case Version::V3_1:
        return "v3.1";
    case Version::V4_0:
        return "v4.0";
    }
    return {};
}

std::string_view metricName(Metric metric)
{
    return kMetricNames[static_cast<int>(metric)];
}

std::string_view valueName(Value value)
{
    return kValueNames[static_cast<int>(value)];
}

std::span<const MetricDef> metricDefs(Version version)
{
    switch (version) {
    case Version::V2_0:
        return kV2;
    case Version::V3_0:
    case Version::V3_1:
        return kV3;
    case Version::V4_0:
        return kV4;
    }
    return {};
}

int slotOf(Version version, Metric metric)
{
    return kSlots.slots[static_cast<int>(version)][static_cast<int>(metric)];
}

Value notDefinedValue(Version version)
{
    return version == Version::V2_0 ? Value::ND : Value::X;
}

} // namespace patchwise::cvss
