// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/result.h"

#include <cstdint>
#include <string>
#include <string_view>

namespace patchwise::ingest {

// The bytes of one input file, decompressed when it was gzip, with simdjson's padding.
struct SourceFile
{
    std::string path;
    std::string bytes;     // content (decompressed); capacity includes SIMDJSON_PADDING
    std::size_t start = 0; // where the JSON/CSV starts (after log lines a tool printed first)
    bool gzipped = false;

    std::string_view content() const { return std::string_view(bytes).substr(start); }
    // "line L, column C" of a byte offset into content(), for error messages.
    std::string locate(std::size_t offsetInContent) const;
};

// Reads a file (any size the machine can hold; gzip is recognised by its magic bytes and
// decompressed up to maxBytes). Leading log lines are skipped up to the first line that
// starts with '{' or '[' when the file does not itself start with JSON or a CSV header.
// Errors name the file and say what went wrong.
Result<SourceFile> loadSourceFile(const std::string &path, std::uint64_t maxBytes = 8ull << 30);

// The same for bytes already in memory; `path` names them in messages.
Result<SourceFile>
sourceFromBytes(const std::string &path, std::string raw, std::uint64_t maxBytes = 8ull << 30);

} // namespace patchwise::ingest
