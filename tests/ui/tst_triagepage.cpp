// SPDX-License-Identifier: GPL-3.0-or-later
// TriagePage driven through its real widgets (typing, Enter, quick-filter buttons, row
// clicks) over a Workbench loaded from a synthetic workspace.
#include "findingdetails.h"
#include "risk/filter.h"
#include "triagemodel.h"
#include "triagepage.h"
#include "workbench.h"
#include "workbenchfixture.h"

#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTextDocument>
#include <QToolButton>

using namespace patchwise;
using ui::TriageModel;
using ui::TriagePage;
using ui::Workbench;
namespace wf = workbenchfixture;

class TestTriagePage : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_db;
    std::unique_ptr<Workbench> m_workbench;
    std::unique_ptr<TriagePage> m_page;

    QLineEdit *edit() const { return m_page->findChild<QLineEdit *>(QStringLiteral("filterEdit")); }
    QLabel *error() const { return m_page->findChild<QLabel *>(QStringLiteral("filterError")); }
    QLabel *count() const { return m_page->findChild<QLabel *>(QStringLiteral("countLabel")); }
    QTableView *view() const
    {
        return m_page->findChild<QTableView *>(QStringLiteral("triageView"));
    }
    QTextBrowser *details() const
    {
        return m_page->findChild<QTextBrowser *>(QStringLiteral("details"));
    }
    QToolButton *button(const char *name) const
    {
        return m_page->findChild<QToolButton *>(QLatin1String(name));
    }
    TriageModel *model() const { return m_page->model(); }

    std::vector<std::uint32_t> rows() const
    {
        std::vector<std::uint32_t> out;
        for (int r = 0; r < model()->rowCount(); ++r)
            out.push_back(model()->findingAt(r));
        return out;
    }

    int openCount(const std::function<bool(std::uint32_t)> &pred) const
    {
        const risk::Scoring &s = m_workbench->scoring();
        int n = 0;
        for (std::uint32_t f = 0; f < s.size(); ++f)
            n += s.isOpen(f) && pred(f);
        return n;
    }

    static QString countText(int shown, int total)
    {
        return QStringLiteral("%1 of %2 findings").arg(shown).arg(total);
    }

    // Types into the filter box like an analyst and presses Enter: select everything and
    // type over it (erasing first would apply the empty filter on the way, by design).
    void typeFilter(const QString &text)
    {
        edit()->setFocus();
        edit()->selectAll();
        QTest::keyClicks(edit(), text);
        QCOMPARE(edit()->text(), text); // the inline completer did not alter it
        QTest::keyClick(edit(), Qt::Key_Return);
    }

    void clickRow(int row)
    {
        const QModelIndex index = model()->index(row, TriageModel::Vulnerability);
        view()->scrollTo(index);
        const QRect rect = view()->visualRect(index);
        QVERIFY(rect.isValid());
        QTest::mouseClick(view()->viewport(), Qt::LeftButton, {}, rect.center());
        QCOMPARE(view()->currentIndex().row(), row);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        m_db = wf::buildWorkspace(m_dir, true);
        QVERIFY(!m_db.isEmpty());
    }

    void init()
    {
        m_workbench = std::make_unique<Workbench>();
        m_page = std::make_unique<TriagePage>(m_workbench.get());
        m_page->resize(1400, 700);
        m_page->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
        QVERIFY(edit() && error() && count() && view() && details());
        for (const char *name : {"quick_fixable",
                                 "quick_kev",
                                 "quick_exposed",
                                 "quick_basefix",
                                 "quick_breached",
                                 "showClosed"})
            QVERIFY2(button(name), name);
        QSignalSpy loaded(m_workbench.get(), &Workbench::loaded);
        m_workbench->open(m_db, risk::Policy{}, wf::kNow);
        QVERIFY(loaded.wait(10000));
        // The fixture's 50 findings and image 8's two; 2 closed.
        QCOMPARE(int(m_workbench->facts().size()), 52);
        QCOMPARE(count()->text(), countText(50, 52));
        QVERIFY(!error()->isVisible());
    }

    void cleanup()
    {
        m_page.reset();
        m_workbench.reset();
    }

    void typedFilterChangesRows()
    {
        const QString before = count()->text();
        typeFilter(QStringLiteral("severity >= high"));
        QVERIFY(!error()->isVisible());
        const risk::Scoring &s = m_workbench->scoring();
        const auto high = [&](std::uint32_t f) { return s.severity(f) >= model::Severity::High; };
        const int expected = openCount(high);
        QVERIFY(expected > 0 && expected < 50);
        QCOMPARE(model()->rowCount(), expected);
        for (std::uint32_t f : rows())
            QVERIFY(s.isOpen(f) && high(f));
        QVERIFY(count()->text() != before);
        QCOMPARE(count()->text(), countText(expected, 52));

        // The debounce applies a typed filter without Enter too.
        edit()->selectAll();
        QTest::keyClick(edit(), Qt::Key_Backspace); // empty: applied at once (clear button path)
        QCOMPARE(count()->text(), countText(50, 52));
        QTest::keyClicks(edit(), QStringLiteral("package = curl"));
        QTRY_COMPARE_WITH_TIMEOUT(count()->text(),
                                  countText(openCount([&](std::uint32_t f) {
                                                const auto &facts = m_workbench->facts();
                                                return facts.strings[facts.package[f]] == "curl";
                                            }),
                                            52),
                                  3000);
    }

    void invalidFilterShowsErrorAndKeepsRows()
    {
        typeFilter(QStringLiteral("kev"));
        QVERIFY(!error()->isVisible());
        const auto before = rows();
        const QString countBefore = count()->text();
        QVERIFY(!before.empty());

        typeFilter(QStringLiteral("severity >>"));
        QVERIFY(error()->isVisible());
        QVERIFY2(error()->text().contains(QStringLiteral("column")), qPrintable(error()->text()));
        QCOMPARE(rows(), before);
        QCOMPARE(count()->text(), countBefore);
        QCOMPARE(model()->filterText(), QStringLiteral("(kev)")); // the last good filter

        // Fixing the text hides the error again.
        typeFilter(QStringLiteral("severity >= medium"));
        QVERIFY(!error()->isVisible());
        QCOMPARE(model()->filterText(), QStringLiteral("(severity >= medium)"));
    }

    void invalidTypedFilterWithQuickFilterShowsError()
    {
        QTest::mouseClick(button("quick_fixable"), Qt::LeftButton);
        QVERIFY(button("quick_fixable")->isChecked());
        const auto before = rows();
        typeFilter(QStringLiteral("severity >>"));
        QVERIFY(error()->isVisible());
        // The column points into what was typed, not into "(severity >>) and fixable".
        const auto parsed = risk::Filter::parse("severity >>");
        QVERIFY(!parsed);
        const QString typedError = QString::fromStdString(parsed.error());
        QVERIFY(typedError.startsWith(QStringLiteral("column ")));
        QVERIFY2(error()->text().contains(typedError), qPrintable(error()->text()));
        QCOMPARE(rows(), before);
    }

    void quickKevLeavesOnlyKev()
    {
        const risk::Facts &facts = m_workbench->facts();
        const auto kev = [&](std::uint32_t f) { return facts.vulns[facts.vuln[f]].kev; };
        const int expected = openCount(kev);
        QVERIFY(expected > 0 && expected < 50);
        QToolButton *b = button("quick_kev");
        QTest::mouseClick(b, Qt::LeftButton);
        QVERIFY(b->isChecked());
        QCOMPARE(model()->rowCount(), expected);
        for (std::uint32_t f : rows())
            QVERIFY(kev(f));
        QCOMPARE(count()->text(), countText(expected, 52));
        // Combined with a typed filter.
        typeFilter(QStringLiteral("vuln = CVE-2025-0007"));
        QVERIFY(!error()->isVisible());
        QCOMPARE(model()->rowCount(), openCount([&](std::uint32_t f) {
                     return facts.vulns[facts.vuln[f]].id == "CVE-2025-0007";
                 }));
        for (std::uint32_t f : rows())
            QCOMPARE(QString::fromStdString(facts.vulns[facts.vuln[f]].id),
                     QStringLiteral("CVE-2025-0007"));
        // Untoggling and clearing restores everything.
        edit()->clear();
        QTest::mouseClick(b, Qt::LeftButton);
        QVERIFY(!b->isChecked());
        QCOMPARE(model()->rowCount(), 50);
    }

    void showClosedButton()
    {
        QTest::mouseClick(button("showClosed"), Qt::LeftButton);
        QCOMPARE(model()->rowCount(), 52);
        QCOMPARE(count()->text(), countText(52, 52));
        QTest::mouseClick(button("showClosed"), Qt::LeftButton);
        QCOMPARE(model()->rowCount(), 50);
    }

    void selectingARowFillsDetails()
    {
        QVERIFY(details()->toPlainText().isEmpty());
        const int row = 4;
        clickRow(row);
        const std::uint32_t f = model()->findingAt(row);
        const risk::Facts &facts = m_workbench->facts();
        const QString id = QString::fromStdString(facts.vulns[facts.vuln[f]].id);
        const QString text = details()->toPlainText();
        QVERIFY2(text.contains(id), qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("Severity")));
        QVERIFY(text.contains(QString::fromStdString(facts.images[facts.image[f]].name)));
        QVERIFY(text.contains(QStringLiteral("rank %1").arg(m_workbench->scoring().rank(f))));

        // Another row replaces it.
        clickRow(row + 1);
        const std::uint32_t g = model()->findingAt(row + 1);
        QVERIFY(details()->toPlainText().contains(
            QString::fromStdString(facts.images[facts.image[g]].name)));
        QVERIFY(details()->toPlainText().contains(
            QStringLiteral("rank %1").arg(m_workbench->scoring().rank(g))));
    }

    void hostilePackageNameIsEscaped()
    {
        const risk::Facts &facts = m_workbench->facts();
        std::uint32_t hostile = UINT32_MAX;
        for (std::uint32_t f = 0; f < facts.size(); ++f)
            if (facts.vulns[facts.vuln[f]].id == wf::kHostileVuln.toStdString())
                hostile = f;
        QVERIFY(hostile != UINT32_MAX);
        QCOMPARE(QString::fromStdString(facts.strings[facts.package[hostile]]),
                 wf::kHostilePackage);

        // The HTML the page builds escapes it …
        const QString html = ui::findingDetailsHtml(*m_workbench, hostile);
        QVERIFY(!html.contains(QStringLiteral("<script")));
        QVERIFY(html.contains(QStringLiteral("&lt;script&gt;alert(1)&lt;/script&gt;")));

        // … and the browser shows it as text.
        const int row = model()->rowOf(hostile);
        QVERIFY(row >= 0);
        QCOMPARE(model()->index(row, TriageModel::Package).data().toString(), wf::kHostilePackage);
        clickRow(row);
        QVERIFY(details()->toPlainText().contains(wf::kHostileVuln));
        QVERIFY2(details()->toPlainText().contains(wf::kHostilePackage),
                 qPrintable(details()->toPlainText()));
        const QString shown = details()->toHtml();
        QVERIFY(!shown.contains(QStringLiteral("<script")));
        QVERIFY(shown.contains(QStringLiteral("&lt;script&gt;")));
    }

    // The advisory link is a single-quoted attribute: an id holding a quote must not end it.
    void advisoryLinkKeepsTheWholeId()
    {
        const risk::Facts &facts = m_workbench->facts();
        std::uint32_t quoted = UINT32_MAX;
        for (std::uint32_t f = 0; f < facts.size(); ++f)
            if (facts.vulns[facts.vuln[f]].id == wf::kQuoteVuln.toStdString())
                quoted = f;
        QVERIFY(quoted != UINT32_MAX);
        clickRow(model()->rowOf(quoted));
        QVERIFY(details()->toPlainText().contains(wf::kQuoteVuln));
        QStringList hrefs;
        for (QTextBlock b = details()->document()->begin(); b.isValid(); b = b.next())
            for (auto it = b.begin(); !it.atEnd(); ++it)
                if (it.fragment().charFormat().isAnchor())
                    hrefs << it.fragment().charFormat().anchorHref();
        hrefs.removeDuplicates();
        QCOMPARE(hrefs.size(), 1);
        QCOMPARE(hrefs.at(0), ui::advisoryUrl(wf::kQuoteVuln));
    }

    // The details pane shows the current finding's current scores: after a what-if
    // rescore it must not keep showing the old rank.
    void detailsFollowARescore()
    {
        const risk::Facts &facts = m_workbench->facts();
        const risk::Scoring &before = m_workbench->scoring();
        // A KEV finding far down the list: the policy below moves it to the top.
        int row = -1;
        for (int r = model()->rowCount() - 1; r >= 0 && row < 0; --r)
            if (facts.vulns[facts.vuln[model()->findingAt(r)]].kev && r > 10)
                row = r;
        QVERIFY(row > 10);
        const std::uint32_t f = model()->findingAt(row);
        const std::uint32_t oldRank = before.rank(f);
        clickRow(row);
        QVERIFY(details()->toPlainText().contains(QStringLiteral("rank %1").arg(oldRank)));

        risk::Policy policy = m_workbench->policy();
        policy.weights[std::size_t(risk::Factor::Severity)] = 0.25;
        policy.weights[std::size_t(risk::Factor::KnownExploited)] = 6;
        policy.weights[std::size_t(risk::Factor::InternetExposure)] = 0;
        QSignalSpy rescored(m_workbench.get(), &Workbench::rescored);
        m_workbench->setPolicy(policy);
        QVERIFY(rescored.wait(10000));
        const std::uint32_t newRank = m_workbench->scoring().rank(f);
        QVERIFY(newRank != oldRank);
        const QString shown = details()->toPlainText();
        const bool stale = shown.contains(QStringLiteral("rank %1").arg(oldRank));
        QVERIFY2(shown.isEmpty() || !stale,
                 qPrintable(QStringLiteral("still shows rank %1, "
                                           "now %2")
                                .arg(oldRank)
                                .arg(newRank)));
    }
};

PATCHWISE_GUI_TEST_MAIN(TestTriagePage)
#include "tst_triagepage.moc"
