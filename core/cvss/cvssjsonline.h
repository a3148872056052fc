// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>
#include <string_view>

namespace patchwise::cvss {

// One line of the JSON-lines contract of `patchwise-cli cvss` (shared/fixtures/cvss/
// README.md, "The JSON-lines format"), without the trailing newline. The input is trimmed
// of leading and trailing whitespace first (Unicode White_Space, so CRLF input works); a rejected
// vector gives
// {"vector": …, "error": …}. Never fails: any byte string produces valid JSON.
std::string jsonLine(std::string_view input);

} // namespace patchwise::cvss
