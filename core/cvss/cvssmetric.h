// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <string_view>

namespace patchwise::cvss {

enum class Version : std::uint8_t
{
    V2_0,
    V3_0,
    V3_1,
    V4_0,
};

// "2.0", "3.0", "3.1", "4.0".
std::string_view versionName(Version version);
// "v2", "v3.0", "v3.1", "v4.0": the spelling used in validation messages.
std::string_view versionLabel(Version version);

// Every metric abbreviation of every supported version. The same abbreviation can mean
// different things in different versions (S is Scope in v3.x and Safety in v4.0); a
// metric is only meaningful together with a Version.
enum class Metric : std::uint8_t
{
    // v2.0 only
    Au,
    CDP,
    TD,
    // shared by several versions
    AV,
    AC,
    PR,
    UI,
    S,
    C,
    I,
    A,
    E,
    RL,
    RC,
    CR,
    IR,
    AR,
    // v3.x modified base metrics
    MAV,
    MAC,
    MPR,
    MUI,
    MS,
    MC,
    MI,
    MA,
    // v4.0
    AT,
    VC,
    VI,
    VA,
    SC,
    SI,
    SA,
    MAT,
    MVC,
    MVI,
    MVA,
    MSC,
    MSI,
    MSA,
    AU,
    R,
    V,
    RE,
    U,
};
inline constexpr int MetricCount = static_cast<int>(Metric::U) + 1;

std::string_view metricName(Metric metric);

// Every value abbreviation. Absent means "not written in the vector"; it scores exactly
// like X (v3.x/v4.0) or ND (v2.0).
enum class Value : std::uint8_t
{
    Absent,
    X,
    ND,
    N,
    A,
    L,
    P,
    H,
    M,
    S,
    C,
    U,
    R,
    F,
    O,
    T,
    W,
    Y,
    D,
    I,
    POC,
    OF,
    TF,
    UR,
    UC,
    LM,
    MH,
    Clear,
    Green,
    Amber,
    Red,
};
inline constexpr int ValueCount = static_cast<int>(Value::Red) + 1;

std::string_view valueName(Value value);

enum class Group : std::uint8_t
{
    Base,
    Temporal, // v2/v3 temporal; v4.0 threat (E)
    Environmental,
    Supplemental, // v4.0 only; never changes a score
};

struct MetricDef
{
    Metric metric;
    Group group;
    bool mandatory;
    std::span<const Value> values; // legal values, without Absent
};

// Upper bound on metrics per version (v4.0 has 32).
inline constexpr int MaxSlots = 32;

// The metrics of a version in the specification's order (for v4.0 the prescribed order).
// The position of a metric in this list is its "slot" in a Vector.
std::span<const MetricDef> metricDefs(Version version);

// Slot of a metric in a version, or -1 when the version has no such metric.
int slotOf(Version version, Metric metric);

// The value that means "not defined" in a version (ND for v2.0, X otherwise).
Value notDefinedValue(Version version);

} // namespace patchwise::cvss
