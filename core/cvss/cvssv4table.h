// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <array>
#include <cstdint>

namespace patchwise::cvss::v4 {

inline constexpr int MacroVectorSlots = 3 * 2 * 3 * 3 * 3 * 2;

constexpr int macroVectorIndex(int eq1, int eq2, int eq3, int eq4, int eq5, int eq6)
{
    return ((((eq1 * 2 + eq2) * 3 + eq3) * 3 + eq4) * 3 + eq5) * 2 + eq6;
}

// Score of each MacroVector in tenths, or -1 where the MacroVector does not exist.
extern const std::array<std::int8_t, MacroVectorSlots> kMacroVectorScore;

} // namespace patchwise::cvss::v4
