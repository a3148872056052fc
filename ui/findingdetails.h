// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <cstdint>

class QPalette;

namespace patchwise::store {
struct Advisory;
}

namespace patchwise::ui {

class Workbench;

// In-page links of the details pane (relative, fragment only): the page handles them by
// showing more or less of the advisory; they never leave the application.
inline constexpr char kDescriptionToggleLink[] = "#patchwise-description";
inline constexpr char kReferencesToggleLink[] = "#patchwise-references";
inline constexpr char kReferencesJumpLink[] = "#patchwise-to-references";
// The anchor (name) of the References heading, which kReferencesJumpLink scrolls to.
inline constexpr char kReferencesAnchor[] = "patchwise-references-section";

// What the details pane shows of a finding's advisory.
struct AdvisoryDisplay
{
    const store::Advisory *advisory = nullptr; // none: no advisory text (yet)
    QString unavailable;                       // why it could not be read (plain text)
    bool fullDescription = false;              // else cut after about kDescriptionPreview
    bool allReferences = false;                // else the first kReferencesPreview
};

inline constexpr int kDescriptionPreview = 480; // characters
inline constexpr int kReferencesPreview = 8;    // links

// The details pane's HTML for one finding: the advisory's title, description and CWEs, the
// risk score with every factor's points, the severities and CVSS vectors of every source
// (metrics spelled out), fix, image, layer and base, runtime context, SLA and decision, and
// the advisory's links, aliases and references. Every text that comes from a scan file is
// HTML-escaped; a reference is a link only when it is an http(s) URL.
// Links are readable on the pane whatever the palette: a link colour too close to the base
// (a dark palette that keeps the default blue) is replaced. For QTextDocument's default style
// sheet.
QString detailsStyleSheet(const QPalette &palette);

QString findingDetailsHtml(const Workbench &workbench,
                           std::uint32_t finding,
                           const AdvisoryDisplay &advisory = {});

// The URL to link a reference to: http and https URLs with a host only (fully encoded);
// empty for anything else (javascript:, data:, file:, malformed), which is shown as text.
QString webLink(const QString &reference);

// The advisory page of a vulnerability id (NVD for CVE, GitHub for GHSA, OSV otherwise).
QString advisoryUrl(const QString &vulnerabilityId);

} // namespace patchwise::ui
