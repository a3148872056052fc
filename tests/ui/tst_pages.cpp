// SPDX-License-Identifier: GPL-3.0-or-later
// The pages beyond the triage table, driven through their real widgets on a synthetic
// workspace (workbenchfixture.h): the images model under QAbstractItemModelTester, a click
// on a severity-matrix cell restricting the triage table to exactly that cell's findings,
// the plan page's actions and simulation, and the burn-down.

#include "chartview.h"
#include "imagesmodel.h"
#include "imagespage.h"
#include "layers/plan.h"
#include "mainwindow.h"
#include "matrixpage.h"
#include "planpage.h"
#include "triagemodel.h"
#include "triagepage.h"
#include "workbench.h"
#include "workbenchfixture.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTest>
#include <QToolButton>
#include <set>

using namespace patchwise;
namespace wf = workbenchfixture;

class TestPages : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_db;

    static bool openAndWait(ui::MainWindow &window, const QString &path)
    {
        QSignalSpy loaded(window.workbench(), &ui::Workbench::loaded);
        window.openWorkspace(path);
        return loaded.wait(10000) || !loaded.isEmpty();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_db = wf::buildWorkspace(m_dir);
        QVERIFY(!m_db.isEmpty());
    }

    void imagesModel()
    {
        ui::Workbench workbench;
        ui::ImagesModel model(&workbench);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy loaded(&workbench, &ui::Workbench::loaded);
        workbench.open(m_db, risk::Policy{}, wf::kNow);
        QVERIFY(loaded.wait(10000));
        const auto summaries = workbench.scoring().images();
        QCOMPARE(model.rowCount(), int(summaries.size()));
        // Default order: worst grade first.
        for (int r = 1; r < model.rowCount(); ++r)
            QVERIFY(model.index(r - 1, ui::ImagesModel::Grade).data().toString() >=
                    model.index(r, ui::ImagesModel::Grade).data().toString());
        // The critical column counts what the scoring says.
        for (int r = 0; r < model.rowCount(); ++r) {
            const auto &s = summaries[model.imageAt(r)];
            const int critical = s.bySeverity[std::size_t(model::Severity::Critical)];
            QCOMPARE(model.index(r, ui::ImagesModel::Critical).data().toString(),
                     critical ? QString::number(critical) : QString());
        }
        model.sort(ui::ImagesModel::Image, Qt::AscendingOrder);
        for (int r = 1; r < model.rowCount(); ++r)
            QVERIFY(model.index(r - 1, ui::ImagesModel::Image).data().toString() <=
                    model.index(r, ui::ImagesModel::Image).data().toString());
    }

    void matrixCellFiltersTheTriageTable()
    {
        ui::MainWindow window(nullptr, false);
        window.resize(1200, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(openAndWait(window, m_db));
        auto *pages = window.findChild<QTabWidget *>(QStringLiteral("pages"));
        pages->setCurrentWidget(window.matrixPage());
        ui::MatrixPage *page = window.matrixPage();
        QCOMPARE(page->vendorBox()->currentText(), QStringLiteral("debian"));
        const risk::SeverityMatrix m = window.workbench()->scoring().matrix("debian");
        // The busiest cell.
        int row = 0, column = 0;
        for (int r = 0; r < 5; ++r)
            for (int c = 0; c < 5; ++c)
                if (m.findings[std::size_t(r)][std::size_t(c)] >
                    m.findings[std::size_t(row)][std::size_t(column)])
                    row = r, column = c;
        QVERIFY(m.findings[std::size_t(row)][std::size_t(column)] > 0);
        ui::ChartView *chart = page->chart();
        QTest::qWait(50);
        QCOMPARE(chart->cellAt(chart->cellCenter(row, column)), std::make_pair(row, column));
        QTest::mouseClick(chart->childAt(chart->cellCenter(row, column)),
                          Qt::LeftButton,
                          {},
                          chart->childAt(chart->cellCenter(row, column))
                              ->mapFrom(chart, chart->cellCenter(row, column)));
        // The triage page is shown, restricted to exactly that cell's findings.
        QCOMPARE(pages->currentWidget(), window.triagePage());
        ui::TriageModel *triage = window.triagePage()->model();
        QVERIFY(!triage->restrictionLabel().isEmpty());
        std::set<std::uint32_t> shown;
        for (int r = 0; r < triage->rowCount(); ++r)
            shown.insert(triage->findingAt(r));
        const auto expected = window.workbench()->scoring().matrixFindings("debian", row, column);
        QCOMPARE(shown, std::set<std::uint32_t>(expected.begin(), expected.end()));
        QCOMPARE(int(shown.size()), m.findings[std::size_t(row)][std::size_t(column)]);
        // The chip's ✕ brings every open finding back.
        triage->clearRestriction();
        QVERIFY(triage->rowCount() > int(shown.size()));
    }

    void savedViewsComeBack()
    {
        ui::MainWindow window(nullptr, false);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(openAndWait(window, m_db));
        ui::TriagePage *page = window.triagePage();
        auto *fixable = page->findChild<QToolButton *>(QStringLiteral("quick_fixable"));
        QVERIFY(fixable);
        page->setFilterText(QStringLiteral("severity >= medium"));
        fixable->setChecked(true);
        page->view()->sortByColumn(ui::TriageModel::Risk, Qt::DescendingOrder);
        std::vector<std::uint32_t> saved;
        for (int r = 0; r < page->model()->rowCount(); ++r)
            saved.push_back(page->model()->findingAt(r));
        QVERIFY(!saved.empty());
        page->saveView(QStringLiteral("medium+ fixable by risk"));
        QVERIFY(ui::TriagePage::savedViews().contains(QStringLiteral("medium+ fixable by risk")));
        // Change everything, then bring the view back.
        page->setFilterText(QString());
        fixable->setChecked(false);
        page->view()->sortByColumn(ui::TriageModel::Package, Qt::AscendingOrder);
        QVERIFY(page->model()->rowCount() > int(saved.size()));
        QVERIFY(page->applyView(QStringLiteral("medium+ fixable by risk")));
        QCOMPARE(page->filterEdit()->text(), QStringLiteral("severity >= medium"));
        QVERIFY(fixable->isChecked());
        QCOMPARE(page->model()->sortColumn(), int(ui::TriageModel::Risk));
        QCOMPARE(page->model()->sortOrder(), Qt::DescendingOrder);
        std::vector<std::uint32_t> again;
        for (int r = 0; r < page->model()->rowCount(); ++r)
            again.push_back(page->model()->findingAt(r));
        QCOMPARE(again, saved);
        QVERIFY(!page->applyView(QStringLiteral("no such view")));
    }

    void planPageSimulates()
    {
        ui::MainWindow window(nullptr, false);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(openAndWait(window, m_db));
        auto *pages = window.findChild<QTabWidget *>(QStringLiteral("pages"));
        QSignalSpy ready(window.planPage(), &ui::PlanPage::planReady);
        pages->setCurrentWidget(window.planPage());
        QVERIFY(ready.wait(10000));
        const ui::Workbench *wb = window.workbench();
        const layers::RemediationPlan expected =
            layers::buildPlan(wb->scoring(), wb->imageLayers(), wb->bases(), wb->baseFlags());
        QTableWidget *table = window.planPage()->actionsTable();
        QCOMPARE(table->rowCount(), int(expected.actions.size()));
        QVERIFY(table->rowCount() > 0);
        QCOMPARE(table->item(0, 2)->text().startsWith(
                     QString::fromStdString(expected.actions[0].target)),
                 true);

        QSignalSpy simulated(window.planPage(), &ui::PlanPage::simulationReady);
        window.planPage()->tick({1});
        QVERIFY(simulated.wait(10000));
        const auto sim = layers::simulate(wb->scoring(), expected, {1});
        QVERIFY(sim);
        const QString text = window.planPage()->simulationLabel()->text();
        QVERIFY2(text.contains(QStringLiteral("Applying 1 action")), qPrintable(text));
        QVERIFY2(text.contains(QLocale().toString(sim->after.openFindings)), qPrintable(text));

        // Double-clicking an action shows its findings in the triage table.
        QSignalSpy shown(window.planPage(), &ui::PlanPage::showFindings);
        const QPoint cell = table->visualItemRect(table->item(0, 2)).center();
        QTest::mouseClick(
            table->viewport(), Qt::LeftButton, {}, cell); // a double click follows a press
        QTest::mouseDClick(table->viewport(), Qt::LeftButton, {}, cell);
        QCOMPARE(shown.count(), 1);
        QCOMPARE(window.triagePage()->model()->rowCount(),
                 int(expected.actions[0].findings.size()));
    }
};

PATCHWISE_GUI_TEST_MAIN(TestPages)
#include "tst_pages.moc"
