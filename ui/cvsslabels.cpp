// SPDX-License-Identifier: GPL-3.0-or-later
#include "cvsslabels.h"

#include <QCoreApplication>

namespace patchwise::ui {

using cvss::Metric;
using cvss::Value;
using cvss::Version;

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("patchwise::ui::CvssLabels", text);
}

} // namespace

QString cvssMetricTitle(Version version, Metric metric)
{
    const bool v2 = version == Version::V2_0;
    const bool v4 = version == Version::V4_0;
    switch (metric) {
    case Metric::AV:
        return v2 ? tr("Access Vector") : tr("Attack Vector");
    case Metric::AC:
        return v2 ? tr("Access Complexity") : tr("Attack Complexity");
    case Metric::Au:
        return tr("Authentication");
    case Metric::AT:
        return tr("Attack Requirements");
    case Metric::PR:
        return tr("Privileges Required");
    case Metric::UI:
        return tr("User Interaction");
    case Metric::S:
        return v4 ? tr("Safety") : tr("Scope");
    case Metric::C:
        return tr("Confidentiality");
    case Metric::I:
        return tr("Integrity");
    case Metric::A:
        return tr("Availability");
    case Metric::VC:
        return tr("Confidentiality (vulnerable system)");
    case Metric::VI:
        return tr("Integrity (vulnerable system)");
    case Metric::VA:
        return tr("Availability (vulnerable system)");
    case Metric::SC:
        return tr("Confidentiality (subsequent systems)");
    case Metric::SI:
        return tr("Integrity (subsequent systems)");
    case Metric::SA:
        return tr("Availability (subsequent systems)");
    case Metric::E:
        return v4 ? tr("Exploit Maturity") : tr("Exploit Code Maturity");
    case Metric::RL:
        return tr("Remediation Level");
    case Metric::RC:
        return tr("Report Confidence");
    case Metric::CDP:
        return tr("Collateral Damage Potential");
    case Metric::TD:
        return tr("Target Distribution");
    case Metric::CR:
        return tr("Confidentiality Requirement");
    case Metric::IR:
        return tr("Integrity Requirement");
    case Metric::AR:
        return tr("Availability Requirement");
    case Metric::MAV:
        return tr("Modified Attack Vector");
    case Metric::MAC:
        return tr("Modified Attack Complexity");
    case Metric::MAT:
        return tr("Modified Attack Requirements");
    case Metric::MPR:
        return tr("Modified Privileges Required");
    case Metric::MUI:
        return tr("Modified User Interaction");
    case Metric::MS:
        return tr("Modified Scope");
    case Metric::MC:
        return tr("Modified Confidentiality");
    case Metric::MI:
        return tr("Modified Integrity");
    case Metric::MA:
        return tr("Modified Availability");
    case Metric::MVC:
        return tr("Modified Confidentiality (vulnerable)");
    case Metric::MVI:
        return tr("Modified Integrity (vulnerable)");
    case Metric::MVA:
        return tr("Modified Availability (vulnerable)");
    case Metric::MSC:
        return tr("Modified Confidentiality (subsequent)");
    case Metric::MSI:
        return tr("Modified Integrity (subsequent)");
    case Metric::MSA:
        return tr("Modified Availability (subsequent)");
    case Metric::AU:
        return tr("Automatable");
    case Metric::R:
        return tr("Recovery");
    case Metric::V:
        return tr("Value Density");
    case Metric::RE:
        return tr("Vulnerability Response Effort");
    case Metric::U:
        return tr("Provider Urgency");
    }
    return QString::fromLatin1(cvss::metricName(metric).data(),
                               qsizetype(cvss::metricName(metric).size()));
}

