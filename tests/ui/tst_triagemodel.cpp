// SPDX-License-Identifier: GPL-3.0-or-later
// TriageModel over a real Workbench loaded from a synthetic workspace: model invariants
// (QAbstractItemModelTester) through load, sort, filter, restriction and rescore, and the
// rows checked against the scoring and the facts.
#include "risk/policy.h"
#include "triagemodel.h"
#include "workbench.h"
#include "workbenchfixture.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>
#include <algorithm>
#include <limits>
#include <set>

using namespace patchwise;
using ui::TriageModel;
using ui::Workbench;
namespace wf = workbenchfixture;

namespace {

// A workbench and its model, with the model tester attached before the first load so it
// watches every reset.
struct Loaded
{
    Workbench workbench;
    TriageModel model{&workbench};
    QAbstractItemModelTester tester{&model, QAbstractItemModelTester::FailureReportingMode::QtTest};

    bool open(const QString &path)
    {
        QSignalSpy loaded(&workbench, &Workbench::loaded);
        QSignalSpy failed(&workbench, &Workbench::failed);
        workbench.open(path, risk::Policy{}, wf::kNow);
        if (!loaded.wait(10000) && loaded.isEmpty()) {
            qWarning("not loaded: %s",
                     failed.isEmpty() ? "timeout" : qPrintable(failed.at(0).at(0).toString()));
            return false;
        }
        return true;
    }

    std::vector<std::uint32_t> rows() const
    {
        std::vector<std::uint32_t> out;
        for (int r = 0; r < model.rowCount(); ++r) {
            out.push_back(model.findingAt(r));
            // The finding role and findingAt() agree.
            if (model.index(r, 0).data(TriageModel::FindingRole).toUInt() != out.back())
                qWarning("FindingRole differs from findingAt() at row %d", r);
        }
        return out;
    }

    // Open findings (per the scoring), in rank order.
    std::vector<std::uint32_t> openInRankOrder() const
    {
        const risk::Scoring &s = workbench.scoring();
        std::vector<std::uint32_t> out;
        for (std::uint32_t f = 0; f < s.size(); ++f)
            if (s.isOpen(f))
                out.push_back(f);
        std::sort(out.begin(), out.end(), [&](auto a, auto b) { return s.rank(a) < s.rank(b); });
        return out;
    }
};

QString text(const TriageModel &model, int row, int column)
{
    return model.index(row, column).data().toString();
}

} // namespace

