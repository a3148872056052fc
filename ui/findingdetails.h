// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <cstdint>

namespace patchwise::ui {

class Workbench;

// The details pane's HTML for one finding: the risk score with every factor's points, the
// severities and CVSS vectors of every source (metrics spelled out), fix, image, layer and
// base, runtime context, SLA and decision, and advisory links. Every text that comes from a
// scan file is HTML-escaped.
QString findingDetailsHtml(const Workbench &workbench, std::uint32_t finding);

// The advisory page of a vulnerability id (NVD for CVE, GitHub for GHSA, OSV otherwise).
QString advisoryUrl(const QString &vulnerabilityId);

} // namespace patchwise::ui
