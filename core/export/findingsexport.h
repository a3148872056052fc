// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/importrunner.h"
#include "store/workspace.h"

#include <string>
#include <vector>

namespace patchwise::exporting {

// `patchwise-cli findings` as one JSON array (keys documented in README.md).
std::string findingsJson(const std::vector<store::FindingRow> &rows);
// The objects of that array without the brackets, for writing a long array in chunks:
// `firstInArray` false starts with the separating comma.
void appendFindingsJson(std::string &out,
                        const std::vector<store::FindingRow> &rows,
                        bool firstInArray);
// The same columns as CSV (RFC 4180). Cells that a spreadsheet would run as a formula
// (starting with = + - @, tab or CR) are neutralised with a leading apostrophe; list
// cells are joined with "; ".
// `withRisk` adds the risk columns (rank, riskScore, …, one column per factor).
// `header` false leaves out the header line (for writing in chunks).
std::string
findingsCsv(const std::vector<store::FindingRow> &rows, bool withRisk = false, bool header = true);

// `patchwise-cli import` summary.
std::string importReportJson(const store::ImportReport &report);

// One CSV cell, quoted when needed and neutralised against formula injection.
std::string csvCell(std::string_view text);

} // namespace patchwise::exporting
