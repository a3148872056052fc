// SPDX-License-Identifier: GPL-3.0-or-later
#include "findingdetails.h"

#include "cvsslabels.h"
#include "decisionlabels.h"
#include "risk/scoredrows.h"
#include "severitystyle.h"
#include "store/decisions.h"
#include "store/workspace.h"
#include "workbench.h"

#include <QDateTime>
#include <QPalette>
#include <QRegularExpression>
#include <QUrl>
#include <algorithm>
#include <cmath>

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

QString qs(const std::string &text)
{
    return QString::fromStdString(text);
}

// Scan text as paragraphs: blank lines separate paragraphs, other newlines break lines, and
// everything is escaped. `tail` (HTML) ends the last paragraph.
QString paragraphsHtml(QString text, const QString &tail)
{
    text.replace(QStringLiteral("\r\n"), QStringLiteral("\n")).replace(u'\r', u'\n');
    static const QRegularExpression blankLine(QStringLiteral("\n[ \t]*\n\\s*"));
    QStringList paragraphs;
    for (const QString &paragraph : text.split(blankLine, Qt::SkipEmptyParts)) {
        QStringList lines;
        for (const QString &line : paragraph.split(u'\n')) {
            if (const QString l = line.trimmed(); !l.isEmpty())
                lines << l.toHtmlEscaped();
        }
        if (!lines.isEmpty())
            paragraphs << lines.join(QStringLiteral("<br/>"));
    }
    if (paragraphs.isEmpty())
        return {};
    paragraphs.last() += tail;
    QString html;
    for (const QString &p : paragraphs)
        html += QStringLiteral("<p style='margin-top:0;margin-bottom:6px'>%1</p>").arg(p);
    return html;
}

// The start of a long text, cut after a word; empty when the text is short enough to show
// whole (hiding a sentence or two behind a link helps no one).
QString preview(const QString &text, int limit)
{
    if (text.size() <= limit + limit / 4)
        return {};
    static const QRegularExpression space(QStringLiteral("\\s"));
    qsizetype cut = text.lastIndexOf(space, limit);
    if (cut < limit * 2 / 3)
        cut = limit;
    if (text.at(cut - 1).isHighSurrogate())
        --cut;
    return text.left(cut).trimmed();
}

// CWE-79 → its page at MITRE; other words (NVD-CWE-Other) as text.
QString cweHtml(const std::string &cwe)
{
    static const QRegularExpression numbered(QStringLiteral("^CWE-([0-9]{1,7})$"),
                                             QRegularExpression::CaseInsensitiveOption);
    const QString text = qs(cwe);
    const QRegularExpressionMatch m = numbered.match(text);
    if (!m.hasMatch())
        return text.toHtmlEscaped();
    return QStringLiteral("<a href=\"https://cwe.mitre.org/data/definitions/%1.html\">%2</a>")
        .arg(QString::number(m.captured(1).toLongLong()), text.toHtmlEscaped());
}

QString toggleLink(const char *href, const QString &text)
{
    return QStringLiteral("<a href=\"%1\">%2</a>")
        .arg(QLatin1String(href),
             text.toHtmlEscaped().replace(u' ', QStringLiteral("&nbsp;"))); // one piece
}

// Title, description (cut unless `full`) and CWEs, under the heading.
QString advisorySummaryHtml(const AdvisoryDisplay &display)
{
    if (!display.advisory) {
        if (display.unavailable.isEmpty())
            return {};
        return QStringLiteral("<p style='color:gray'><small>%1</small></p>")
            .arg(QObject::tr("Advisory text unavailable: %1")
                     .arg(display.unavailable)
                     .toHtmlEscaped());
    }
    const store::Advisory &a = *display.advisory;
    QString html;
    const QString title = qs(a.title).trimmed();
    const QString description = qs(a.description).trimmed();
    // Some scanners repeat the description as the title.
    const auto bare = [](QString t) {
        while (t.endsWith(u'.'))
            t.chop(1);
        return t.simplified();
    };
    if (!title.isEmpty() && bare(title).compare(bare(description), Qt::CaseInsensitive) != 0)
        html += QStringLiteral("<p style='margin-top:6px;margin-bottom:4px'><b>%1</b></p>")
                    .arg(title.simplified().toHtmlEscaped());
    if (description.isEmpty()) {
        html += QStringLiteral("<p style='color:gray;margin-top:4px'><small>%1</small></p>")
                    .arg(QObject::tr("The imported reports have no description of %1.")
                             .arg(qs(a.id))
                             .toHtmlEscaped());
    } else {
        const QString cut =
            display.fullDescription ? QString() : preview(description, kDescriptionPreview);
        if (!cut.isEmpty())
            html += paragraphsHtml(cut,
                                   QStringLiteral("… ") +
                                       toggleLink(kDescriptionToggleLink, QObject::tr("more")));
        else if (display.fullDescription && !preview(description, kDescriptionPreview).isEmpty())
            html += paragraphsHtml(description,
                                   QStringLiteral(" ") +
                                       toggleLink(kDescriptionToggleLink, QObject::tr("less")));
        else
            html += paragraphsHtml(description, {});
    }
    if (!a.cwes.empty()) {
        QStringList cwes;
        for (const std::string &cwe : a.cwes)
            cwes << cweHtml(cwe);
        html += QStringLiteral("<p style='margin-top:0;margin-bottom:8px'><small><span "
                               "style='color:gray'>%1</span> %2</small></p>")
                    .arg(QObject::tr("Weakness").toHtmlEscaped(), cwes.join(QStringLiteral(" · ")));
    }
    return html;
}

