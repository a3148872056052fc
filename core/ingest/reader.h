// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "format.h"
#include "model/records.h"
#include "util/result.h"

#include <string>
#include <vector>

namespace patchwise::ingest {

struct SkipCount
{
    std::string reason;
    int count = 0;
};

// Everything one input file contributed, normalised.
struct FileRead
{
    std::string path;
    Format format = Format::Unknown;
    std::string contentHash; // XXH3-128 fingerprint of the (decompressed) content: re-imports are
                             // recognised by it
    std::vector<model::Scan> scans;
    std::vector<model::Container> containers;
    std::vector<model::Service> services;
    std::vector<model::Ingress> ingresses;
    std::vector<model::Image> inventoryImages; // docker image inspect: identity bridges
    std::vector<model::KevEntry> kev;
    std::string kevCatalogVersion;
    std::vector<model::EpssEntry> epss;
    std::int64_t epssScoreDate = 0; // 0 when the file does not say
    std::string epssModelVersion;
    std::vector<SkipCount> skipped;

    void skip(const std::string &reason, int count = 1);
    std::size_t findingCount() const;
};

// Reads one file: recognises the format by content, parses it and normalises it.
// Errors name the file, the place (line/column for syntax, JSON path for shape) and what
// was expected. An unrecognised or not yet importable format is an error too; callers
// walking directories decide whether that is fatal.
Result<FileRead> readFile(const std::string &path);

// Reads from memory (tests, stdin). `displayName` stands for the file in messages.
Result<FileRead> readBytes(const std::string &displayName, std::string bytes);

} // namespace patchwise::ingest
