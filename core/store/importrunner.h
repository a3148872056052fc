// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "workspace.h"

#include <atomic>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace patchwise::store {

struct ImportRequest
{
    std::vector<std::string> paths; // files and directories (walked recursively)
    bool keepGoing = false;         // import the good files, report the bad ones
    // When set, a file of another kind (a KEV feed where scans were expected) is an error.
    std::optional<ingest::FormatKind> onlyKind;
    ImportOptions options;
    // Set (from any thread) to stop: the import ends before the next file or the commit
    // and rolls back, leaving the workspace as it was (ImportReport::cancelled).
    const std::atomic<bool> *cancel = nullptr;
    // Called before each file with how many files came before it and how many there are.
    std::function<void(std::size_t done, std::size_t total)> fileProgress;
};

struct ImportFailure
{
    std::string path;
    std::string error;
};

struct ImportReport
{
    ImportSummary summary;
    std::vector<ImportFailure> failures;          // files that could not be imported
    std::vector<ImportFailure> unrecognisedFiles; // inside directories: skipped and listed
    bool committed = false;
    bool cancelled = false;
    // Where the time went (seconds of wall clock), for the summary and the benchmark.
    double readSeconds = 0;     // reading, parsing, normalising
    double storeSeconds = 0;    // writing rows
    double storeCpuSeconds = 0; // CPU time of the storing thread while writing rows
    double commitSeconds = 0;   // history update and commit
};

// The import command: walks the paths, reads each file and stores it, all in one
// transaction (all or nothing), or with keepGoing every good file. A file named directly
// that is not a recognised format is an error; inside a directory it is skipped and
// listed. Progress is reported per file (thread: the caller's). Returns an error value
// only for a failure that is not about one input file (the workspace itself).
ImportReport runImport(Workspace &workspace,
                       const ImportRequest &request,
                       const std::function<void(const std::string &path)> &progress = {});

} // namespace patchwise::store