// Aliases, dates and every reference (the first few unless `all`), at the end.
QString advisoryReferencesHtml(const AdvisoryDisplay &display, std::int64_t published)
{
    if (!display.advisory)
        return {};
    const store::Advisory &a = *display.advisory;
    if (a.published)
        published = a.published;
    if (a.aliases.empty() && a.urls.empty() && !published && !a.lastModified)
        return {};
    QString html = QStringLiteral("<h4><a name=\"%1\"></a>%2</h4>")
                       .arg(QLatin1String(kReferencesAnchor), QObject::tr("References"));
    QString rows;
    if (!a.aliases.empty()) {
        QStringList aliases;
        for (const std::string &alias : a.aliases)
            aliases << QStringLiteral("<a href=\"%1\">%2</a>")
                           .arg(advisoryUrl(qs(alias)).toHtmlEscaped(), qs(alias).toHtmlEscaped());
        rows += row(QObject::tr("Aliases"), aliases.join(QStringLiteral(", ")));
    }
    if (published)
        rows += row(QObject::tr("Published"), date(published));
    if (a.lastModified)
        rows += row(QObject::tr("Modified"), date(a.lastModified));
    if (!a.urls.empty()) {
        const int total = int(a.urls.size());
        // Hiding only one or two links saves nothing.
        const int shown =
            display.allReferences || total <= kReferencesPreview + 2 ? total : kReferencesPreview;
        for (int i = 0; i < shown; ++i) {
            const QString reference = qs(a.urls[std::size_t(i)]);
            const QString link = webLink(reference);
            // Anything but http(s) stays grey text: never a javascript:, data: or file: link.
            rows += row(i == 0 ? QObject::tr("Links") : QString(),
                        link.isEmpty() ? QStringLiteral("<span style='color:gray'>%1</span>")
                                             .arg(reference.toHtmlEscaped())
                                       : QStringLiteral("<a href=\"%1\">%2</a>")
                                             .arg(link.toHtmlEscaped(), reference.toHtmlEscaped()));
        }
        if (shown < total)
            rows += row(QString(),
                        toggleLink(kReferencesToggleLink,
                                   QObject::tr("show all %1 references").arg(total)));
        else if (total > kReferencesPreview + 2)
            rows += row(QString(), toggleLink(kReferencesToggleLink, QObject::tr("show fewer")));
    }
    html += QStringLiteral("<table>") + rows + QStringLiteral("</table>");
    return html;
}

// The analyst's decision that covers the finding: state, scope, reason, justification, note,
// owner, expiry. Every text is the analysts' or an imported VEX file's: escaped.
QString decisionHtml(const Workbench &workbench, std::uint32_t f)
{
    const int index = workbench.decisionOf(f);
    if (index < 0)
        return {};
    const store::Decision &d = workbench.decisions()[std::size_t(index)];
    const risk::Facts &facts = workbench.facts();
    QString html = QStringLiteral("<h4>%1</h4><table>").arg(QObject::tr("Triage decision"));
    QString state = QStringLiteral("<b>%1</b>").arg(triageStateLabel(d.state).toHtmlEscaped());
    if (isExpired(d, facts.now))
        state += QStringLiteral(" <span style='color:#c62828;font-weight:bold'>%1</span>")
                     .arg(QObject::tr("expired on %1: open again").arg(date(d.expires)));
    html += row(QObject::tr("State"), state);
    ImageNames names;
    if (d.scope == model::DecisionScope::Digest)
        for (const risk::ImageFacts &image : facts.images)
            if (store::imageIdentity(image.digest, image.name) == d.scopeKey)
                names.emplace(d.scopeKey, QString::fromStdString(image.name));
    html += row(QObject::tr("Scope"),
                QStringLiteral("%1 <b>%2</b>")
                        .arg(decisionScopeLabel(d.scope).toHtmlEscaped(),
                             decisionTargetLabel(d, names).toHtmlEscaped()) +
                    (d.version.empty()
                         ? QString()
                         : QObject::tr(", version %1 only").arg(qs(d.version)).toHtmlEscaped()));
    html += row(QObject::tr("Reason"), esc(d.reason));
    if (!d.justification.empty())
        html += row(QObject::tr("Justification"), esc(d.justification));
    if (!d.note.empty())
        html += row(QObject::tr("Note"), esc(d.note));
    html += row(QObject::tr("Owner"), d.owner.empty() ? QStringLiteral("—") : esc(d.owner));
    if (d.expires > 0)
        html += row(QObject::tr("Expires"), date(d.expires));
    if (d.updatedAt > 0)
        html += row(QObject::tr("Decided"), date(d.updatedAt));
    return html + QStringLiteral("</table>");
}

} // namespace

