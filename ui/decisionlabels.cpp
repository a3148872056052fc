// SPDX-License-Identifier: GPL-3.0-or-later
#include "decisionlabels.h"

#include "risk/facts.h"
#include "store/decisions.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QLocale>
#include <QPalette>
#include <algorithm>

namespace patchwise::ui {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("DecisionLabels", text);
}

QString fromStd(std::string_view s)
{
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

constexpr JustificationChoice kJustifications[] = {
    {"code_not_present", false},
    {"code_not_reachable", false},
    {"requires_configuration", false},
    {"requires_dependency", false},
    {"requires_environment", false},
    {"protected_by_compiler", false},
    {"protected_at_runtime", false},
    {"protected_at_perimeter", false},
    {"protected_by_mitigating_control", false},
    {"component_not_present", true},
    {"vulnerable_code_not_present", true},
    {"vulnerable_code_not_in_execute_path", true},
    {"vulnerable_code_cannot_be_controlled_by_adversary", true},
    {"inline_mitigations_already_exist", true},
};

} // namespace

QString triageStateLabel(model::TriageState state)
{
    switch (state) {
    case model::TriageState::New:
        return tr("new");
    case model::TriageState::InTriage:
        return tr("in triage");
    case model::TriageState::Exploitable:
        return tr("exploitable");
    case model::TriageState::RiskAccepted:
        return tr("risk accepted");
    case model::TriageState::FalsePositive:
        return tr("false positive");
    case model::TriageState::NotAffected:
        return tr("not affected");
    case model::TriageState::Fixed:
        return tr("fixed");
    }
    return {};
}

QString triageLabel(std::uint8_t factsTriage)
{
    const auto state =
        model::TriageState(std::min<int>(factsTriage & 0x7f, model::TriageStateCount - 1));
    if (factsTriage & risk::TriageExpired)
        return tr("%1 (expired)").arg(triageStateLabel(state));
    return triageStateLabel(state);
}

bool isExpired(const store::Decision &decision, std::int64_t now)
{
    return decision.state == model::TriageState::RiskAccepted && decision.expires > 0 &&
           decision.expires <= now;
}

QColor expiredColor(const QPalette &palette)
{
    return palette.color(QPalette::Base).lightness() < 128 ? QColor(0xef, 0x9a, 0x9a)
                                                           : QColor(0xc6, 0x28, 0x28);
}

std::string decisionKey(const store::Decision &d)
{
    std::string key(model::decisionScopeName(d.scope));
    for (const std::string *part : {&d.scopeKey, &d.vulnerability, &d.package, &d.version})
        key.append(1, '\x1f').append(*part);
    return key;
}

QString decisionScopeLabel(model::DecisionScope scope)
{
    switch (scope) {
    case model::DecisionScope::Digest:
        return tr("image");
    case model::DecisionScope::Repository:
        return tr("repository");
    case model::DecisionScope::Fleet:
        return tr("fleet");
    }
    return {};
}

ImageNames imageNamesByIdentity(const risk::Facts &facts)
{
    ImageNames names;
    for (const risk::ImageFacts &image : facts.images) {
        QString &name = names[store::imageIdentity(image.digest, image.name)];
        const QString own = fromStd(image.name);
        if (name.isEmpty())
            name = own;
        else if (!name.split(QStringLiteral(", ")).contains(own))
            name += QStringLiteral(", ") + own;
    }
    return names;
}

QString decisionTargetLabel(const store::Decision &decision, const ImageNames &names)
{
    switch (decision.scope) {
    case model::DecisionScope::Digest: {
        if (const auto it = names.find(decision.scopeKey); it != names.end())
            return it->second;
        // An image the workspace no longer has: its key, without the "name:" marker.
        const std::string_view key = decision.scopeKey;
        return fromStd(key.starts_with("name:") ? key.substr(5) : key);
    }
    case model::DecisionScope::Repository:
        return fromStd(decision.scopeKey);
    case model::DecisionScope::Fleet:
        break;
    }
    return tr("every image");
}

QString countText(qint64 n, const char *one, const char *many)
{
    return tr(n == 1 ? one : many).arg(QLocale().toString(n));
}

QString findingsText(qint64 n)
{
    return countText(n,
                     QT_TRANSLATE_NOOP("DecisionLabels", "%1 finding"),
                     QT_TRANSLATE_NOOP("DecisionLabels", "%1 findings"));
}

QString decisionsText(qint64 n)
{
    return countText(n,
                     QT_TRANSLATE_NOOP("DecisionLabels", "%1 decision"),
                     QT_TRANSLATE_NOOP("DecisionLabels", "%1 decisions"));
}

QString decideCommandText(model::TriageState state, int findings)
{
    const QString what = findingsText(findings);
    switch (state) {
    case model::TriageState::New:
        return tr("Mark %1 new").arg(what);
    case model::TriageState::InTriage:
        return tr("Mark %1 in triage").arg(what);
    case model::TriageState::Exploitable:
        return tr("Mark %1 exploitable").arg(what);
    case model::TriageState::RiskAccepted:
        return tr("Accept the risk of %1").arg(what);
    case model::TriageState::FalsePositive:
        return tr("Mark %1 false positive").arg(what);
    case model::TriageState::NotAffected:
        return tr("Mark %1 not affected").arg(what);
    case model::TriageState::Fixed:
        return tr("Mark %1 fixed").arg(what);
    }
    return {};
}

std::span<const JustificationChoice> justificationChoices()
{
    return kJustifications;
}

QString decisionSummaryLabel(const std::string &summary)
{
    if (summary.empty())
        return tr("(none)");
    // "state|reason|expires": the state and the expiry hold no '|', the reason may.
    const std::size_t first = summary.find('|');
    const std::size_t last = summary.rfind('|');
    if (first == std::string::npos || last == first)
        return fromStd(summary);
    const std::string_view text = summary;
    const auto state = model::triageStateFromName(text.substr(0, first));
    QString out = state ? triageStateLabel(*state) : fromStd(text.substr(0, first));
    const QString reason = fromStd(text.substr(first + 1, last - first - 1)).simplified();
    if (!reason.isEmpty())
        out += QStringLiteral(" · ") + reason;
    bool ok = false;
    const qint64 expires = fromStd(text.substr(last + 1)).toLongLong(&ok);
    if (ok && expires > 0)
        out += QStringLiteral(" · ") + tr("until %1")
                                           .arg(QDateTime::fromSecsSinceEpoch(expires, Qt::UTC)
                                                    .toString(QStringLiteral("yyyy-MM-dd")));
    return out;
}

} // namespace patchwise::ui
