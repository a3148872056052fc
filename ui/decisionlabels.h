// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/triage.h"
#include "store/workspace.h"

#include <QColor>
#include <QString>
#include <cstdint>
#include <span>
#include <string>
#include <unordered_map>

class QPalette;

namespace patchwise::risk {
struct Facts;
}

namespace patchwise::ui {

// Words for triage decisions, shared by the triage table, the details pane, the decide
// dialog and the decisions page.

// "new", "in triage", "exploitable", "risk accepted", "false positive", "not affected",
// "fixed" (the CLI spells them with hyphens: model::triageStateName).
QString triageStateLabel(model::TriageState state);
// A finding's triage as risk::Facts::triage stores it (the state | risk::TriageExpired):
// the state's label, "risk accepted (expired)" once an acceptance has expired.
QString triageLabel(std::uint8_t factsTriage);
// True for an accepted risk whose expiry has passed at `now` (Unix seconds): it no longer
// takes findings out of the ranking.
bool isExpired(const store::Decision &decision, std::int64_t now);
// The colour an expired acceptance is written in (readable on `palette`'s base).
QColor expiredColor(const QPalette &palette);

// What identifies a decision in the workspace: its scope, scope key, vulnerability, package
// and version (the key Workspace::recordDecisions replaces on), as one string.
std::string decisionKey(const store::Decision &decision);

// "image", "repository", "fleet".
QString decisionScopeLabel(model::DecisionScope scope);

// Image names by store::imageIdentity() (config digest, or "name:<name>"), for showing what
// an image-scoped decision applies to. Several names of one identity are joined by ", ".
using ImageNames = std::unordered_map<std::string, QString>;
ImageNames imageNamesByIdentity(const risk::Facts &facts);
// What a decision applies to, for people: the image's name for an image scope whose identity
// the workspace knows (else the key itself), the repository, or "every image" for the fleet.
QString decisionTargetLabel(const store::Decision &decision, const ImageNames &names);

// "1 finding" / "12 findings", "1 decision" / "3 decisions": the count in the user's locale
// with the English singular or plural (Qt's %n plurals need a translation to read well).
QString countText(qint64 n, const char *one, const char *many);
QString findingsText(qint64 n);
QString decisionsText(qint64 n);

// The undo text of setting `state` on `findings` findings: "Mark 12 findings false positive".
QString decideCommandText(model::TriageState state, int findings);

// The justifications the decide dialog offers for "not affected": CycloneDX's
// analysis.justification values, then OpenVEX's (every one passes model::isVexJustification).
struct JustificationChoice
{
    const char *value;
    bool openVex; // else CycloneDX
};
std::span<const JustificationChoice> justificationChoices();

// A history entry's "state|reason|expires" for people: "false positive · why · until
// 2026-01-01"; "(none)" for the empty side of a creation or removal. Plain text.
QString decisionSummaryLabel(const std::string &summary);

} // namespace patchwise::ui
