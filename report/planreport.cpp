// SPDX-License-Identifier: GPL-3.0-or-later
#include "planreport.h"

#include "document.h"
#include "risk/policy.h"
#include "style.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <algorithm>
#include <array>
#include <cmath>
#include <set>

namespace patchwise::report {

namespace {

using Style = Document::Style;
using Cell = Document::Cell;

const QColor kText(0x21, 0x21, 0x21);
const QColor kMuted(0x61, 0x61, 0x61);
const QColor kAccent(0x1a, 0x23, 0x7e);

QString qs(std::string_view s)
{
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

QString number(double value, int decimals = 0)
{
    return QLocale::c().toString(value, 'f', decimals);
}

QString count(int value)
{
    return QLocale::c().toString(value);
}

QString date(std::int64_t unix)
{
    return unix > 0 ? QDateTime::fromSecsSinceEpoch(unix, Qt::UTC).toString(Qt::ISODate).left(10)
                    : QStringLiteral("–");
}

QString dateTime(std::int64_t unix)
{
    return unix > 0 ? QDateTime::fromSecsSinceEpoch(unix, Qt::UTC)
                          .toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'"))
                    : QStringLiteral("–");
}

// "1 image", "3 images".
QString counted(int n, const char *one, const char *many)
{
    return count(n) + u' ' + QLatin1String(n == 1 ? one : many);
}

// A finding's fixed versions (stored space separated) as a list.
QString fixedList(const std::string &fixed)
{
    return qs(fixed).split(u' ', Qt::SkipEmptyParts).join(QStringLiteral(", "));
}

QString percent(double part, double whole)
{
    return whole > 0 ? number(100.0 * part / whole, 1) + u'%' : QStringLiteral("–");
}

// "3 critical, 12 high, 1 low" (zero counts left out).
QString bySeverityText(const std::array<int, 5> &counts)
{
    static const char *const names[] = {"critical", "high", "medium", "low", "unknown"};
    QStringList parts;
    for (std::size_t c = 0; c < 5; ++c)
        if (counts[c] > 0)
            parts << count(counts[c]) + u' ' + QLatin1String(names[c]);
    return parts.isEmpty() ? QStringLiteral("none") : parts.join(QStringLiteral(", "));
}

// Per action, facts that the plan does not keep: the earliest SLA due date among its
// findings.
std::int64_t earliestDue(const risk::Scoring &s, const layers::RemediationAction &a)
{
    std::int64_t due = 0;
    for (std::uint32_t f : a.findings) {
        const std::int64_t d = s.slaDue(f);
        if (d > 0 && (due == 0 || d < due))
            due = d;
    }
    return due;
}

QString mitigationTitle(std::string_view name)
{
    if (name == "remove-internet-exposure")
        return QStringLiteral("remove internet exposure");
    if (name == "drop-privileges")
        return QStringLiteral("drop privileges");
    if (name == "run-as-non-root")
        return QStringLiteral("run as non-root");
    return qs(name);
}

QString actionTitle(const risk::Scoring &s, const layers::RemediationAction &a)
{
    const risk::Facts &facts = s.facts();
    switch (a.kind) {
    case layers::ActionKind::BaseImageUpdate: {
        const QString base = a.target.empty()
                                 ? QStringLiteral("the unnamed base (%1 layers)").arg(a.baseLayers)
                                 : qs(a.target);
        return QStringLiteral("Update base image %1").arg(base);
    }
    case layers::ActionKind::PackageUpgrade: {
        QStringList installed;
        for (const std::string &v : a.installedVersions)
            installed << qs(v);
        const QString image =
            a.images.empty() ? QString() : qs(facts.images[a.images.front()].name);
        return QStringLiteral("Upgrade %1 %2 → %3 in %4")
            .arg(qs(a.target), installed.join(QStringLiteral(", ")), qs(a.version), image);
    }
    case layers::ActionKind::NoFix: {
        QStringList mitigations;
        for (std::string_view m : layers::mitigationNames(a.mitigations))
            mitigations << mitigationTitle(m);
        return QStringLiteral("No fix yet in %1%2")
            .arg(qs(a.target),
                 mitigations.isEmpty() ? QStringLiteral(": track")
                                       : QStringLiteral(": mitigate (%1)")
                                             .arg(mitigations.join(QStringLiteral(", "))));
    }
    }
    return {};
}

bool inScope(const std::vector<bool> &scope, std::size_t f)
{
    return scope.empty() || (f < scope.size() && scope[f]);
}

// Counts over the open findings in scope that the plan's totals do not carry.
struct Exposure
{
    std::array<int, 5> kev{}, exposed{}, breached{};
    int kevVulnerabilities = 0;
    std::array<std::array<int, 5>, 5> matrix{}; // NVD row × vendor column
    std::string vendor;
    struct Image
    {
        std::uint32_t image = 0;
        double risk = 0;
        std::array<int, 5> bySeverity{};
        char grade = 'A';
    };
    std::vector<Image> topImages;
};

Exposure exposureOf(const risk::Scoring &s, const std::vector<bool> &scope)
{
    const risk::Facts &facts = s.facts();
    Exposure e;
    e.vendor = s.busiestVendor();
    const std::vector<std::int8_t> cells = s.matrixCells(e.vendor);
    std::set<std::uint32_t> kevVulns;
    std::vector<Exposure::Image> images(facts.images.size());
    for (std::size_t f = 0; f < facts.size(); ++f) {
        if (!s.isOpen(f) || !inScope(scope, f))
            continue;
        const auto column = std::size_t(model::reportColumn(s.severity(f)));
        const risk::ImageFacts &image = facts.images[facts.image[f]];
        if (facts.vulns[facts.vuln[f]].kev) {
            ++e.kev[column];
            kevVulns.insert(facts.vuln[f]);
        }
        if (image.runningContainers > 0 && image.internetExposed)
            ++e.exposed[column];
        if (s.slaBreached(f))
            ++e.breached[column];
        if (f < cells.size() && cells[f] >= 0)
            ++e.matrix[std::size_t(cells[f] / 5)][std::size_t(cells[f] % 5)];
        Exposure::Image &i = images[facts.image[f]];
        i.risk += s.risk(f);
        ++i.bySeverity[column];
    }
    e.kevVulnerabilities = int(kevVulns.size());
    const std::vector<risk::ImageSummary> summaries = s.images();
    for (std::size_t i = 0; i < images.size(); ++i) {
        images[i].image = std::uint32_t(i);
        if (i < summaries.size())
            images[i].grade = summaries[i].grade;
    }
    std::erase_if(images, [](const Exposure::Image &i) { return i.risk <= 0; });
    std::stable_sort(
        images.begin(), images.end(), [](const auto &a, const auto &b) { return a.risk > b.risk; });
    if (images.size() > 12)
        images.resize(12);
    e.topImages = std::move(images);
    return e;
}

void titlePage(Document &doc, const PlanReportInput &in, const Exposure &e)
{
    const risk::Scoring &s = *in.scoring;
    const layers::RemediationPlan &plan = *in.plan;
    doc.space(90);
    doc.drawText(doc.left(),
                 doc.y(),
                 QStringLiteral("Remediation plan"),
                 Document::font(Style::Title),
                 doc.width(),
                 kAccent);
    doc.space(44);
    doc.space(doc.drawText(
        doc.left(), doc.y(), in.workspace, Document::font(Style::Subtitle), doc.width(), kText, 2));
    doc.space(24);

    Document::Table facts(doc, {{QStringLiteral("About this plan"), 1}, {QString(), 2.6}});
    const auto fact = [&](const QString &name, const QString &value) {
        facts.row({Cell{name, kMuted}, Cell{value}});
    };
    fact(QStringLiteral("Workspace"), in.workspace);
    fact(QStringLiteral("Snapshot (newest scan)"), dateTime(in.latestScan));
    fact(QStringLiteral("Analysis time"), dateTime(s.facts().now));
    fact(QStringLiteral("Policy"), qs(s.policy().name));
    fact(QStringLiteral("Scope"),
         in.scopeText.isEmpty() ? QStringLiteral("Every open finding")
                                : QStringLiteral("Open findings matching: %1").arg(in.scopeText));
    fact(QStringLiteral("Generated"),
         dateTime(in.generatedAt) +
             (in.generator.isEmpty() ? QString() : QStringLiteral(" by ") + in.generator));
    doc.space(28);

    // Key figures.
    const layers::PlanTotals &t = plan.totals;
    struct Figure
    {
        QString value, label;
        QColor color;
    };
    int kev = 0;
    for (int k : e.kev)
        kev += k;
    const std::array<Figure, 4> figures{{
        {count(t.openFindings), QStringLiteral("open findings"), kText},
        {count(t.bySeverity[0] + t.bySeverity[1]),
         QStringLiteral("critical and high"),
         severityColumnColor(0)},
        {count(kev), QStringLiteral("known exploited (KEV)"), severityColumnColor(0)},
        {count(t.slaBreaches), QStringLiteral("past their SLA"), severityColumnColor(1)},
    }};
    doc.drawing(70, [&](QPainter &p, double x, double y) {
        const double w = doc.width() / 4;
        for (std::size_t i = 0; i < figures.size(); ++i) {
            const QRectF box(x + double(i) * w + 2, y, w - 4, 62);
            p.setPen(QPen(QColor(0xcf, 0xd8, 0xdc), 0.8));
            p.setBrush(QColor(0xfa, 0xfa, 0xfa));
            p.drawRoundedRect(box, 3, 3);
            p.setFont(doc.drawingFont(Style::Heading1, 20));
            p.setPen(figures[i].color);
            p.drawText(
                box.adjusted(0, 6, 0, -24), Qt::AlignHCenter | Qt::AlignVCenter, figures[i].value);
            p.setFont(doc.drawingFont(Style::Small));
            p.setPen(kMuted);
            p.drawText(box.adjusted(2, 38, -2, -4),
                       Qt::AlignHCenter | Qt::AlignTop | Qt::TextWordWrap,
                       figures[i].label);
        }
    });
    doc.space(10);
    doc.paragraph(QStringLiteral("%1 actions fix %2 of the %3 open findings and remove %4 of "
                                 "%5 risk points (%6).")
                      .arg(count(int(plan.actions.size())))
                      .arg(count(t.fixableFindings))
                      .arg(count(t.openFindings))
                      .arg(number(plan.riskRemovable, 1))
                      .arg(number(t.totalRisk, 1))
                      .arg(percent(plan.riskRemovable, t.totalRisk)),
                  Style::Body,
                  kMuted);
}

void summary(Document &doc, const PlanReportInput &in, const Exposure &e)
{
    const layers::RemediationPlan &plan = *in.plan;
    const layers::PlanTotals &t = plan.totals;
    doc.heading(QStringLiteral("1  Executive summary"));
    int byKind[3] = {0, 0, 0};
    for (const layers::RemediationAction &a : plan.actions)
        ++byKind[int(a.kind)];
    int firstTen = 0;
    double firstTenRisk = 0;
    for (std::size_t i = 0; i < plan.actions.size() && i < 10; ++i) {
        firstTen += plan.actions[i].findingsFixed;
        firstTenRisk +=
            plan.actions[i].kind == layers::ActionKind::NoFix ? 0 : plan.actions[i].riskRemoved;
    }
    doc.paragraph(
        QStringLiteral(
            "The scope holds %1 open findings in %2 images, %3 running containers. The plan "
            "groups them into %4 actions: %5 base-image updates, %6 package upgrades and %7 "
            "groups without a fix yet (with the mitigations that lower their risk). The first "
            "ten actions fix %8 findings and remove %9 risk points (%10 of the total); every "
            "fix together removes %11 (%12).")
            .arg(count(t.openFindings))
            .arg(count(t.images))
            .arg(count(t.runningContainers))
            .arg(count(int(plan.actions.size())))
            .arg(count(byKind[0]))
            .arg(count(byKind[1]))
            .arg(count(byKind[2]))
            .arg(count(firstTen))
            .arg(number(firstTenRisk, 1))
            .arg(percent(firstTenRisk, t.totalRisk))
            .arg(number(plan.riskRemovable, 1))
            .arg(percent(plan.riskRemovable, t.totalRisk)));
    doc.space(4);

    std::vector<Document::Column> columns{{QStringLiteral("Open findings"), 2.2}};
    for (int c = 0; c < 5; ++c)
        columns.push_back({severityColumnLabel(c), 1, Qt::AlignRight});
    columns.push_back({QStringLiteral("Total"), 1, Qt::AlignRight});
    Document::Table table(doc, columns);
    const auto line = [&](const QString &name, const std::array<int, 5> &counts) {
        std::vector<Cell> cells{Cell{name}};
        int total = 0;
        for (int c = 0; c < 5; ++c) {
            cells.push_back(Cell{count(counts[std::size_t(c)]),
                                 counts[std::size_t(c)] > 0 ? severityColumnColor(c) : kMuted});
            total += counts[std::size_t(c)];
        }
        cells.push_back(Cell{count(total), kText, {}, true});
        table.row(cells);
    };
    line(QStringLiteral("By effective severity"), t.bySeverity);
    line(QStringLiteral("Known exploited (KEV)"), e.kev);
    line(QStringLiteral("On internet-exposed containers"), e.exposed);
    line(QStringLiteral("Past their SLA due date"), e.breached);
    doc.space(8);
    doc.paragraph(
        QStringLiteral("%1 distinct known-exploited vulnerabilities; %2 critical findings "
                       "run on internet-exposed containers; %3 findings are past their "
                       "SLA. Total risk %4 (the sum of every open finding's 0–10 score).")
            .arg(count(e.kevVulnerabilities))
            .arg(count(e.exposed[0]))
            .arg(count(t.slaBreaches))
            .arg(number(t.totalRisk, 1)));

    // Grade distribution.
    doc.heading(QStringLiteral("Image health grades"), Style::Heading2, 110);
    doc.paragraph(QStringLiteral("Container Health Index style: A has no unapplied Critical or "
                                 "High fix, F has had one unapplied for too long."),
                  Style::Small,
                  kMuted);
    int maxGrade = 1;
    for (int g : t.grades)
        maxGrade = std::max(maxGrade, g);
    doc.drawing(96, [&](QPainter &p, double x, double y) {
        const double slot = doc.width() / 6, barMax = 64;
        for (int g = 0; g < 6; ++g) {
            const char grade = char('A' + g);
            const double h = barMax * t.grades[std::size_t(g)] / maxGrade;
            const double bx = x + g * slot + slot * 0.2;
            p.fillRect(QRectF(bx, y + barMax - h, slot * 0.6, h), gradeColor(grade));
            p.setPen(kText);
            p.setFont(doc.drawingFont(Style::Body));
            p.drawText(QRectF(bx - 10, y + barMax + 2, slot * 0.6 + 20, 14),
                       Qt::AlignHCenter,
                       QStringLiteral("%1: %2")
                           .arg(QChar::fromLatin1(grade))
                           .arg(t.grades[std::size_t(g)]));
        }
    });
}

void whereTheRiskIs(Document &doc, const PlanReportInput &in, const Exposure &e)
{
    const risk::Scoring &s = *in.scoring;
    doc.heading(QStringLiteral("2  Where the risk is"), Style::Heading1, 250);
    if (!e.vendor.empty()) {
        doc.heading(QStringLiteral("NVD CVSS severity against %1's rating (open findings)")
                        .arg(qs(e.vendor)),
                    Style::Heading2,
                    200);
        int agree = 0, vendorLower = 0, vendorHigher = 0;
        int maxCell = 1;
        for (int r = 0; r < 5; ++r)
            for (int c = 0; c < 5; ++c) {
                const int n = e.matrix[std::size_t(r)][std::size_t(c)];
                maxCell = std::max(maxCell, n);
                if (r == 4 || c == 4)
                    continue;
                (r == c ? agree : c > r ? vendorLower : vendorHigher) += n;
            }
        doc.drawing(190, [&](QPainter &p, double x, double y) {
            const double label = 70, cell = std::min(62.0, (doc.width() - label) / 5), top = 14;
            p.setFont(doc.drawingFont(Style::Small));
            p.setPen(kMuted);
            p.drawText(QRectF(x + label, y, cell * 5, 12),
                       Qt::AlignHCenter,
                       QStringLiteral("%1's rating →").arg(qs(e.vendor)));
            for (int c = 0; c < 5; ++c)
                p.drawText(QRectF(x + label + c * cell, y + top, cell, 12),
                           Qt::AlignHCenter,
                           severityColumnLabel(c));
            for (int r = 0; r < 5; ++r) {
                const double cy = y + top + 14 + r * (cell * 0.5);
                p.setPen(kMuted);
                p.drawText(QRectF(x, cy, label - 6, cell * 0.5),
                           Qt::AlignRight | Qt::AlignVCenter,
                           QStringLiteral("NVD ") + severityColumnLabel(r));
                for (int c = 0; c < 5; ++c) {
                    const int n = e.matrix[std::size_t(r)][std::size_t(c)];
                    const double strength =
                        n == 0 ? 0 : 0.15 + 0.85 * std::sqrt(double(n) / maxCell);
                    const QColor base =
                        r == c ? QColor(0x2e, 0x7d, 0x32) : QColor(0xc6, 0x28, 0x28);
                    QColor fill = QColor::fromRgbF(1 - strength * (1 - base.redF()),
                                                   1 - strength * (1 - base.greenF()),
                                                   1 - strength * (1 - base.blueF()));
                    const QRectF box(x + label + c * cell, cy, cell - 1, cell * 0.5 - 1);
                    p.fillRect(box, fill);
                    p.setPen(strength > 0.55 ? Qt::white : kText);
                    p.drawText(box, Qt::AlignCenter, count(n));
                }
            }
        });
        doc.paragraph(QStringLiteral("Where both rate a finding: they agree on %1, %2 rates lower "
                                     "than NVD on %3 and higher on %4.")
                          .arg(count(agree))
                          .arg(qs(e.vendor))
                          .arg(count(vendorLower))
                          .arg(count(vendorHigher)),
                      Style::Small,
                      kMuted);
    }

    if (!e.topImages.empty()) {
        const double rowH = 16;
        const double height = 34 + rowH * double(e.topImages.size());
        doc.heading(QStringLiteral("Images carrying the most risk"), Style::Heading2, height + 10);
        double maxRisk = 0;
        for (const auto &i : e.topImages)
            maxRisk = std::max(maxRisk, i.risk);
        doc.drawing(height, [&](QPainter &p, double x, double y) {
            const double nameW = doc.width() * 0.46, barW = doc.width() * 0.42;
            p.setFont(doc.drawingFont(Style::Small));
            for (std::size_t k = 0; k < e.topImages.size(); ++k) {
                const auto &i = e.topImages[k];
                const double ry = y + double(k) * rowH;
                const QFontMetricsF metrics(p.font(), p.device());
                p.setPen(kText);
                p.fillRect(QRectF(x, ry + 2, 11, 11), gradeColor(i.grade));
                p.setPen(Qt::white);
                p.drawText(QRectF(x, ry + 2, 11, 11),
                           Qt::AlignCenter,
                           QString(QChar::fromLatin1(i.grade)));
                p.setPen(kText);
                p.drawText(QRectF(x + 15, ry, nameW - 20, rowH),
                           Qt::AlignVCenter | Qt::AlignLeft,
                           metrics.elidedText(
                               qs(s.facts().images[i.image].name), Qt::ElideMiddle, nameW - 20));
                // Stacked by severity, in proportion to each severity's share of the risk.
                int total = 0;
                for (int n : i.bySeverity)
                    total += n;
                double bx = x + nameW;
                const double width = barW * i.risk / maxRisk;
                for (int c = 0; c < 5; ++c) {
                    const double w = total ? width * i.bySeverity[std::size_t(c)] / total : 0;
                    p.fillRect(QRectF(bx, ry + 3, w, rowH - 6), severityColumnColor(c));
                    bx += w;
                }
                p.setPen(kMuted);
                p.drawText(QRectF(bx + 4, ry, doc.width() - (bx - x) - 4, rowH),
                           Qt::AlignVCenter | Qt::AlignLeft,
                           number(i.risk, 1));
            }
            // Legend: what the bar and its colours mean.
            const double ly = y + double(e.topImages.size()) * rowH + 4;
            double lx = x + nameW;
            for (int c = 0; c < 5; ++c) {
                p.fillRect(QRectF(lx, ly + 2, 7, 7), severityColumnColor(c));
                const QString label = severityColumnLabel(c);
                p.setPen(kMuted);
                p.drawText(QPointF(lx + 9, ly + 8.5), label);
                lx += 13 + QFontMetricsF(p.font(), p.device()).horizontalAdvance(label);
            }
            p.drawText(QRectF(x + nameW, ly + 12, doc.width() - nameW, 12),
                       Qt::AlignLeft,
                       QStringLiteral("Length: summed risk of the open findings; colours: "
                                      "their share by severity"));
        });
    }
}

void actionsTable(Document &doc,
                  const PlanReportInput &in,
                  const PlanReportOptions &options,
                  PlanReportStats &stats)
{
    const risk::Scoring &s = *in.scoring;
    const layers::RemediationPlan &plan = *in.plan;
    doc.newPage();
    doc.heading(QStringLiteral("3  Actions, in order"));
    doc.paragraph(QStringLiteral("Actions that fix findings past their SLA come first, then by "
                                 "the risk they remove. Risk removed by a group without a fix is "
                                 "what its mitigations would take off. Due: the earliest SLA "
                                 "due date among the action's findings."),
                  Style::Small,
                  kMuted);
    Document::Table table(doc,
                          {{QStringLiteral("#"), 0.45, Qt::AlignRight},
                           {QStringLiteral("Action"), 4.2},
                           {QStringLiteral("Fixes C/H/M/L/U"), 1.35},
                           {QStringLiteral("Images"), 0.95, Qt::AlignRight},
                           {QStringLiteral("Running"), 1.05, Qt::AlignRight},
                           {QStringLiteral("Risk removed"), 1.1, Qt::AlignRight},
                           {QStringLiteral("Due"), 1.35},
                           {QStringLiteral("Past SLA"), 0.9, Qt::AlignRight}},
                          3);
    const int listed = std::min<int>(int(plan.actions.size()), std::max(0, options.listedActions));
    for (int i = 0; i < listed; ++i) {
        const layers::RemediationAction &a = plan.actions[std::size_t(i)];
        QStringList split;
        for (int c : a.bySeverity)
            split << count(c);
        const std::int64_t due = earliestDue(s, a);
        table.row(
            {Cell{count(int(a.rank))},
             Cell{actionTitle(s, a)},
             Cell{split.join(u'/')},
             Cell{count(int(a.images.size()))},
             Cell{count(a.runningContainers)},
             Cell{number(a.riskRemoved, 1)},
             Cell{date(due), due > 0 && due < s.facts().now ? severityColumnColor(0) : kText},
             Cell{count(a.slaBreaches), a.slaBreaches > 0 ? severityColumnColor(0) : kMuted}});
    }
    stats.actionsListed = listed;
    if (std::size_t(listed) < plan.actions.size())
        doc.paragraph(QStringLiteral("… and %1 more actions (the plan as CSV lists every one: "
                                     "patchwise-cli plan --format csv).")
                          .arg(count(int(plan.actions.size()) - listed)),
                      Style::Small,
                      kMuted);
}

void actionDetails(Document &doc,
                   const PlanReportInput &in,
                   const PlanReportOptions &options,
                   PlanReportStats &stats)
{
    const risk::Scoring &s = *in.scoring;
    const risk::Facts &facts = s.facts();
    const layers::RemediationPlan &plan = *in.plan;
    const int detailed =
        std::min<int>(int(plan.actions.size()), std::max(0, options.detailedActions));
    stats.actionsDetailed = detailed;
    if (detailed == 0)
        return;
    doc.newPage();
    doc.heading(QStringLiteral("4  Action details"));
    if (std::size_t(detailed) < plan.actions.size())
        doc.paragraph(QStringLiteral("The first %1 actions, each with the findings it fixes "
                                     "(highest risk first).")
                          .arg(detailed),
                      Style::Small,
                      kMuted);
    for (int i = 0; i < detailed; ++i) {
        const layers::RemediationAction &a = plan.actions[std::size_t(i)];
        doc.heading(
            QStringLiteral("#%1  %2").arg(a.rank).arg(actionTitle(s, a)), Style::Heading2, 80);
        QString what;
        if (a.kind == layers::ActionKind::NoFix) {
            what = QStringLiteral("Groups %1 findings without a fix (%2). ")
                       .arg(count(int(a.findings.size())), bySeverityText(a.bySeverity));
            what += a.mitigations
                        ? QStringLiteral("The mitigations would remove %1 risk points.")
                              .arg(number(a.riskRemoved, 2))
                        : QStringLiteral("No mitigation applies: track until a fix ships.");
        } else {
            what = QStringLiteral("Fixes %1 (%2) in %3 with %4 and removes %5 risk points. %6 "
                                  "past their SLA; earliest due %7.")
                       .arg(counted(a.findingsFixed, "finding", "findings"),
                            bySeverityText(a.bySeverity))
                       .arg(counted(int(a.images.size()), "image", "images"))
                       .arg(counted(a.runningContainers, "running container", "running containers"))
                       .arg(number(a.riskRemoved, 2))
                       .arg(count(a.slaBreaches))
                       .arg(date(earliestDue(s, a)));
        }
        if (a.kind == layers::ActionKind::BaseImageUpdate) {
            what += QStringLiteral(" Base found by %1 (%2 confidence)")
                        .arg(qs(a.detectedBy), qs(a.confidence));
            if (!a.targetDigest.empty())
                what += QStringLiteral(", current digest %1").arg(qs(a.targetDigest));
            what += u'.';
            QStringList images;
            for (std::size_t k = 0; k < a.images.size() && k < 8; ++k)
                images << qs(facts.images[a.images[k]].name);
            if (a.images.size() > 8)
                images << QStringLiteral("%1 more").arg(a.images.size() - 8);
            what += QStringLiteral(" Rebuild: %1.").arg(images.join(QStringLiteral(", ")));
        }
        doc.paragraph(what, Style::Small, kText);

        std::vector<std::uint32_t> findings = a.findings;
        std::stable_sort(findings.begin(), findings.end(), [&](auto x, auto y) {
            return s.rank(x) < s.rank(y);
        });
        Document::Table table(doc,
                              {{QStringLiteral("Vulnerability"), 1.5},
                               {QStringLiteral("Severity"), 0.9},
                               {QStringLiteral("Risk"), 0.55, Qt::AlignRight},
                               {QStringLiteral("Package"), 1.35},
                               {QStringLiteral("Installed → fixed"), 1.85},
                               {QStringLiteral("Image"), 2.2},
                               {QStringLiteral("SLA due"), 1.15}},
                              2);
        const std::size_t shown = std::min<std::size_t>(
            findings.size(), std::size_t(std::max(0, options.findingsPerAction)));
        for (std::size_t k = 0; k < shown; ++k) {
            const std::uint32_t f = findings[k];
            const std::string &fixed = facts.strings[facts.fixedVersions[f]];
            const std::int64_t due = s.slaDue(f);
            const risk::VulnFacts &v = facts.vulns[facts.vuln[f]];
            table.row({Cell{qs(v.id) + (v.kev ? QStringLiteral(" (KEV)") : QString()),
                            v.kev ? severityColumnColor(0) : kText},
                       Cell{severityLabel(s.severity(f)), severityColor(s.severity(f))},
                       Cell{number(s.risk(f), 2)},
                       Cell{qs(facts.strings[facts.package[f]])},
                       Cell{qs(facts.strings[facts.version[f]]) +
                            (fixed.empty() ? QString() : QStringLiteral(" → ") + fixedList(fixed))},
                       Cell{qs(facts.images[facts.image[f]].name)},
                       Cell{date(due), s.slaBreached(f) ? severityColumnColor(0) : kText}});
        }
        if (shown < findings.size())
            doc.paragraph(QStringLiteral("… and %1 more findings (export the triage table "
                                         "filtered to this action as CSV for all).")
                              .arg(count(int(findings.size() - shown))),
                          Style::Small,
                          kMuted);
        doc.space(6);
    }
}

void appendix(Document &doc, const PlanReportInput &in)
{
    const risk::Policy &policy = in.scoring->policy();
    doc.newPage();
    doc.heading(QStringLiteral("Appendix: the policy behind this ranking"));
    doc.paragraph(QStringLiteral("Each finding's risk is the sum of nine factors, each scaled "
                                 "to its weight (the most it can add). The same workspace, "
                                 "policy file and scope reproduce this plan: patchwise-cli plan "
                                 "--db WORKSPACE --policy policy.json%1 --format pdf --out "
                                 "plan.pdf.")
                      .arg(in.scopeText.isEmpty()
                               ? QString()
                               : QStringLiteral(" --filter '%1'").arg(in.scopeText)));
    {
        Document::Table weights(doc,
                                {{QStringLiteral("Factor"), 2},
                                 {QStringLiteral("Weight (points)"), 1, Qt::AlignRight}});
        for (int k = 0; k < risk::FactorCount; ++k)
            weights.row({factorTitle(risk::Factor(k)), number(policy.weights[std::size_t(k)], 2)});
    }
    doc.space(8);
    {
        static const char *const modes[] = {"vendor first (the OS vendor or GHSA, then the "
                                            "scanner, then NVD)",
                                            "NVD first",
                                            "the highest rating of any source",
                                            "sources in the listed order"};
        QStringList sources;
        for (const std::string &source : policy.severitySources)
            sources << qs(source);
        Document::Table settings(
            doc, {{QStringLiteral("Setting"), 1.3}, {QStringLiteral("Value"), 2.7}});
        settings.row(
            {QStringLiteral("Effective severity"),
             QString(
                 QLatin1String(modes[std::min<std::size_t>(std::size_t(policy.severityMode), 3)]) +
                 (sources.isEmpty() ? QString()
                                    : QStringLiteral(": ") + sources.join(QStringLiteral(", "))))});
        QStringList sla;
        static constexpr model::Severity order[] = {model::Severity::Critical,
                                                    model::Severity::High,
                                                    model::Severity::Medium,
                                                    model::Severity::Low,
                                                    model::Severity::Unknown};
        for (model::Severity sev : order)
            sla << QStringLiteral("%1 %2 days")
                       .arg(severityLabel(sev))
                       .arg(policy.slaDays[std::size_t(sev)]);
        settings.row({QStringLiteral("SLA"),
                      QString(sla.join(QStringLiteral(", ")) +
                              (policy.slaKevDueDate ? QStringLiteral("; KEV due dates cap it")
                                                    : QString()))});
        settings.row({QStringLiteral("EPSS for SSVC proof of concept"),
                      number(policy.epssProofOfConcept, 3)});
        QStringList env;
        for (const risk::EnvironmentalOverride &o : policy.environmental) {
            QStringList metrics;
            for (const auto &[metric, value] : o.metrics)
                metrics << qs(metric) + u':' + qs(value);
            const QString scope = o.scope == risk::EnvironmentalOverride::Scope::Fleet
                                      ? QStringLiteral("fleet")
                                  : o.scope == risk::EnvironmentalOverride::Scope::Namespace
                                      ? QStringLiteral("namespace ") + qs(o.value)
                                      : QStringLiteral("image ") + qs(o.value);
            env << scope + QStringLiteral(": ") + metrics.join(u'/');
        }
        settings.row({QStringLiteral("Environmental CVSS overrides"),
                      env.isEmpty() ? QStringLiteral("none") : env.join(QStringLiteral("; "))});
    }
    doc.heading(QStringLiteral("Policy file (JSON; load it with --policy)"), Style::Heading2, 80);
    doc.paragraph(QString::fromStdString(risk::policyToJson(policy)), Style::Mono, kText);
}

void layOut(Document &doc,
            const PlanReportInput &in,
            const PlanReportOptions &options,
            PlanReportStats &stats)
{
    const Exposure e = exposureOf(*in.scoring, in.scope);
    titlePage(doc, in, e);
    doc.newPage();
    summary(doc, in, e);
    whereTheRiskIs(doc, in, e);
    actionsTable(doc, in, options, stats);
    actionDetails(doc, in, options, stats);
    appendix(doc, in);
    stats.pages = doc.page();
}

} // namespace

PlanReportStats paintPlanReport(QPagedPaintDevice &device,
                                const PlanReportInput &input,
                                const PlanReportOptions &options)
{
    device.setPageLayout(
        QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait, QMarginsF(0, 0, 0, 0)));
    const Document::Chrome chrome{
        QStringLiteral("Remediation plan · %1").arg(input.workspace),
        dateTime(input.scoring->facts().now),
        input.generator.isEmpty() ? QStringLiteral("Patchwise") : input.generator,
    };
    PlanReportStats dry;
    {
        Document doc(device, nullptr, chrome, 0);
        layOut(doc, input, options, dry);
    }
    PlanReportStats stats;
    QPainter painter;
    if (!painter.begin(&device))
        return {};
    painter.setRenderHint(QPainter::Antialiasing);
    Document doc(device, &painter, chrome, dry.pages);
    layOut(doc, input, options, stats);
    painter.end();
    return stats;
}

Result<PlanReportStats>
writePlanPdf(const QString &path, const PlanReportInput &input, const PlanReportOptions &options)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Unexpected{
            QString(path + QStringLiteral(": cannot write: ") + file.errorString()).toStdString()};
    PlanReportStats stats;
    {
        QPdfWriter writer(&file);
        writer.setResolution(72); // one device pixel per point
        writer.setTitle(QStringLiteral("Remediation plan · %1").arg(input.workspace));
        writer.setCreator(input.generator.isEmpty() ? QStringLiteral("Patchwise")
                                                    : input.generator);
        stats = paintPlanReport(writer, input, options);
    }
    if (stats.pages == 0) {
        file.cancelWriting();
        return Unexpected{
            QString(path + QStringLiteral(": the PDF could not be rendered")).toStdString()};
    }
    if (!file.commit())
        return Unexpected{
            QString(path + QStringLiteral(": cannot write: ") + file.errorString()).toStdString()};
    return stats;
}

} // namespace patchwise::report
