// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>
#include <string_view>

namespace patchwise::model {

// Orders package versions across ecosystems with the Debian algorithm (dpkg's
// verrevcmp), which also orders RPM, APK, semantic and most language versions sensibly:
// an optional numeric epoch ("1:2.0"), then alternating runs of non-digits (compared
// character by character, letters before other characters, '~' before everything, even
// the end of the string) and digits (compared as numbers). A leading "v" before a digit is
// ignored ("v1.2.3" = "1.2.3"). Returns <0, 0 or >0.
int compareVersions(std::string_view a, std::string_view b);

// The version to upgrade to from `installed` given a finding's fixed versions (separated by
// spaces or commas, as scanners list one per release line): the lowest fixed version above
// the installed one, or the highest when none is above it; "" when none is given. A view
// into `fixedVersions`.
std::string_view upgradeTarget(std::string_view installed, std::string_view fixedVersions);

} // namespace patchwise::model