QString detailsStyleSheet(const QPalette &palette)
{
    // WCAG relative luminance and contrast ratio.
    const auto luminance = [](const QColor &c) {
        const auto channel = [](float v) {
            return v <= 0.03928f ? v / 12.92f : std::pow((v + 0.055f) / 1.055f, 2.4f);
        };
        return 0.2126f * channel(c.redF()) + 0.7152f * channel(c.greenF()) +
               0.0722f * channel(c.blueF());
    };
    const QColor base = palette.color(QPalette::Base);
    QColor link = palette.color(QPalette::Link);
    const float lb = luminance(base), ll = luminance(link);
    if ((std::max(lb, ll) + 0.05f) / (std::min(lb, ll) + 0.05f) < 3.0f)
        link = lb < 0.2f ? QColor(0x8a, 0xb4, 0xf8) : QColor(0x1a, 0x5f, 0xb4);
    return QStringLiteral("a { color: %1; }").arg(link.name());
}

QString webLink(const QString &reference)
{
    const QUrl url(reference.trimmed(), QUrl::TolerantMode);
    if (!url.isValid() || url.host().isEmpty())
        return {};
    const QString scheme = url.scheme(); // lower case
    if (scheme != QLatin1String("http") && scheme != QLatin1String("https"))
        return {};
    // Fully encoded: no quote, angle bracket or space can reach the attribute.
    return QString::fromLatin1(url.toEncoded());
}

QString advisoryUrl(const QString &id)
{
    if (id.startsWith(QStringLiteral("CVE-"), Qt::CaseInsensitive))
        return QStringLiteral("https://nvd.nist.gov/vuln/detail/") + id.toUpper();
    if (id.startsWith(QStringLiteral("GHSA-"), Qt::CaseInsensitive))
        return QStringLiteral("https://github.com/advisories/") + id;
    return QStringLiteral("https://osv.dev/vulnerability/") + id;
}

QString
findingDetailsHtml(const Workbench &workbench, std::uint32_t f, const AdvisoryDisplay &advisory)
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
    // The references are at the end of the pane: a link here jumps to them.
    const std::size_t references = advisory.advisory ? advisory.advisory->urls.size() : 0;
    const QString jump = references ? QStringLiteral(" &nbsp; ") +
                                          toggleLink(kReferencesJumpLink,
                                                     QObject::tr("references (%1)").arg(references))
                                    : QString();
    html += QStringLiteral("<p style='margin-top:0'>%1 &nbsp; risk <b>%2</b> &nbsp; rank <b>%3</b>"
                           " &nbsp; SSVC <b>%4</b> &nbsp; <a href=\"%5\">advisory</a>%6</p>")
                .arg(chip(severityColor(s.severity(f)), severityLabel(s.severity(f))),
                     QString::number(double(r.riskScore), 'f', 2),
                     r.rank ? QString::number(r.rank) : QObject::tr("–"), // not ranked: closed
                     esc(r.decision),
                     // Double-quoted: toHtmlEscaped() escapes " but not '.
                     advisoryUrl(id).toHtmlEscaped(),
                     jump);
    html += advisorySummaryHtml(advisory);
    html += decisionHtml(workbench, f);

    // The score, factor by factor, as bars scaled to each factor's weight.
    html += QStringLiteral("<table cellspacing='0' cellpadding='1' style='margin-top:6px'>");
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
    html += advisoryReferencesHtml(advisory, v.published);
    return html;
}

} // namespace patchwise::ui
