// SPDX-License-Identifier: GPL-3.0-or-later
#include "findingdetails.h"

#include "cvsslabels.h"
#include "risk/scoredrows.h"
#include "severitystyle.h"
#include "workbench.h"

#include <QDateTime>

namespace patchwise::ui {

namespace {

QString esc(std::string_view text)
{
    return QString::fromUtf8(text.data(), qsizetype(text.size())).toHtmlEscaped();
}

QString date(std::int64_t t)
{
    return t ? QDateTime::fromSecsSinceEpoch(t, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd"))
             : QStringLiteral("—");
}

QString chip(const QColor &color, const QString &text)
{
    return QStringLiteral("<span style='color:%1;font-weight:bold'>%2</span>")
        .arg(color.name(), text.toHtmlEscaped());
}

QString row(const QString &label, const QString &valueHtml)
{
    return QStringLiteral("<tr><td style='padding-right:12px;color:palette(mid)'>%1</td>"
                          "<td>%2</td></tr>")
        .arg(label.toHtmlEscaped(), valueHtml);
}

QString vectorMetrics(const cvss::Vector &vector)
{
    QStringList parts;
    for (const cvss::MetricDef &def : cvss::metricDefs(vector.version())) {
        const cvss::Value value = vector.value(def.metric);
        if (value == cvss::Value::Absent || value == cvss::notDefinedValue(vector.version()))
            continue;
        parts << QStringLiteral("%1: %2")
                     .arg(cvssMetricTitle(vector.version(), def.metric),
                          cvssValueTitle(vector.version(), def.metric, value))
                     .toHtmlEscaped();
    }
    return parts.join(QStringLiteral(" · "));
}

} // namespace

QString advisoryUrl(const QString &id)
{
    if (id.startsWith(QStringLiteral("CVE-"), Qt::CaseInsensitive))
        return QStringLiteral("https://nvd.nist.gov/vuln/detail/") + id.toUpper();
    if (id.startsWith(QStringLiteral("GHSA-"), Qt::CaseInsensitive))
        return QStringLiteral("https://github.com/advisories/") + id;
    return QStringLiteral("https://osv.dev/vulnerability/") + id;
}

QString findingDetailsHtml(const Workbench &workbench, std::uint32_t f)
{
    const risk::Scoring &s = workbench.scoring();
    const risk::Facts &facts = s.facts();
    const risk::VulnFacts &v = facts.vulns[facts.vuln[f]];
    const risk::ImageFacts &image = facts.images[facts.image[f]];
    const risk::FindingRisk r = risk::findingRisk(s, f);

    QString html;
    const QString id = QString::fromStdString(v.id);
    html += QStringLiteral("<h3 style='margin-bottom:2px'>%1 <span style='font-weight:normal'>in "
                           "%2 %3</span></h3>")
                .arg(id.toHtmlEscaped(),
                     esc(facts.strings[facts.package[f]]),
                     esc(facts.strings[facts.version[f]]));
    html += QStringLiteral("<p style='margin-top:0'>%1 &nbsp; risk <b>%2</b> &nbsp; rank <b>%3</b>"
                           " &nbsp; SSVC <b>%4</b> &nbsp; <a href=\"%5\">advisory</a></p>")
                .arg(chip(severityColor(s.severity(f)), severityLabel(s.severity(f))),
                     QString::number(double(r.riskScore), 'f', 2),
                     QString::number(r.rank),
                     esc(r.decision),
                     // Double-quoted: toHtmlEscaped() escapes " but not '.
                     advisoryUrl(id).toHtmlEscaped());

    // The score, factor by factor, as bars scaled to each factor's weight.
    html += QStringLiteral("<table cellspacing='0' cellpadding='1'>");
    const auto &weights = s.policy().weights;
    for (int k = 0; k < risk::FactorCount; ++k) {
        const double points = r.factors[std::size_t(k)];
        const double weight = weights[std::size_t(k)];
        const int width = weight > 0 ? int(120.0 * points / weight + 0.5) : 0;
        html += QStringLiteral("<tr><td style='padding-right:8px'>%1</td><td width='124'>"
                               "<table cellspacing='0' cellpadding='0'><tr><td width='%2' "
                               "bgcolor='#5c6bc0' height='8'></td><td width='%3' bgcolor='#e0e0e0'"
                               " height='8'></td></tr></table></td><td align='right'>%4</td>"
                               "<td style='color:gray'>&nbsp;/ %5</td></tr>")
                    .arg(factorTitle(risk::Factor(k)).toHtmlEscaped())
                    .arg(std::max(width, 0))
                    .arg(std::max(120 - width, 0))
                    .arg(points, 0, 'f', 2)
                    .arg(weight, 0, 'f', 2);
    }
    html += QStringLiteral("</table>");

    // Severities and CVSS by source.
    html += QStringLiteral("<h4>Severity by source</h4><table>");
    html +=
        row(QObject::tr("Effective"),
            chip(severityColor(s.severity(f)), severityLabel(s.severity(f))) +
                QStringLiteral(" <span style='color:gray'>(%1)</span>").arg(esc(r.severitySource)));
    for (const risk::RatingFact &rating : v.ratings)
        html += row(QString::fromStdString(facts.sources[rating.source]),
                    chip(severityColor(rating.severity), severityLabel(rating.severity)));
    html += QStringLiteral("</table>");
    if (!v.cvss.empty()) {
        html += QStringLiteral("<h4>CVSS</h4><table>");
        for (const risk::CvssFact &c : v.cvss) {
            const bool used = r.cvss.record >= 0 && &v.cvss[std::size_t(r.cvss.record)] == &c;
            html += row(QString::fromStdString(facts.sources[c.source]) +
                            (used ? QObject::tr(" (scored)") : QString()),
                        QStringLiteral("<b>%1</b> <code>%2</code><br/><small>%3</small>")
                            .arg(QString::number(c.baseTenths / 10.0, 'f', 1),
                                 esc(facts.strings[c.vectorText]),
                                 vectorMetrics(c.vector)));
        }
        if (r.cvss.record >= 0 && r.cvss.scoredTenths != r.cvss.baseTenths)
            html += row(
                QObject::tr("With the policy's environment"),
                QStringLiteral("<b>%1</b> <code>%2</code>")
                    .arg(QString::number(r.cvss.scoredTenths / 10.0, 'f', 1), esc(r.cvss.vector)));
        html += QStringLiteral("</table>");
    }

    // Where it is and what to do.
    html += QStringLiteral("<h4>Package and image</h4><table>");
    const std::string &fixed = facts.strings[facts.fixedVersions[f]];
    html += row(QObject::tr("Package"),
                esc(facts.strings[facts.package[f]]) + QStringLiteral(" ") +
                    esc(facts.strings[facts.version[f]]) + QStringLiteral(" (") +
                    esc(facts.strings[facts.packageType[f]]) + QStringLiteral(")"));
    html += row(QObject::tr("Fixed in"), fixed.empty() ? QObject::tr("no fix yet") : esc(fixed));
    html += row(
        QObject::tr("Image"),
        esc(image.name) +
            (image.digest.empty()
                 ? QString()
                 : QStringLiteral("<br/><small><code>%1</code></small>").arg(esc(image.digest))));
    const int layer = f < facts.layerIndex.size() ? facts.layerIndex[f] : -1;
    const auto &flags = workbench.baseFlags();
    QString layerText = layer >= 0 ? QObject::tr("layer %1").arg(layer) : QObject::tr("unknown");
    if (f < flags.size() && flags[f].inBase == 1)
        layerText += flags[f].baseImageFix
                         ? QObject::tr(" — base image; updating the base fixes it")
                         : QObject::tr(" — base image");
    else if (f < flags.size() && flags[f].inBase == 0 && layer >= 0)
        layerText += QObject::tr(" — your own layers");
    html += row(QObject::tr("Layer"), layerText.toHtmlEscaped());
    html += QStringLiteral("</table>");

    html += QStringLiteral("<h4>Where it runs</h4><table>");
    html += row(QObject::tr("Running containers"), QString::number(image.runningContainers));
    if (!r.namespaces.empty()) {
        QStringList ns;
        for (const std::string &n : r.namespaces)
            ns << esc(n);
        html += row(QObject::tr("Namespaces"), ns.join(QStringLiteral(", ")));
    }
    if (r.internetExposed) {
        QStringList reasons;
        for (const std::string &reason : r.exposureReasons)
            reasons << esc(reason);
        html += row(QObject::tr("Internet exposed"), reasons.join(QStringLiteral("<br/>")));
    }
    html += row(QObject::tr("Privileged"), r.privileged ? QObject::tr("yes") : QObject::tr("no"));
    html += row(QObject::tr("Runs as root"),
                r.runsAsRoot == risk::Tri::Yes  ? QObject::tr("yes")
                : r.runsAsRoot == risk::Tri::No ? QObject::tr("no")
                                                : QObject::tr("unknown"));
    html += row(QObject::tr("Exposed for"), QObject::tr("%1 days").arg(int(r.exposureDays)));
    html += QStringLiteral("</table>");

    html += QStringLiteral("<h4>Threat and deadline</h4><table>");
    html +=
        row(QObject::tr("CISA KEV"),
            v.kev ? QObject::tr("yes%1").arg(v.ransomware ? QObject::tr(", ransomware") : QString())
                  : QObject::tr("no"));
    html += row(QObject::tr("EPSS"),
                v.epss < 0 ? QObject::tr("unknown")
                           : QStringLiteral("%1 %").arg(double(v.epss) * 100.0, 0, 'f', 2));
    html += row(QObject::tr("First seen"), date(facts.firstSeen[f]));
    html += row(QObject::tr("SLA due"),
                r.slaBreached
                    ? chip(QColor(0xc6, 0x28, 0x28), date(r.slaDue) + QObject::tr(" (breached)"))
                    : date(r.slaDue));
    html += QStringLiteral("</table>");
    return html;
}

} // namespace patchwise::ui
