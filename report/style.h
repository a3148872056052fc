// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/severity.h"
#include "risk/policy.h"

#include <QColor>
#include <QString>

// One look for severities across every page and printed report: the same colours (readable
// on light and dark palettes and on paper) and words.
namespace patchwise::report {

QColor severityColor(model::Severity severity);
// The colour of report column `column` (model::reportColumn: critical … unknown).
QColor severityColumnColor(int column);
QString severityLabel(model::Severity severity); // "Critical", …, "Unknown"
QString severityColumnLabel(int column);         // "Critical", "High", "Medium", "Low", "Unknown"
QColor gradeColor(char grade);                   // A green … F red
QString factorTitle(risk::Factor factor);        // "Known exploited (KEV)", …

} // namespace patchwise::report
