// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cvss/cvssmetric.h"
#include "cvss/cvssscore.h"

#include <QColor>
#include <QString>

namespace patchwise::ui {

// Human-readable names of CVSS metrics and values, as the specifications spell them
// ("Attack Vector", "Network"). The same abbreviation differs between versions (v3 S is
// Scope, v4 S is Safety; v2 calls AV "Access Vector").
QString cvssMetricTitle(cvss::Version version, cvss::Metric metric);
QString cvssValueTitle(cvss::Version version, cvss::Metric metric, cvss::Value value);
QString cvssGroupTitle(cvss::Version version, cvss::Group group);

// Background colour of a severity chip, and a text colour readable on it.
QColor severityColor(cvss::Severity severity);
QColor severityTextColor(cvss::Severity severity);

} // namespace patchwise::ui
