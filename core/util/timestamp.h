// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace patchwise {

// Parses ISO 8601 / RFC 3339 timestamps as scanners write them: "2025-08-26",
// "2024-05-01T10:00:00Z", "2024-05-01T10:00:00.123456789+05:30", "…+0000", a space
// instead of 'T'. A timestamp without an offset is taken as UTC. Returns Unix seconds.
std::optional<std::int64_t> parseTimestamp(std::string_view text);

// "2024-05-01T04:30:00Z" (UTC, seconds).
std::string formatTimestamp(std::int64_t unixSeconds);

} // namespace patchwise
