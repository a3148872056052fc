// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>
#include <string_view>

namespace patchwise {

// Appends text as a JSON string literal (with the quotes). Control characters are
// escaped, and bytes that are not valid UTF-8 become U+FFFD, so the output is always
// valid JSON whatever the input holds.
void appendJsonString(std::string &out, std::string_view text);

// A number with at most three decimals and no trailing zeros ("6.275", "3.5", "0"): risk
// points are whole thousandths, so this is exact for them.
std::string formatPoints(double value);

} // namespace patchwise