class TestTriageModel : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_db;

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        m_db = wf::buildWorkspace(m_dir);
        QVERIFY(!m_db.isEmpty());
    }

    void loadShowsOpenFindingsInRankOrder()
    {
        Loaded l;
        QCOMPARE(l.model.rowCount(), 0); // nothing open yet
        QVERIFY(l.open(m_db));
        const risk::Scoring &s = l.workbench.scoring();
        const risk::Facts &facts = l.workbench.facts();

        // The fixture: 7 images × 7 vulnerabilities + 1 suppressed finding; 1 of them
        // resolved by the re-scan and 1 suppressed, so 48 open.
        QCOMPARE(int(facts.size()), 50);
        QCOMPARE(l.model.totalFindings(), 50);
        int open = 0, resolved = 0, suppressed = 0;
        for (std::size_t f = 0; f < facts.size(); ++f) {
            open += s.isOpen(f);
            resolved += facts.resolvedAt[f] != 0;
            suppressed += (facts.flags[f] & risk::Suppressed) != 0;
        }
        QCOMPARE(resolved, 1);
        QCOMPARE(suppressed, 1);
        QCOMPARE(open, 48);
        QCOMPARE(l.model.rowCount(), open);
        QCOMPARE(l.model.columnCount(), int(TriageModel::ColumnCount));
        QCOMPARE(
            l.model.headerData(TriageModel::RankChange, Qt::Horizontal, Qt::DisplayRole).toString(),
            QStringLiteral("Δ"));

        // Default order: rank ascending, the ranks 1..n with open findings first.
        QCOMPARE(l.rows(), l.openInRankOrder());
        for (int r = 0; r < l.model.rowCount(); ++r)
            QCOMPARE(text(l.model, r, TriageModel::Rank), QString::number(r + 1));
        // Nothing moved yet: the Δ column is empty everywhere.
        for (int r = 0; r < l.model.rowCount(); ++r)
            QVERIFY(text(l.model, r, TriageModel::RankChange).isEmpty());
        // Display cells come from the facts.
        for (int r = 0; r < l.model.rowCount(); ++r) {
            const std::uint32_t f = l.model.findingAt(r);
            QCOMPARE(text(l.model, r, TriageModel::Vulnerability),
                     QString::fromStdString(facts.vulns[facts.vuln[f]].id));
            QCOMPARE(text(l.model, r, TriageModel::Package),
                     QString::fromStdString(facts.strings[facts.package[f]]));
            QCOMPARE(text(l.model, r, TriageModel::Image),
                     QString::fromStdString(facts.images[facts.image[f]].name));
            QCOMPARE(text(l.model, r, TriageModel::Kev).isEmpty(), !facts.vulns[facts.vuln[f]].kev);
        }
    }

    void filterSeverityAtLeastHigh()
    {
        Loaded l;
        QVERIFY(l.open(m_db));
        const risk::Scoring &s = l.workbench.scoring();
        const auto error = l.model.setFilterText(QStringLiteral("severity >= high"));
        QVERIFY2(!error, error ? qPrintable(*error) : "");
        QCOMPARE(l.model.filterText(), QStringLiteral("severity >= high"));

        std::vector<std::uint32_t> expected;
        for (std::uint32_t f : l.openInRankOrder())
            if (s.severity(f) == model::Severity::High ||
                s.severity(f) == model::Severity::Critical)
                expected.push_back(f);
        QVERIFY(!expected.empty());
        QVERIFY(int(expected.size()) < l.model.totalFindings());
        QCOMPARE(l.rows(), expected);
        for (int r = 0; r < l.model.rowCount(); ++r) {
            const QString sev = text(l.model, r, TriageModel::Severity).toLower();
            QVERIFY2(sev == QLatin1String("high") || sev == QLatin1String("critical"),
                     qPrintable(sev));
        }

        // Clearing the filter gives every open finding back.
        QVERIFY(!l.model.setFilterText(QString()));
        QCOMPARE(l.rows(), l.openInRankOrder());
    }

    void badFilterKeepsRows()
    {
        Loaded l;
        QVERIFY(l.open(m_db));
        QVERIFY(!l.model.setFilterText(QStringLiteral("kev")));
        const std::vector<std::uint32_t> before = l.rows();
        QVERIFY(!before.empty());
        QSignalSpy resets(&l.model, &QAbstractItemModel::modelReset);
        const auto error = l.model.setFilterText(QStringLiteral("severity >>"));
        QVERIFY(error);
        QVERIFY2(error->startsWith(QStringLiteral("column")), qPrintable(*error));
        QCOMPARE(l.rows(), before);
        QCOMPARE(resets.count(), 0);
        QCOMPARE(l.model.filterText(), QStringLiteral("kev")); // the last good filter
    }

    void sortByRiskDescending()
    {
        Loaded l;
        QVERIFY(l.open(m_db));
        const risk::Scoring &s = l.workbench.scoring();
        l.model.sort(TriageModel::Risk, Qt::DescendingOrder);
        QCOMPARE(l.model.sortColumn(), int(TriageModel::Risk));
        const auto rows = l.rows();
        QCOMPARE(int(rows.size()), 48);
        std::set<float> distinct;
        for (std::size_t i = 0; i < rows.size(); ++i) {
            distinct.insert(s.risk(rows[i]));
            if (i > 0)
                QVERIFY2(s.risk(rows[i - 1]) >= s.risk(rows[i]),
                         qPrintable(QStringLiteral("row %1: %2 < %3")
                                        .arg(i)
                                        .arg(s.risk(rows[i - 1]))
                                        .arg(s.risk(rows[i]))));
            QCOMPARE(text(l.model, int(i), TriageModel::Risk),
                     QString::number(double(s.risk(rows[i])), 'f', 2));
        }
        QVERIFY(distinct.size() > 3); // the fixture does spread the scores
        // Same rows as before, only reordered.
        auto sorted = rows;
        auto open = l.openInRankOrder();
        std::sort(sorted.begin(), sorted.end());
        std::sort(open.begin(), open.end());
        QCOMPARE(sorted, open);
    }

    void sortByPackageAscending()
    {
        Loaded l;
        QVERIFY(l.open(m_db));
        l.model.sort(TriageModel::Package, Qt::AscendingOrder);
        QCOMPARE(l.model.rowCount(), 48);
        bool caseMatters = false; // some neighbours would be out of order case-sensitively
        for (int r = 1; r < l.model.rowCount(); ++r) {
            const QString a = text(l.model, r - 1, TriageModel::Package);
            const QString b = text(l.model, r, TriageModel::Package);
            QVERIFY2(a.toLower() <= b.toLower(), qPrintable(a + QStringLiteral(" > ") + b));
            caseMatters |= a > b;
        }
        QVERIFY(caseMatters); // "Apache-Commons" … "bash" … "PCRE2" … "Zlib"
        QCOMPARE(text(l.model, 0, TriageModel::Package), QStringLiteral("Apache-Commons"));
        QCOMPARE(text(l.model, l.model.rowCount() - 1, TriageModel::Package),
                 QStringLiteral("Zlib"));
        // Descending reverses it.
        l.model.sort(TriageModel::Package, Qt::DescendingOrder);
        QCOMPARE(text(l.model, 0, TriageModel::Package), QStringLiteral("Zlib"));
        for (int r = 1; r < l.model.rowCount(); ++r)
            QVERIFY(text(l.model, r - 1, TriageModel::Package).toLower() >=
                    text(l.model, r, TriageModel::Package).toLower());
    }

    void sortBySlaDueAscending()
    {
        Loaded l;
        QVERIFY(l.open(m_db));
        const risk::Scoring &s = l.workbench.scoring();
        l.model.sort(TriageModel::SlaDue, Qt::AscendingOrder);
        const auto rows = l.rows();
        QCOMPARE(int(rows.size()), 48);
        const auto key = [&](std::uint32_t f) {
            return s.slaDue(f) ? s.slaDue(f) : std::numeric_limits<std::int64_t>::max();
        };
        std::set<std::int64_t> distinct;
        for (std::size_t i = 0; i < rows.size(); ++i) {
            distinct.insert(key(rows[i]));
            if (i > 0)
                QVERIFY(key(rows[i - 1]) <= key(rows[i]));
            // The cell shows the due date (yyyy-MM-dd sorts as text too).
            const QString cell = text(l.model, int(i), TriageModel::SlaDue);
            if (s.slaDue(rows[i]))
                QCOMPARE(cell,
                         QDateTime::fromSecsSinceEpoch(s.slaDue(rows[i]), Qt::UTC)
                             .toString(QStringLiteral("yyyy-MM-dd")));
            if (i > 0 && !cell.isEmpty())
                QVERIFY(text(l.model, int(i) - 1, TriageModel::SlaDue) <= cell);
        }
        QVERIFY(distinct.size() >= 3); // critical 7 days, high 30, medium 90, low 120
    }

    void showClosedAddsResolvedAndSuppressed()
    {
        Loaded l;
        QVERIFY(l.open(m_db));
        const risk::Scoring &s = l.workbench.scoring();
        const risk::Facts &facts = l.workbench.facts();
        const auto open = l.rows();
        QSignalSpy rebuilt(&l.model, &TriageModel::rowsRebuilt);
        l.model.setShowClosed(true);
        QCOMPARE(rebuilt.count(), 1);
        QCOMPARE(rebuilt.at(0).at(0).toInt(), 50);
        QCOMPARE(rebuilt.at(0).at(1).toInt(), 50);
        const auto all = l.rows();
        QCOMPARE(int(all.size()), int(facts.size()));
        std::vector<std::uint32_t> added;
        for (std::uint32_t f : all)
            if (std::find(open.begin(), open.end(), f) == open.end())
                added.push_back(f);
        QCOMPARE(int(added.size()), 2);
        QStringList ids;
        for (std::uint32_t f : added) {
            QVERIFY(!s.isOpen(f));
            QVERIFY(facts.resolvedAt[f] != 0 || (facts.flags[f] & risk::Suppressed));
            ids << QString::fromStdString(facts.vulns[facts.vuln[f]].id);
            // Closed findings rank after every open one.
            QVERIFY(s.rank(f) > 48);
        }
        ids.sort();
        QCOMPARE(ids,
                 (QStringList{QStringLiteral("CVE-2025-0001"), QStringLiteral("CVE-2025-0099")}));
        // Still in rank order: 1..50.
        for (int r = 0; r < l.model.rowCount(); ++r)
            QCOMPARE(text(l.model, r, TriageModel::Rank), QString::number(r + 1));
        l.model.setShowClosed(false);
        QCOMPARE(l.rows(), open);
    }

    void restrictionShowsExactlyThoseFindings()
    {
        Loaded l;
        QVERIFY(l.open(m_db));
        const auto open = l.openInRankOrder();
        QVERIFY(open.size() > 20);
        // Two open findings, given out of rank order.
        const std::uint32_t a = open[17], b = open[3];
        l.model.setRestriction({a, b}, QStringLiteral("two findings"));
        QCOMPARE(l.model.restrictionLabel(), QStringLiteral("two findings"));
        QCOMPARE(l.rows(), (std::vector<std::uint32_t>{b, a})); // rank order
        QCOMPARE(l.model.rowOf(a), 1);
        QCOMPARE(l.model.rowOf(open[0]), -1);
        // A filter applies on top of the restriction.
        QVERIFY(!l.model.setFilterText(QStringLiteral("rank <= 10")));
        QCOMPARE(l.rows(), (std::vector<std::uint32_t>{b}));
        QVERIFY(!l.model.setFilterText(QString()));
        // Sorting keeps the restriction.
        l.model.sort(TriageModel::Rank, Qt::DescendingOrder);
        QCOMPARE(l.rows(), (std::vector<std::uint32_t>{a, b}));
        l.model.clearRestriction();
        QVERIFY(l.model.restrictionLabel().isEmpty());
        QCOMPARE(l.model.rowCount(), 48);
    }

    void rescoreReranks()
    {
        Loaded l;
        QVERIFY(l.open(m_db));
        const risk::Facts &facts = l.workbench.facts();
        const std::size_t n = facts.size();
        std::vector<std::uint32_t> before(n);
        for (std::size_t f = 0; f < n; ++f)
            before[f] = l.workbench.scoring().rank(f);
        // A restriction and a filter survive the rescore.
        QVERIFY(!l.model.setFilterText(QStringLiteral("not privileged")));

        // KEV dominates, internet exposure counts for nothing. The weights still add up to
        // 10: a KEV finding scores at least 0.8 × 6 = 4.8, any other at most
        // 0.25 + 0.5 (no EPSS here: 0) + 0.75 + 1 + 0.5 + 0.5 + 0.5 = 3.5.
        risk::Policy policy = l.workbench.policy();
        policy.weights[std::size_t(risk::Factor::Severity)] = 0.25;
        policy.weights[std::size_t(risk::Factor::KnownExploited)] = 6;
        policy.weights[std::size_t(risk::Factor::InternetExposure)] = 0;
        QCOMPARE(policy.weightSum(), 10.0);
        QSignalSpy rescored(&l.workbench, &Workbench::rescored);
        QSignalSpy resets(&l.model, &QAbstractItemModel::modelReset);
        l.workbench.setPolicy(policy);
        QVERIFY(rescored.wait(10000));
        QVERIFY(resets.count() >= 1);
        QCOMPARE(l.workbench.policy().weights, policy.weights);
        const risk::Scoring &s = l.workbench.scoring();
        QCOMPARE(s.policy().weights, policy.weights);

        // The filter still applies, in the new rank order.
        QCOMPARE(l.model.filterText(), QStringLiteral("not privileged"));
        std::vector<std::uint32_t> expected;
        for (std::uint32_t f : l.openInRankOrder()) {
            const risk::ImageFacts &image = facts.images[facts.image[f]];
            if (!(image.runningContainers > 0 && (image.privileged || image.hostNamespace)))
                expected.push_back(f);
        }
        QVERIFY(!expected.empty() && expected.size() < 48); // images 2 and 5 are out
        QCOMPARE(l.rows(), expected);
        QVERIFY(!l.model.setFilterText(QString()));

        // Rank order, ranks 1..n; no internet-exposure points any more; the KEV findings
        // (CVE-2025-0002, CVE-2025-0007) now lead.
        const auto rows = l.rows();
        QCOMPARE(int(rows.size()), 48);
        int kevOpen = 0;
        for (std::size_t f = 0; f < n; ++f)
            kevOpen += s.isOpen(f) && facts.vulns[facts.vuln[f]].kev;
        QVERIFY(kevOpen > 0);
        for (int r = 0; r < int(rows.size()); ++r) {
            const std::uint32_t f = rows[std::size_t(r)];
            QCOMPARE(text(l.model, r, TriageModel::Rank), QString::number(r + 1));
            QCOMPARE(s.rank(f), std::uint32_t(r + 1));
            const risk::Breakdown b = s.breakdown(f);
            QCOMPARE(b[std::size_t(risk::Factor::InternetExposure)], 0.0f);
            const bool kev = facts.vulns[facts.vuln[f]].kev;
            QCOMPARE(kev, r < kevOpen);
            if (kev)
                QVERIFY(b[std::size_t(risk::Factor::KnownExploited)] >= 4.8f - 1e-3f);
            else
                QCOMPARE(b[std::size_t(risk::Factor::KnownExploited)], 0.0f);
        }

        // Δ = saved rank − rank: ▲ moved up, ▼ down, empty when unchanged.
        int changed = 0, up = 0, down = 0;
        for (int r = 0; r < int(rows.size()); ++r) {
            const std::uint32_t f = rows[std::size_t(r)];
            QCOMPARE(l.workbench.savedRank(f), before[f]);
            const qint64 change = qint64(before[f]) - qint64(r + 1);
            const QString cell = text(l.model, r, TriageModel::RankChange);
            if (change == 0) {
                QVERIFY2(cell.isEmpty(), qPrintable(cell));
                continue;
            }
            ++changed;
            (change > 0 ? up : down) += 1;
            const QString want =
                change > 0 ? QStringLiteral("▲%1").arg(change) : QStringLiteral("▼%1").arg(-change);
            QCOMPARE(cell, want);
        }
        QVERIFY(changed > 0);
        QVERIFY(up > 0);
        QVERIFY(down > 0);

        // Sorting by Δ (descending) puts the biggest climbers first.
        l.model.sort(TriageModel::RankChange, Qt::DescendingOrder);
        for (int r = 1; r < l.model.rowCount(); ++r) {
            const auto delta = [&](int row) {
                const std::uint32_t f = l.model.findingAt(row);
                return qint64(before[f]) - qint64(s.rank(f));
            };
            QVERIFY(delta(r - 1) >= delta(r));
        }

        // Saving the policy makes the new ranks the reference: Δ empties.
        QSignalSpy again(&l.workbench, &Workbench::rescored);
        l.workbench.markPolicySaved();
        QCOMPARE(again.count(), 1);
        for (int r = 0; r < l.model.rowCount(); ++r)
            QVERIFY(text(l.model, r, TriageModel::RankChange).isEmpty());
    }

    void restrictionSurvivesRescore()
    {
        Loaded l;
        QVERIFY(l.open(m_db));
        const auto open = l.openInRankOrder();
        const std::uint32_t a = open[0], b = open[40];
        l.model.setRestriction({a, b}, QStringLiteral("cell"));
        risk::Policy policy = l.workbench.policy();
        policy.weights[std::size_t(risk::Factor::InternetExposure)] = 0;
        QSignalSpy rescored(&l.workbench, &Workbench::rescored);
        l.workbench.setPolicy(policy);
        QVERIFY(rescored.wait(10000));
        auto rows = l.rows();
        std::sort(rows.begin(), rows.end());
        auto want = std::vector<std::uint32_t>{a, b};
        std::sort(want.begin(), want.end());
        QCOMPARE(rows, want);
        QCOMPARE(l.model.restrictionLabel(), QStringLiteral("cell"));
    }

    void coalescedPolicyEditsEndOnTheLast()
    {
        Loaded l;
        QVERIFY(l.open(m_db));
        QSignalSpy rescored(&l.workbench, &Workbench::rescored);
        risk::Policy last = l.workbench.policy();
        for (int i = 1; i <= 5; ++i) {
            risk::Policy p = last;
            p.weights[std::size_t(risk::Factor::KnownExploited)] = 0.5 * i;
            p.weights[std::size_t(risk::Factor::Severity)] = 5.0 - 0.5 * i;
            l.workbench.setPolicy(p);
            if (i == 5)
                last = p;
        }
        QTRY_VERIFY_WITH_TIMEOUT(!l.workbench.isRescoring() && rescored.count() >= 1, 10000);
        QTest::qWait(50); // any queued follow-up
        QTRY_VERIFY_WITH_TIMEOUT(!l.workbench.isRescoring(), 10000);
        QCOMPARE(l.workbench.policy().weights, last.weights);
        QCOMPARE(l.workbench.scoring().policy().weights, last.weights);
        for (int r = 0; r < l.model.rowCount(); ++r)
            QCOMPARE(text(l.model, r, TriageModel::Rank), QString::number(r + 1));
    }

    // The double-buffered what-if path (first a fresh computation into the back buffer,
    // then rescore() reusing the old front) scores exactly like a fresh computation.
    void rescoreMatchesFreshCompute()
    {
        Loaded l;
        QVERIFY(l.open(m_db));
        const risk::Facts &facts = l.workbench.facts();
        std::vector<risk::Policy> policies(4);
        policies[0].severityMode = risk::SeverityMode::NvdFirst;
        policies[0].weights[std::size_t(risk::Factor::Running)] = 0;
        policies[0].weights[std::size_t(risk::Factor::Severity)] = 4.25;
        policies[1].severityMode = risk::SeverityMode::Highest;
        policies[1].slaDays = {60, 60, 60, 45, 14, 3};
        policies[2].environmental.push_back(
            {risk::EnvironmentalOverride::Scope::Fleet, {}, {{"MAV", "L"}, {"CR", "H"}}});
        policies[2].ruleUnexposedAdjacent = true;
        // policies[3]: the default again
        for (const risk::Policy &p : policies) {
            QSignalSpy rescored(&l.workbench, &Workbench::rescored);
            l.workbench.setPolicy(p);
            QVERIFY(rescored.wait(10000));
            const risk::Scoring &got = l.workbench.scoring();
            const risk::Scoring want = risk::Scoring::compute(facts, p, 1);
            QCOMPARE(got.size(), want.size());
            for (std::size_t f = 0; f < facts.size(); ++f) {
                QCOMPARE(got.risk(f), want.risk(f));
                QCOMPARE(got.severity(f), want.severity(f));
                QCOMPARE(got.cvssTenths(f), want.cvssTenths(f));
                QCOMPARE(got.rank(f), want.rank(f));
                QCOMPARE(got.slaDue(f), want.slaDue(f));
                QCOMPARE(got.decision(f), want.decision(f));
            }
            // The model shows the new order.
            std::vector<std::uint32_t> open;
            for (std::uint32_t f : want.ranking())
                if (want.isOpen(f))
                    open.push_back(f);
            QCOMPARE(l.rows(), open);
        }
    }

    // savedRank() is documented as each finding's rank under savedPolicy(). A reload (what
    // MainWindow does after every import) while a what-if policy is in effect must keep
    // measuring rank changes from the saved policy.
    void savedRanksSurviveReload()
    {
        Loaded l;
        QVERIFY(l.open(m_db));
        risk::Policy whatIf = l.workbench.policy();
        whatIf.weights[std::size_t(risk::Factor::Severity)] = 0.25;
        whatIf.weights[std::size_t(risk::Factor::KnownExploited)] = 6;
        whatIf.weights[std::size_t(risk::Factor::InternetExposure)] = 0;
        QSignalSpy rescored(&l.workbench, &Workbench::rescored);
        l.workbench.setPolicy(whatIf);
        QVERIFY(rescored.wait(10000));
        const auto deltas = [&] {
            int n = 0;
            for (int r = 0; r < l.model.rowCount(); ++r)
                n += !text(l.model, r, TriageModel::RankChange).isEmpty();
            return n;
        };
        const int before = deltas();
        QVERIFY(before > 0);

        QSignalSpy loaded(&l.workbench, &Workbench::loaded);
        l.workbench.reload();
        QVERIFY(loaded.wait(10000));
        QCOMPARE(l.workbench.policy().weights, whatIf.weights); // the what-if stays in effect
        QCOMPARE(l.workbench.savedPolicy().weights, risk::Policy{}.weights);
        const risk::Scoring saved =
            risk::Scoring::compute(l.workbench.facts(), l.workbench.savedPolicy(), 1);
        int wrong = 0;
        for (std::size_t f = 0; f < l.workbench.facts().size(); ++f)
            wrong += l.workbench.savedRank(f) != saved.rank(f);
        QCOMPARE(wrong, 0);
        QCOMPARE(deltas(), before);
    }

    // open(path, policy) loads under `policy` even when a what-if rescore of the previous
    // state is still running.
    void backgroundRebuildsMatchSynchronous()
    {
        // The same workspace twice: one model rebuilding inline, one on its worker thread.
        Loaded inline_, background;
        background.model.setBackgroundThreshold(0);
        QVERIFY(inline_.open(m_db));
        QVERIFY(background.open(m_db));
        QTRY_VERIFY_WITH_TIMEOUT(!background.model.isRebuilding(), 5000);
        QVERIFY(!inline_.model.isRebuilding());
        QVERIFY(inline_.model.rowCount() > 10);
        QCOMPARE(background.rows(), inline_.rows());

        QSignalSpy rebuilt(&background.model, &TriageModel::rowsRebuilt);
        for (int c = 0; c < TriageModel::ColumnCount; ++c) {
            for (const Qt::SortOrder order : {Qt::DescendingOrder, Qt::AscendingOrder}) {
                const std::vector<std::uint32_t> shownBefore = background.rows();
                rebuilt.clear();
                background.model.sort(c, order);
                // Asked, not done: the rows shown are still the previous ones.
                QVERIFY(background.model.isRebuilding());
                QCOMPARE(background.rows(), shownBefore);
                QVERIFY(rebuilt.wait(5000));
                QVERIFY(!background.model.isRebuilding());
                inline_.model.sort(c, order);
                QVERIFY2(background.rows() == inline_.rows(),
                         qPrintable(TriageModel::columnName(c)));
            }
        }

        // A burst of requests: only the last one's rows arrive, once.
        rebuilt.clear();
        background.model.sort(TriageModel::Risk, Qt::DescendingOrder);
        QVERIFY(!background.model.setFilterText(QStringLiteral("severity >= high")));
        background.model.sort(TriageModel::Package, Qt::AscendingOrder);
        QTRY_VERIFY_WITH_TIMEOUT(!background.model.isRebuilding(), 5000);
        QCOMPARE(rebuilt.count(), 1);
        QVERIFY(!inline_.model.setFilterText(QStringLiteral("severity >= high")));
        inline_.model.sort(TriageModel::Package, Qt::AscendingOrder);
        QCOMPARE(background.rows(), inline_.rows());
        QVERIFY(inline_.model.rowCount() > 0);

        // Restriction and closed findings.
        std::vector<std::uint32_t> some;
        for (std::uint32_t f = 0; f < inline_.workbench.facts().size(); f += 3)
            some.push_back(f);
        for (Loaded *l : {&inline_, &background}) {
            l->model.setRestriction(some, QStringLiteral("every third"));
            l->model.setShowClosed(true);
        }
        QTRY_VERIFY_WITH_TIMEOUT(!background.model.isRebuilding(), 5000);
        QCOMPARE(background.rows(), inline_.rows());

        // A what-if rescore re-sorts on the worker too.
        risk::Policy policy = inline_.workbench.policy();
        policy.weights[std::size_t(risk::Factor::Severity)] = 0.5;
        policy.weights[std::size_t(risk::Factor::KnownExploited)] = 5.75;
        for (Loaded *l : {&inline_, &background}) {
            l->model.sort(TriageModel::Risk, Qt::DescendingOrder);
            QSignalSpy rescored(&l->workbench, &Workbench::rescored);
            l->workbench.setPolicy(policy);
            QVERIFY(rescored.wait(10000));
        }
        QTRY_VERIFY_WITH_TIMEOUT(!background.model.isRebuilding(), 5000);
        QCOMPARE(background.rows(), inline_.rows());
        // And the order is the new scoring's.
        const risk::Scoring &s = background.workbench.scoring();
        const std::vector<std::uint32_t> rows = background.rows();
        for (std::size_t r = 1; r < rows.size(); ++r)
            QVERIFY(s.risk(rows[r - 1]) >= s.risk(rows[r]));
    }

    void openDuringRescoreUsesTheOpenPolicy()
    {
        Loaded l;
        QVERIFY(l.open(m_db));
        risk::Policy whatIf = l.workbench.policy();
        whatIf.name = "what-if";
        whatIf.weights[std::size_t(risk::Factor::InternetExposure)] = 0;
        whatIf.weights[std::size_t(risk::Factor::Severity)] = 4.75;
        risk::Policy fresh;
        fresh.name = "fresh";
        fresh.weights[std::size_t(risk::Factor::Epss)] = 0;
        fresh.weights[std::size_t(risk::Factor::Severity)] = 4.0;
        QSignalSpy loaded(&l.workbench, &Workbench::loaded);
        QStringList order; // which completion the GUI thread saw first
        connect(
            &l.workbench, &Workbench::rescored, this, [&] { order << QStringLiteral("rescored"); });
        connect(&l.workbench, &Workbench::loaded, this, [&] { order << QStringLiteral("loaded"); });
        l.workbench.setPolicy(whatIf);
        QVERIFY(l.workbench.isRescoring());
        l.workbench.open(m_db, fresh, wf::kNow);
        QVERIFY(loaded.wait(10000));
        QTRY_VERIFY_WITH_TIMEOUT(!l.workbench.isRescoring() && !l.workbench.isLoading(), 5000);
        QCOMPARE(l.workbench.savedPolicy().weights, fresh.weights);
        // The rescore started before open() belongs to the old workspace: its result is
        // dropped, and the new one is scored under the policy open() was given.
        QVERIFY(!order.contains(QStringLiteral("rescored")));
        const QString inEffect = QString::fromStdString(l.workbench.policy().name);
        const QString scoredWith = QString::fromStdString(l.workbench.scoring().policy().name);
        QVERIFY2(inEffect == QLatin1String("fresh") && scoredWith == QLatin1String("fresh") &&
                     l.workbench.policy().weights == fresh.weights,
                 qPrintable(QStringLiteral("policy() is \"%1\", scoring() used \"%2\"")
                                .arg(inEffect, scoredWith)));
        // Rank changes are then measured between two different policies right after open.
        int moved = 0;
        for (std::size_t f = 0; f < l.workbench.facts().size(); ++f)
            moved += l.workbench.savedRank(f) != l.workbench.scoring().rank(f);
        QCOMPARE(moved, 0);
    }
};

PATCHWISE_GUI_TEST_MAIN(TestTriageModel)
#include "tst_triagemodel.moc"