QString cvssValueTitle(Version version, Metric metric, Value value)
{
    const bool v2 = version == Version::V2_0;
    const bool v4 = version == Version::V4_0;
    switch (value) {
    case Value::Absent:
    case Value::X:
    case Value::ND:
        return tr("Not defined");
    case Value::N:
        if (metric == Metric::AV || metric == Metric::MAV)
            return tr("Network");
        if (metric == Metric::AU)
            return tr("No");
        if (metric == Metric::S && v4)
            return tr("Negligible");
        return tr("None");
    case Value::A:
        if (metric == Metric::AV || metric == Metric::MAV)
            return v2 ? tr("Adjacent network") : tr("Adjacent");
        if (metric == Metric::E)
            return tr("Attacked");
        if (metric == Metric::R)
            return tr("Automatic");
        return tr("Active");
    case Value::L:
        if (metric == Metric::AV || metric == Metric::MAV)
            return tr("Local");
        return tr("Low");
    case Value::P:
        if (metric == Metric::AV || metric == Metric::MAV)
            return tr("Physical");
        if (metric == Metric::UI || metric == Metric::MUI)
            return tr("Passive");
        if (metric == Metric::E)
            return tr("Proof-of-concept");
        if (metric == Metric::C || metric == Metric::I || metric == Metric::A)
            return tr("Partial");
        return tr("Present");
    case Value::H:
        return tr("High");
    case Value::M:
        if (metric == Metric::Au)
            return tr("Multiple");
        if (metric == Metric::RE && v4)
            return tr("Moderate");
        return tr("Medium");
    case Value::S:
        if (metric == Metric::Au)
            return tr("Single");
        return tr("Safety");
    case Value::C:
        if (metric == Metric::S || metric == Metric::MS)
            return tr("Changed");
        if (metric == Metric::RC)
            return tr("Confirmed");
        if (metric == Metric::V)
            return tr("Concentrated");
        return tr("Complete");
    case Value::U:
        if (metric == Metric::S || metric == Metric::MS)
            return tr("Unchanged");
        if (metric == Metric::RL)
            return tr("Unavailable");
        if (metric == Metric::RC)
            return tr("Unknown");
        if (metric == Metric::R)
            return tr("User");
        return v4 ? tr("Unreported") : tr("Unproven");
    case Value::R:
        if (metric == Metric::RC)
            return tr("Reasonable");
        return tr("Required");
    case Value::F:
        return tr("Functional");
    case Value::O:
        return tr("Official fix");
    case Value::T:
        return tr("Temporary fix");
    case Value::W:
        return tr("Workaround");
    case Value::Y:
        return tr("Yes");
    case Value::D:
        return tr("Diffuse");
    case Value::I:
        return tr("Irrecoverable");
    case Value::POC:
        return tr("Proof-of-concept");
    case Value::OF:
        return tr("Official fix");
    case Value::TF:
        return tr("Temporary fix");
    case Value::UR:
        return tr("Uncorroborated");
    case Value::UC:
        return tr("Unconfirmed");
    case Value::LM:
        return tr("Low-medium");
    case Value::MH:
        return tr("Medium-high");
    case Value::Clear:
        return tr("Clear");
    case Value::Green:
        return tr("Green");
    case Value::Amber:
        return tr("Amber");
    case Value::Red:
        return tr("Red");
    }
    return {};
}

QString cvssGroupTitle(Version version, cvss::Group group)
{
    switch (group) {
    case cvss::Group::Base:
        return tr("Base");
    case cvss::Group::Temporal:
        return version == Version::V4_0 ? tr("Threat") : tr("Temporal");
    case cvss::Group::Environmental:
        return tr("Environmental");
    case cvss::Group::Supplemental:
        return tr("Supplemental");
    }
    return {};
}

QColor severityColor(cvss::Severity severity)
{
    switch (severity) {
    case cvss::Severity::None:
        return QColor(0x9e, 0x9e, 0x9e);
    case cvss::Severity::Low:
        return QColor(0x4c, 0xaf, 0x50);
    case cvss::Severity::Medium:
        return QColor(0xf9, 0xa8, 0x25);
    case cvss::Severity::High:
        return QColor(0xef, 0x6c, 0x00);
    case cvss::Severity::Critical:
        return QColor(0xc6, 0x28, 0x28);
    }
    return {};
}

QColor severityTextColor(cvss::Severity severity)
{
    return severity == cvss::Severity::Medium ? QColor(0x21, 0x21, 0x21) : QColor(Qt::white);
}

} // namespace patchwise::ui
