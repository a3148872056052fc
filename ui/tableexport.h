// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "triagemodel.h"
#include "util/result.h"

#include <QString>
#include <atomic>
#include <cstddef>
#include <functional>
#include <vector>

namespace patchwise::ui {

// Writes the triage table as shown to `path` as CSV: the snapshot's rows in order, the given
// columns (the visible ones, in their on-screen order) with one header row; RFC 4180 quoting,
// UTF-8, ISO dates, cells a spreadsheet would run as a formula neutralised. Streams in blocks
// through a temporary file renamed into place, so memory stays flat and a failed or
// cancelled export leaves no file. Safe on a worker thread. `progress` (optional) gets the
// rows written so far. Returns the number of rows written.
Result<std::size_t> writeTableCsv(const QString &path,
                                  const TriageModel::Snapshot &snapshot,
                                  const std::vector<int> &columns,
                                  const std::atomic<bool> *cancel = nullptr,
                                  const std::function<void(std::size_t)> &progress = {});

} // namespace patchwise::ui
