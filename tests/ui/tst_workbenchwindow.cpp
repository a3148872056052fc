// SPDX-License-Identifier: GPL-3.0-or-later
// MainWindow with a real workspace: opening it, importing a good and a bad file (the good one
// commits, the bad one is named in the inline error panel), and cancelling a large import.
#include "importcontroller.h"
#include "mainwindow.h"
#include "triagemodel.h"
#include "triagepage.h"
#include "workbench.h"
#include "workbenchfixture.h"

#include <QLabel>
#include <QProgressBar>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>
#include <optional>
#include <set>

using namespace patchwise;
using ui::ImportController;
using ui::MainWindow;
using ui::Workbench;
namespace wf = workbenchfixture;

class TestWorkbenchWindow : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_db;

    // Opens the workspace in `window` and waits for the load.
    static bool openAndWait(MainWindow &window, const QString &path)
    {
        QSignalSpy loaded(window.workbench(), &Workbench::loaded);
        window.openWorkspace(path);
        return loaded.wait(10000) || !loaded.isEmpty();
    }

    static std::optional<ImportController::Outcome> waitForImport(MainWindow &window)
    {
        // A real event loop (not QTest::qWaitFor, which sleeps between polls) so queued
        // progress reports are handled as soon as the worker posts them.
        std::optional<ImportController::Outcome> outcome;
        QEventLoop loop;
        const auto c = QObject::connect(window.importer(),
                                        &ImportController::finished,
                                        &loop,
                                        [&](const ImportController::Outcome &o) {
                                            outcome = o;
                                            loop.quit();
                                        });
        QTimer::singleShot(10000, &loop, &QEventLoop::quit);
        if (window.importer()->isRunning())
            loop.exec();
        QObject::disconnect(c);
        if (!outcome)
            qWarning("the import did not finish");
        return outcome;
    }

    // A fresh copy of the fixture workspace, so each test starts from the same rows.
    QString freshWorkspace(const QString &name)
    {
        const QString path = m_dir.filePath(name);
        QFile::remove(path);
        if (!QFile::copy(m_db, path))
            qFatal("cannot copy the workspace");
        return path;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        m_db = wf::buildWorkspace(m_dir);
        QVERIFY(!m_db.isEmpty());
        // The import's connection is closed, so the file copies are self-contained.
        QCOMPARE(wf::countRows(m_db, "finding"), 50);
    }

    void opensWorkspace()
    {
        const QString path = freshWorkspace(QStringLiteral("open.pw"));
        MainWindow window(nullptr, false);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(!window.workbench()->isOpen());
        QVERIFY(openAndWait(window, path));
        QVERIFY(window.workbench()->isOpen());
        QCOMPARE(window.workbench()->path(), path);
        QCOMPARE(window.windowTitle(), QStringLiteral("open.pw — Patchwise"));
        QCOMPARE(int(window.workbench()->facts().size()), 50);
        QCOMPARE(window.triagePage()->model()->rowCount(), 48);
        auto *label = window.findChild<QLabel *>(QStringLiteral("workspaceLabel"));
        QVERIFY(label);
        QVERIFY2(label->text().startsWith(QStringLiteral("open.pw · 50 findings · ")),
                 qPrintable(label->text()));
    }

    void importGoodAndBadFile()
    {
        const QString path = freshWorkspace(QStringLiteral("import.pw"));
        MainWindow window(nullptr, false);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(openAndWait(window, path));
        const int rowsBefore = window.triagePage()->model()->rowCount();
        const std::int64_t findingsBefore = wf::countRows(path, "finding");
        QCOMPARE(rowsBefore, 48);
        std::set<QString> before;
        for (int r = 0; r < rowsBefore; ++r)
            before.insert(
                window.triagePage()->model()->index(r, ui::TriageModel::Image).data().toString() +
                u'|' +
                window.triagePage()
                    ->model()
                    ->index(r, ui::TriageModel::Vulnerability)
                    .data()
                    .toString());

        // A new image (not in any inventory) with three findings, and a truncated report.
        const QList<fleet::Vuln> fresh{
            fleet::Vuln{QStringLiteral("CVE-2025-0901")},
            fleet::Vuln{QStringLiteral("CVE-2025-0902"), QStringLiteral("zstd")},
            fleet::Vuln{QStringLiteral("CVE-2025-0903"), QStringLiteral("xz-utils")}};
        const QString good =
            wf::writeFile(m_dir.filePath(QStringLiteral("good-app9.json")), fleet::trivy(9, fresh));
        const std::string full = fleet::trivy(10, fresh);
        const QString bad = wf::writeFile(m_dir.filePath(QStringLiteral("truncated-app10.json")),
                                          full.substr(0, full.size() / 2));

        auto *panel = window.findChild<QWidget *>(QStringLiteral("importErrors"));
        auto *panelText = window.findChild<QLabel *>(QStringLiteral("importErrorText"));
        auto *progress = window.findChild<QProgressBar *>(QStringLiteral("importProgress"));
        QVERIFY(panel && panelText && progress);
        QVERIFY(!panel->isVisible());

        QSignalSpy loaded(window.workbench(), &Workbench::loaded);
        window.importPaths({good, bad});
        QVERIFY(window.importer()->isRunning());
        QVERIFY(progress->isVisible());
        const auto outcome = waitForImport(window);
        QVERIFY(outcome);
        QVERIFY(!progress->isVisible());

        // keepGoing: the good file commits, the bad one is reported.
        QVERIFY(outcome->committed);
        QVERIFY(!outcome->cancelled);
        QCOMPARE(outcome->failures.size(), 1);
        QCOMPARE(outcome->failures.at(0).path, bad);
        QCOMPARE(outcome->newFindings, 3);

        QVERIFY(panel->isVisible());
        QVERIFY2(panelText->text().contains(QStringLiteral("truncated-app10.json")),
                 qPrintable(panelText->text()));
        QVERIFY(!panelText->text().contains(QStringLiteral("good-app9.json")));
        QVERIFY(panelText->text().contains(QStringLiteral("(the others were)")));

        // The workbench reloads: the rows are the old ones plus the good file's findings.
        QVERIFY(loaded.wait(10000) || !loaded.isEmpty());
        QCOMPARE(wf::countRows(path, "finding"), findingsBefore + 3);
        const ui::TriageModel *model = window.triagePage()->model();
        QCOMPARE(model->rowCount(), rowsBefore + 3);
        std::set<QString> after;
        for (int r = 0; r < model->rowCount(); ++r)
            after.insert(model->index(r, ui::TriageModel::Image).data().toString() + u'|' +
                         model->index(r, ui::TriageModel::Vulnerability).data().toString());
        std::set<QString> expected = before;
        for (const fleet::Vuln &v : fresh)
            expected.insert(QStringLiteral("registry.example/app9:1.0|") + v.id);
        QCOMPARE(after, expected);

        // Opening a workspace hides the panel.
        QVERIFY(openAndWait(window, path));
        QVERIFY(!panel->isVisible());
    }

    void onlyBadFilesChangeNothing()
    {
        const QString path = freshWorkspace(QStringLiteral("bad.pw"));
        MainWindow window(nullptr, false);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(openAndWait(window, path));
        const std::int64_t findingsBefore = wf::countRows(path, "finding");
        const QString bad = wf::writeFile(m_dir.filePath(QStringLiteral("only-bad.json")),
                                          std::string("{\"SchemaVersion\":2,\"Results\":[{"));
        window.importPaths({bad});
        const auto outcome = waitForImport(window);
        QVERIFY(outcome);
        QCOMPARE(outcome->failures.size(), 1);
        auto *panel = window.findChild<QWidget *>(QStringLiteral("importErrors"));
        auto *panelText = window.findChild<QLabel *>(QStringLiteral("importErrorText"));
        QVERIFY(panel->isVisible());
        QVERIFY2(panelText->text().contains(QStringLiteral("only-bad.json")),
                 qPrintable(panelText->text()));
        QCOMPARE(wf::countRows(path, "finding"), findingsBefore);
        QCOMPARE(window.triagePage()->model()->rowCount(), 48);
    }

    void cancelLeavesWorkspaceUnchanged()
    {
        const QString path = freshWorkspace(QStringLiteral("cancel.pw"));
        MainWindow window(nullptr, false);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(openAndWait(window, path));
        const std::int64_t findingsBefore = wf::countRows(path, "finding");
        const std::int64_t imagesBefore = wf::countRows(path, "image");
        const int rowsBefore = window.triagePage()->model()->rowCount();

        const QString folder = m_dir.filePath(QStringLiteral("many"));
        QDir().mkpath(folder);
        // 150 reports of a few findings and a full package list each: small, but enough
        // work per file that the import is still running when the first progress report
        // reaches the GUI thread.
        QStringList packages;
        for (int p = 0; p < 300; ++p)
            packages << QStringLiteral("pkg%1").arg(p);
        QStringList files;
        for (int n = 100; n < 250; ++n) {
            QList<fleet::Vuln> vulns;
            for (int v = 0; v < 5; ++v)
                vulns << fleet::Vuln{QStringLiteral("CVE-2025-%1").arg(10000 + n * 10 + v),
                                     QStringLiteral("pkg%1").arg(v)};
            files << wf::writeFile(folder + QStringLiteral("/r%1.json").arg(n),
                                   fleet::trivy(n, vulns, {}, packages));
        }

        int progressCalls = 0;
        int firstTotal = -1;
        connect(window.importer(), &ImportController::progress, &window, [&](int, int total) {
            if (progressCalls++ == 0) {
                firstTotal = total;
                window.importer()->cancel();
            }
        });
        QSignalSpy loaded(window.workbench(), &Workbench::loaded);
        window.importPaths(files);
        const auto outcome = waitForImport(window);
        QVERIFY(outcome);
        QCOMPARE(firstTotal, 150);
        QVERIFY(outcome->cancelled);
        QVERIFY(!outcome->committed);
        QVERIFY(outcome->failures.isEmpty());
        // Fewer progress reports than files: it stopped early.
        QVERIFY2(progressCalls < 150, qPrintable(QString::number(progressCalls)));

        QCOMPARE(wf::countRows(path, "finding"), findingsBefore);
        QCOMPARE(wf::countRows(path, "image"), imagesBefore);
        auto *panel = window.findChild<QWidget *>(QStringLiteral("importErrors"));
        QVERIFY(!panel->isVisible());
        QVERIFY(!window.findChild<QProgressBar *>(QStringLiteral("importProgress"))->isVisible());
        // No reload for a cancelled import, and the rows are what they were.
        QTest::qWait(100);
        QCOMPARE(loaded.count(), 0);
        QCOMPARE(window.triagePage()->model()->rowCount(), rowsBefore);
        QVERIFY(!window.importer()->isRunning());

        // The controller is usable again afterwards.
        window.importPaths({files.first()});
        const auto again = waitForImport(window);
        QVERIFY(again);
        QVERIFY(again->committed);
        QCOMPARE(wf::countRows(path, "finding"), findingsBefore + 5);
    }
};

PATCHWISE_GUI_TEST_MAIN(TestWorkbenchWindow)
#include "tst_workbenchwindow.moc"
