// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "layerview.h"
#include "util/result.h"

#include <string>
#include <vector>

// A binary copy of what the workbench loads from a workspace — the fact table, the image
// layers and the base attribution — so that reopening an unchanged workspace skips SQLite
// (seconds at a million findings). The copy carries a key describing the workspace file's
// state; a copy whose key differs is never used.
namespace patchwise::layers {

struct LoadedWorkspace
{
    risk::Facts facts;                      // facts.now is not part of the copy
    std::vector<store::ImageLayers> images; // without their package lists (see flags)
    std::vector<std::optional<BaseImage>> bases;
    std::vector<BaseFlags> flags;
};

// The state of the workspace file and its write-ahead log (sizes and modification times):
// any write changes it. "" when the file does not exist.
std::string workspaceStateKey(const std::string &workspacePath);

// Writes `loaded` under `key` to `cachePath` (atomically: a temporary file renamed over it).
Result<bool> writeFactsCache(const std::string &cachePath,
                             const std::string &key,
                             const risk::Facts &facts,
                             const std::vector<store::ImageLayers> &images,
                             const std::vector<BaseFlags> &flags);

// Reads a copy written under `key`; an error when it is missing, unreadable, of another
// format version, or written under another key.
Result<LoadedWorkspace> readFactsCache(const std::string &cachePath, const std::string &key);

} // namespace patchwise::layers
