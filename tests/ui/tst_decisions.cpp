// SPDX-License-Identifier: GPL-3.0-or-later
// Triage decisions in the GUI (issue 8), through the real window on a synthetic workspace
// (workbenchfixture.h): deciding on selected rows with the decide dialog, undo and redo
// restoring exactly the decisions that were there, removing one on the decisions page, the
// decisions model under QAbstractItemModelTester with "covers now" checked against
// store::DecisionMatcher, the dialog's validation, and the triage table's Triage column and
// details pane.

#include "decidedialog.h"
#include "decisioncontroller.h"
#include "decisionlabels.h"
#include "decisionsmodel.h"
#include "decisionspage.h"
#include "mainwindow.h"
#include "model/imageref.h"
#include "store/decisions.h"
#include "store/workspace.h"
#include "triagemodel.h"
#include "triagepage.h"
#include "windowwait.h"
#include "workbench.h"
#include "workbenchfixture.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QComboBox>
#include <QDateEdit>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QTextBrowser>
#include <QToolButton>
#include <QUndoStack>
#include <set>

using namespace patchwise;
namespace wf = workbenchfixture;
using model::DecisionScope;
using model::TriageState;

namespace {

store::Decision decision(DecisionScope scope,
                         const std::string &scopeKey,
                         const std::string &vulnerability,
                         const std::string &package,
                         TriageState state,
                         const std::string &reason,
                         const std::string &owner = "bob")
{
    store::Decision d;
    d.scope = scope;
    d.scopeKey = scopeKey;
    d.vulnerability = vulnerability;
    d.package = package;
    d.state = state;
    d.reason = reason;
    d.owner = owner;
    return d;
}

void record(const QString &db, const std::vector<store::Decision> &decisions)
{
    auto ws = store::Workspace::open(db.toStdString());
    QVERIFY2(ws, ws ? "" : ws.error().c_str());
    const auto done = (*ws)->recordDecisions(decisions, "setup", wf::kNow - 86400);
    QVERIFY2(done, done ? "" : done.error().c_str());
}

std::vector<store::Decision> stored(const QString &db)
{
    auto ws = store::Workspace::open(db.toStdString());
    if (!ws)
        qFatal("cannot open %s", qPrintable(db));
    auto decisions = (*ws)->decisions();
    if (!decisions)
        qFatal("cannot read decisions: %s", decisions.error().c_str());
    return std::move(*decisions);
}

// Everything a decision says (not its row id or its timestamps, which an undo cannot give
// back: the history records the undo as a change), one line each, sorted.
QStringList content(const std::vector<store::Decision> &decisions)
{
    QStringList out;
    for (const store::Decision &d : decisions)
        out << QStringList{QString::fromStdString(std::string(model::decisionScopeName(d.scope))),
                           QString::fromStdString(d.scopeKey),
                           QString::fromStdString(d.vulnerability),
                           QString::fromStdString(d.package),
                           QString::fromStdString(d.version),
                           QString::fromStdString(std::string(model::triageStateName(d.state))),
                           QString::fromStdString(d.justification),
                           QString::fromStdString(d.reason),
                           QString::fromStdString(d.note),
                           QString::fromStdString(d.owner),
                           QString::number(d.expires)}
                   .join(u'|');
    out.sort();
    return out;
}

} // namespace

class TestDecisions : public QObject
{
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_db;

    static bool openAndWait(ui::MainWindow &window, const QString &path)
    {
        return windowwait::openAndWait(window, path);
    }
    static bool settle(ui::MainWindow &window) { return windowwait::settle(window); }

    // The finding ids of the triage table's rows.
    static std::set<std::int64_t> shownIds(ui::MainWindow &window)
    {
        const risk::Facts &facts = window.workbench()->facts();
        ui::TriageModel *model = window.triagePage()->model();
        std::set<std::int64_t> ids;
        for (int r = 0; r < model->rowCount(); ++r)
            ids.insert(facts.findingId[model->findingAt(r)]);
        return ids;
    }

    // Selects the triage rows of vulnerability `id`; returns their finding ids.
    static std::set<std::int64_t> selectVuln(ui::MainWindow &window, const std::string &id)
    {
        const risk::Facts &facts = window.workbench()->facts();
        ui::TriagePage *page = window.triagePage();
        page->view()->clearSelection();
        page->view()->selectionModel()->clearCurrentIndex();
        std::set<std::int64_t> ids;
        for (int r = 0; r < page->model()->rowCount(); ++r) {
            const std::uint32_t f = page->model()->findingAt(r);
            if (facts.vulns[facts.vuln[f]].id != id)
                continue;
            // As a click and Ctrl+clicks do: the first one becomes the current row.
            const auto flags = QItemSelectionModel::Select | QItemSelectionModel::Rows;
            if (ids.empty())
                page->view()->selectionModel()->setCurrentIndex(page->model()->index(r, 0), flags);
            else
                page->view()->selectionModel()->select(page->model()->index(r, 0), flags);
            ids.insert(facts.findingId[f]);
        }
        return ids;
    }

    static ui::DecideDialog *openDialog(ui::MainWindow &window)
    {
        if (!window.decideAction()->isEnabled())
            return nullptr;
        window.decideAction()->trigger();
        auto *dialog = window.findChild<ui::DecideDialog *>();
        return dialog && dialog->isVisible() ? dialog : nullptr;
    }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    // A fresh workspace for every test: they change its decisions.
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_db = wf::buildWorkspace(*m_dir);
        QVERIFY(!m_db.isEmpty());
    }

    void bulkDecideUndoRedo()
    {
        // A decision already on one of the keys the edit writes (image 1's repository, curl's
        // CVE-2025-0005): undo must bring it back as it was.
        record(m_db,
               {decision(DecisionScope::Repository,
                         "registry.example/app1",
                         "CVE-2025-0005",
                         "curl",
                         TriageState::InTriage,
                         "looking at it")});
        const QStringList before = content(stored(m_db));
        QCOMPARE(before.size(), 1);

        ui::MainWindow window(nullptr, false);
        window.resize(1400, 900);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(openAndWait(window, m_db));
        QVERIFY(!window.undoAction()->isEnabled());
        QVERIFY(!window.decideAction()->isEnabled()); // nothing selected

        const std::set<std::int64_t> selected = selectVuln(window, "CVE-2025-0005");
        QVERIFY(selected.size() >= 3);
        std::set<std::string> repositories;
        {
            const risk::Facts &facts = window.workbench()->facts();
            for (std::uint32_t f = 0; f < facts.size(); ++f)
                if (selected.count(facts.findingId[f]))
                    repositories.insert(model::imageRepository(facts.images[facts.image[f]].name));
        }
        QCOMPARE(repositories.size(), selected.size()); // one image per repository here

        ui::DecideDialog *dialog = openDialog(window);
        QVERIFY(dialog);
        QCOMPARE(dialog->findingCount(), int(selected.size()));
        dialog->setState(TriageState::FalsePositive);
        dialog->setScope(DecisionScope::Repository);
        QVERIFY(!dialog->okButton()->isEnabled()); // no reason yet
        QTest::keyClicks(dialog->reasonEdit(), QStringLiteral("not reachable in our build"));
        QVERIFY(dialog->okButton()->isEnabled());
        QCOMPARE(dialog->decisionCount(DecisionScope::Repository), int(repositories.size()));
        QTest::mouseClick(dialog->okButton(), Qt::LeftButton);
        QVERIFY(settle(window));

        // Stored: one decision per repository, the earlier one replaced.
        const std::vector<store::Decision> afterDecisions = stored(m_db);
        const QStringList after = content(afterDecisions);
        QCOMPARE(afterDecisions.size(), repositories.size());
        std::set<std::string> keys;
        for (const store::Decision &d : afterDecisions) {
            QCOMPARE(d.scope, DecisionScope::Repository);
            QCOMPARE(d.state, TriageState::FalsePositive);
            QCOMPARE(d.vulnerability, std::string("CVE-2025-0005"));
            QCOMPARE(d.package, std::string("curl"));
            QCOMPARE(d.reason, std::string("not reachable in our build"));
            QCOMPARE(QString::fromStdString(d.owner), ui::DecisionController::userName());
            keys.insert(d.scopeKey);
        }
        QCOMPARE(keys, repositories);

        // The decided rows left the table (closed), and come back with "Show resolved".
        std::set<std::int64_t> shown = shownIds(window);
        for (std::int64_t id : selected)
            QVERIFY(!shown.count(id));
        window.triagePage()->setShowClosed(true);
        QVERIFY(settle(window));
        shown = shownIds(window);
        {
            const risk::Facts &facts = window.workbench()->facts();
            ui::TriageModel *model = window.triagePage()->model();
            int decided = 0;
            for (int r = 0; r < model->rowCount(); ++r) {
                const std::uint32_t f = model->findingAt(r);
                if (!selected.count(facts.findingId[f]))
                    continue;
                ++decided;
                QCOMPARE(model->index(r, ui::TriageModel::Triage).data().toString(),
                         QStringLiteral("false positive"));
                QVERIFY(!window.workbench()->scoring().isOpen(f));
            }
            QCOMPARE(decided, int(selected.size()));
        }
        window.triagePage()->setShowClosed(false);
        QVERIFY(settle(window));

        QCOMPARE(window.undoStack()->count(), 1);
        QCOMPARE(window.undoAction()->text(),
                 QStringLiteral("&Undo Mark %1 findings false positive").arg(selected.size()));
        QVERIFY(window.undoAction()->isEnabled());

        // Undo and redo, several times: exactly the decisions before, then exactly after.
        for (int round = 0; round < 3; ++round) {
            window.undoAction()->trigger();
            QVERIFY(settle(window));
            QCOMPARE(content(stored(m_db)), before);
            const std::vector<store::Decision> restored = stored(m_db);
            QCOMPARE(restored.front().state, TriageState::InTriage);
            QCOMPARE(restored.front().reason, std::string("looking at it"));
            QCOMPARE(restored.front().owner, std::string("bob"));
            shown = shownIds(window);
            for (std::int64_t id : selected)
                QVERIFY(shown.count(id)); // open again
            QVERIFY(window.redoAction()->isEnabled());
            QCOMPARE(window.redoAction()->text(),
                     QStringLiteral("&Redo Mark %1 findings false positive").arg(selected.size()));

            window.redoAction()->trigger();
            QVERIFY(settle(window));
            QCOMPARE(content(stored(m_db)), after);
            shown = shownIds(window);
            for (std::int64_t id : selected)
                QVERIFY(!shown.count(id));
        }

        // Another workspace: the stack is cleared.
        QTemporaryDir other;
        const QString otherDb = wf::buildWorkspace(other);
        QVERIFY(openAndWait(window, otherDb));
        QCOMPARE(window.undoStack()->count(), 0);
        QVERIFY(!window.undoAction()->isEnabled());
    }

    void digestScopeAndSelectionSurvivesTheReload()
    {
        ui::MainWindow window(nullptr, false);
        window.resize(1400, 900);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(openAndWait(window, m_db));
        window.triagePage()->setShowClosed(true);
        QVERIFY(settle(window));
        const std::set<std::int64_t> selected = selectVuln(window, "CVE-2025-0001");
        QVERIFY(selected.size() >= 2);
        std::set<std::string> identities;
        {
            const risk::Facts &facts = window.workbench()->facts();
            for (std::uint32_t f = 0; f < facts.size(); ++f)
                if (selected.count(facts.findingId[f])) {
                    const risk::ImageFacts &image = facts.images[facts.image[f]];
                    QVERIFY(!image.digest.empty());
                    identities.insert(image.digest);
                }
        }
        ui::DecideDialog *dialog = openDialog(window);
        QVERIFY(dialog);
        dialog->setState(TriageState::Exploitable);
        dialog->setScope(DecisionScope::Digest);
        dialog->reasonEdit()->setText(QStringLiteral("PoC works"));
        QTest::mouseClick(dialog->okButton(), Qt::LeftButton);
        QVERIFY(settle(window));
        std::set<std::string> keys;
        for (const store::Decision &d : stored(m_db)) {
            QCOMPARE(d.scope, DecisionScope::Digest);
            keys.insert(d.scopeKey);
        }
        QCOMPARE(keys, identities);
        // The same findings are still selected (exploitable ones stay in the table).
        const risk::Facts &facts = window.workbench()->facts();
        std::set<std::int64_t> still;
        for (const QModelIndex &r : window.triagePage()->view()->selectionModel()->selectedRows())
            still.insert(facts.findingId[window.triagePage()->model()->findingAt(r.row())]);
        QCOMPARE(still, selected);
        QVERIFY(window.triagePage()->view()->currentIndex().isValid());
    }

    void removeOnTheDecisionsPageAndUndo()
    {
        record(m_db,
               {decision(DecisionScope::Fleet,
                         "",
                         "CVE-2025-0003",
                         "bash",
                         TriageState::FalsePositive,
                         "no shell access"),
                decision(DecisionScope::Fleet,
                         "",
                         "CVE-2025-0006",
                         "Apache-Commons",
                         TriageState::InTriage,
                         "checking")});
        const QStringList before = content(stored(m_db));
        ui::MainWindow window(nullptr, false);
        window.resize(1400, 900);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(openAndWait(window, m_db));
        auto *pages = window.findChild<QTabWidget *>(QStringLiteral("pages"));
        pages->setCurrentWidget(window.decisionsPage());
        ui::DecisionsPage *page = window.decisionsPage();
        ui::DecisionsModel *model = page->model();
        QCOMPARE(model->rowCount(), 2);
        QVERIFY(!page->removeAction()->isEnabled());
        int row = -1;
        for (int r = 0; r < model->rowCount(); ++r)
            if (model->decision(r).vulnerability == "CVE-2025-0003")
                row = r;
        QVERIFY(row >= 0);
        page->view()->selectRow(row);
        QVERIFY(page->removeAction()->isEnabled());
        // The details: history and what it covers.
        const QString details = page->details()->toPlainText();
        QVERIFY2(details.contains(QStringLiteral("History")), qPrintable(details));
        QVERIFY2(details.contains(QStringLiteral("setup")), qPrintable(details));
        QVERIFY2(details.contains(QStringLiteral("no shell access")), qPrintable(details));

        page->removeAction()->trigger();
        QVERIFY(settle(window));
        const QStringList after = content(stored(m_db));
        QCOMPARE(after.size(), 1);
        QVERIFY(after.front().contains(QStringLiteral("CVE-2025-0006")));
        QCOMPARE(model->rowCount(), 1);
        QCOMPARE(window.undoAction()->text(),
                 QStringLiteral("&Undo Remove the decision on CVE-2025-0003 in bash"));

        window.undoAction()->trigger();
        QVERIFY(settle(window));
        QCOMPARE(content(stored(m_db)), before);
        QCOMPARE(model->rowCount(), 2);
        window.redoAction()->trigger();
        QVERIFY(settle(window));
        QCOMPARE(content(stored(m_db)), after);
        window.undoAction()->trigger();
        QVERIFY(settle(window));
        QCOMPARE(content(stored(m_db)), before);
        // The history keeps every step: recorded, removed, restored, removed, restored.
        auto ws = store::Workspace::open(m_db.toStdString());
        QVERIFY(ws);
        QCOMPARE(int((*ws)->decisionHistory()->size()), 2 + 4);
    }

    void showInTriageNarrowsToTheCoveredFindings()
    {
        record(m_db,
               {decision(DecisionScope::Fleet,
                         "",
                         "CVE-2025-0003",
                         "bash",
                         TriageState::FalsePositive,
                         "no shell access")});
        ui::MainWindow window(nullptr, false);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(openAndWait(window, m_db));
        auto *pages = window.findChild<QTabWidget *>(QStringLiteral("pages"));
        pages->setCurrentWidget(window.decisionsPage());
        ui::DecisionsPage *page = window.decisionsPage();
        QCOMPARE(page->model()->rowCount(), 1);
        page->view()->selectRow(0);
        QVERIFY(page->showAction()->isEnabled());
        page->showAction()->trigger();
        QCOMPARE(pages->currentWidget(), window.triagePage());
        const risk::Facts &facts = window.workbench()->facts();
        std::set<std::uint32_t> expected;
        for (std::uint32_t f = 0; f < facts.size(); ++f)
            if (facts.vulns[facts.vuln[f]].id == "CVE-2025-0003")
                expected.insert(f);
        QVERIFY(!expected.empty());
        ui::TriageModel *model = window.triagePage()->model();
        QVERIFY(model->showClosed()); // they are decided away
        QVERIFY(!model->restrictionLabel().isEmpty());
        std::set<std::uint32_t> shown;
        for (int r = 0; r < model->rowCount(); ++r)
            shown.insert(model->findingAt(r));
        QCOMPARE(shown, expected);
    }

    void decisionsModelCoversWhatTheMatcherSays()
    {
        const std::int64_t day = 86400;
        store::Decision expired = decision(DecisionScope::Repository,
                                           "registry.example/app3",
                                           "CVE-2025-0002",
                                           "Zlib",
                                           TriageState::RiskAccepted,
                                           "waiting for the vendor");
        expired.expires = wf::kNow - 10 * day;
        store::Decision accepted = expired;
        accepted.scopeKey = "registry.example/app4";
        accepted.expires = wf::kNow + 30 * day;
        store::Decision pinned = decision(DecisionScope::Fleet,
                                          "",
                                          "CVE-2025-0009",
                                          "expat",
                                          TriageState::NotAffected,
                                          "parser unused");
        pinned.justification = "code_not_reachable";
        pinned.version = "no-such-version";
        record(m_db,
               {decision(DecisionScope::Fleet,
                         "",
                         "CVE-2025-0003",
                         "bash",
                         TriageState::FalsePositive,
                         "no shell access"),
                decision(DecisionScope::Digest,
                         fleet::digest(2).toStdString(),
                         "CVE-2025-0003",
                         "bash",
                         TriageState::Exploitable,
                         "app2 runs a shell"),
                decision(DecisionScope::Fleet,
                         "",
                         "CVE-1999-0001",
                         "nothing",
                         TriageState::Fixed,
                         "long gone"),
                expired,
                accepted,
                pinned});

        ui::Workbench workbench;
        ui::DecisionsModel model(&workbench);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy loaded(&workbench, &ui::Workbench::loaded);
        workbench.open(m_db, risk::Policy{}, wf::kNow);
        QVERIFY(loaded.wait(10000));
        const std::vector<store::Decision> decisions = stored(m_db);
        QCOMPARE(model.rowCount(), int(decisions.size()));
        QCOMPARE(model.totalDecisions(), int(decisions.size()));

        // "Covers now" is what the matcher says over the current facts.
        const risk::Facts &facts = workbench.facts();
        const store::DecisionMatcher matcher(decisions, facts);
        std::vector<int> expected(decisions.size(), 0);
        for (std::uint32_t f = 0; f < facts.size(); ++f)
            if (const int d = matcher.decisionOf(f); d >= 0)
                ++expected[std::size_t(d)];
        int zero = 0, some = 0;
        for (int r = 0; r < model.rowCount(); ++r) {
            const int d = model.index(r, 0).data(ui::DecisionsModel::DecisionRole).toInt();
            QCOMPARE(decisions[std::size_t(d)].id, model.decision(r).id);
            const int covers = expected[std::size_t(d)];
            QCOMPARE(model.index(r, 0).data(ui::DecisionsModel::CoversRole).toInt(), covers);
            QCOMPARE(model.index(r, ui::DecisionsModel::Covers).data().toString(),
                     covers ? QString::number(covers) : QStringLiteral("none now"));
            (covers ? some : zero) += 1;
        }
        QVERIFY(some >= 3);
        QVERIFY(zero >= 2); // the vulnerability nobody has; the version nobody runs
        // The narrower decision wins: image 2's bash finding is the digest decision's.
        for (std::uint32_t f = 0; f < facts.size(); ++f)
            if (facts.vulns[facts.vuln[f]].id == "CVE-2025-0003")
                QCOMPARE(decisions[std::size_t(workbench.decisionOf(f))].scope,
                         facts.images[facts.image[f]].digest == fleet::digest(2).toStdString()
                             ? DecisionScope::Digest
                             : DecisionScope::Fleet);

        // Texts: the image's name for a digest, expiry shown.
        for (int r = 0; r < model.rowCount(); ++r) {
            const store::Decision &d = model.decision(r);
            const QString state = model.index(r, ui::DecisionsModel::State).data().toString();
            const QString target = model.index(r, ui::DecisionsModel::Target).data().toString();
            if (d.scope == DecisionScope::Digest)
                QCOMPARE(target, QStringLiteral("registry.example/app2:1.0"));
            if (d.scopeKey == "registry.example/app3")
                QCOMPARE(state, QStringLiteral("risk accepted (expired)"));
            if (d.scopeKey == "registry.example/app4")
                QCOMPARE(state, QStringLiteral("risk accepted"));
            if (d.scope == DecisionScope::Fleet)
                QCOMPARE(target, QStringLiteral("every image"));
            if (!d.version.empty())
                QCOMPARE(model.index(r, ui::DecisionsModel::Package).data().toString(),
                         QStringLiteral("expat no-such-version"));
        }

        // Sorting every column both ways, and the word filter.
        for (int c = 0; c < ui::DecisionsModel::ColumnCount; ++c)
            for (const Qt::SortOrder order : {Qt::AscendingOrder, Qt::DescendingOrder}) {
                model.sort(c, order);
                QCOMPARE(model.rowCount(), int(decisions.size()));
            }
        model.sort(ui::DecisionsModel::Covers, Qt::DescendingOrder);
        for (int r = 1; r < model.rowCount(); ++r)
            QVERIFY(model.coverage(r - 1) >= model.coverage(r));
        model.sort(ui::DecisionsModel::Expires, Qt::AscendingOrder);
        QCOMPARE(model.decision(0).scopeKey, std::string("registry.example/app3"));
        QCOMPARE(model.decision(1).scopeKey, std::string("registry.example/app4"));
        model.setFilterText(QStringLiteral("BASH"));
        QCOMPARE(model.rowCount(), 2);
        model.setFilterText(QStringLiteral("bash shell app2"));
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.decision(0).scope, DecisionScope::Digest);
        model.setFilterText(QStringLiteral("zzz-nothing"));
        QCOMPARE(model.rowCount(), 0);
        model.setFilterText(QString());
        QCOMPARE(model.rowCount(), int(decisions.size()));

        // The triage table's Triage column says so too.
        ui::TriageModel triage(&workbench);
        triage.setShowClosed(true);
        int expiredRows = 0;
        for (int r = 0; r < triage.rowCount(); ++r) {
            const std::uint32_t f = triage.findingAt(r);
            const int d = workbench.decisionOf(f);
            const QString text = triage.index(r, ui::TriageModel::Triage).data().toString();
            if (d < 0) {
                QCOMPARE(text, QStringLiteral("new"));
            } else if (decisions[std::size_t(d)].scopeKey == "registry.example/app3") {
                QCOMPARE(text, QStringLiteral("risk accepted (expired)"));
                QVERIFY(workbench.scoring().isOpen(f)); // expired: open again
                ++expiredRows;
            }
        }
        QVERIFY(expiredRows > 0);
        QVERIFY(!triage.setFilterText(QStringLiteral("triage = \"false-positive\"")));
        QVERIFY(triage.rowCount() > 0);
        for (int r = 0; r < triage.rowCount(); ++r)
            QCOMPARE(triage.index(r, ui::TriageModel::Triage).data().toString(),
                     QStringLiteral("false positive"));
        QCOMPARE(ui::TriageModel::columnName(ui::TriageModel::Ssvc), QStringLiteral("SSVC"));
        QCOMPARE(ui::TriageModel::columnName(ui::TriageModel::Triage), QStringLiteral("Triage"));
    }

    // The facts of an unchanged workspace come from the cache written at the previous load;
    // an acceptance that expired in between must show as expired all the same.
    void expiryIsCurrentWhenTheFactsComeFromTheCache()
    {
        store::Decision accepted = decision(DecisionScope::Fleet,
                                            "",
                                            "CVE-2025-0001",
                                            "openssl",
                                            TriageState::RiskAccepted,
                                            "until the next release");
        accepted.expires = wf::kNow + 10 * 86400;
        record(m_db, {accepted});
        const auto triageOf = [](const ui::Workbench &workbench) {
            const risk::Facts &facts = workbench.facts();
            QStringList states;
            for (std::uint32_t f = 0; f < facts.size(); ++f)
                if (facts.vulns[facts.vuln[f]].id == "CVE-2025-0001")
                    states << ui::triageLabel(facts.triage[f]) + (workbench.scoring().isOpen(f)
                                                                      ? QStringLiteral(" open")
                                                                      : QStringLiteral(" closed"));
            states.removeDuplicates();
            return states;
        };
        const auto load = [&](std::int64_t now) {
            auto workbench = std::make_unique<ui::Workbench>();
            QSignalSpy loaded(workbench.get(), &ui::Workbench::loaded);
            workbench->open(m_db, risk::Policy{}, now);
            if (!loaded.wait(10000))
                workbench.reset();
            return workbench;
        };
        auto before = load(wf::kNow);
        QVERIFY(before);
        // Image 1's finding is resolved (closed either way); the others are accepted.
        QVERIFY2(triageOf(*before).contains(QStringLiteral("risk accepted closed")),
                 qPrintable(triageOf(*before).join(u',')));
        QVERIFY(!triageOf(*before).join(u',').contains(QStringLiteral("expired")));
        QVERIFY(QFileInfo::exists(ui::Workbench::factsCachePath(m_db)));
        auto after = load(wf::kNow + 20 * 86400);
        QVERIFY(after);
        QVERIFY2(triageOf(*after).contains(QStringLiteral("risk accepted (expired) open")),
                 qPrintable(triageOf(*after).join(u',')));
        QVERIFY(!triageOf(*after).contains(QStringLiteral("risk accepted closed")));
    }

    void dialogValidation()
    {
        ui::Workbench workbench;
        QSignalSpy loaded(&workbench, &ui::Workbench::loaded);
        workbench.open(m_db, risk::Policy{}, wf::kNow);
        QVERIFY(loaded.wait(10000));
        const risk::Facts &facts = workbench.facts();
        // Every finding of two vulnerabilities.
        std::vector<std::uint32_t> findings;
        std::set<std::string> digestKeys, fleetKeys;
        for (std::uint32_t f = 0; f < facts.size(); ++f) {
            const std::string &id = facts.vulns[facts.vuln[f]].id;
            if (id != "CVE-2025-0004" && id != "CVE-2025-0008")
                continue;
            findings.push_back(f);
            const risk::ImageFacts &image = facts.images[facts.image[f]];
            digestKeys.insert(store::imageIdentity(image.digest, image.name) + '/' + id);
            fleetKeys.insert(id + '/' + facts.strings[facts.package[f]]);
        }
        QVERIFY(findings.size() > 2);
        ui::DecideDialog dialog(workbench, findings);
        dialog.show();
        QCOMPARE(dialog.decisionCount(DecisionScope::Digest), int(digestKeys.size()));
        QCOMPARE(dialog.decisionCount(DecisionScope::Fleet), int(fleetKeys.size()));
        QVERIFY(dialog.decisionCount(DecisionScope::Fleet) <
                dialog.decisionCount(DecisionScope::Digest));
        QCOMPARE(dialog.ownerEdit()->text(), ui::DecisionController::userName());

        // No reason.
        QVERIFY(!dialog.okButton()->isEnabled());
        QVERIFY(dialog.hintLabel()->text().contains(QStringLiteral("reason")));
        dialog.reasonEdit()->setText(QStringLiteral("   "));
        QVERIFY(!dialog.okButton()->isEnabled());
        dialog.reasonEdit()->setText(QStringLiteral("vendor says so"));
        QVERIFY(dialog.okButton()->isEnabled());
        QVERIFY(!dialog.expiryEdit()->isEnabled());
        QVERIFY(!dialog.justificationBox()->isEnabled());

        // Risk accepted without a date.
        dialog.setState(TriageState::RiskAccepted);
        QVERIFY(dialog.expiryEdit()->isEnabled());
        QVERIFY(!dialog.okButton()->isEnabled());
        QVERIFY2(dialog.hintLabel()->text().contains(QStringLiteral("expires")),
                 qPrintable(dialog.hintLabel()->text()));
        const QDate until = QDate::currentDate().addDays(30);
        dialog.setExpiry(until);
        QVERIFY(dialog.okButton()->isEnabled());
        std::vector<store::Decision> out = dialog.decisions();
        QCOMPARE(int(out.size()), int(digestKeys.size()));
        for (const store::Decision &d : out) {
            QCOMPARE(d.state, TriageState::RiskAccepted);
            QCOMPARE(d.expires, until.startOfDay(Qt::UTC).toSecsSinceEpoch());
            QCOMPARE(d.reason, std::string("vendor says so"));
            QVERIFY(d.justification.empty());
        }
        dialog.setExpiry(QDate());
        QVERIFY(!dialog.okButton()->isEnabled());
        QCOMPARE(dialog.commandText(),
                 QStringLiteral("Accept the risk of %1 findings").arg(findings.size()));

        // Not affected without a justification.
        dialog.setState(TriageState::NotAffected);
        QVERIFY(!dialog.expiryEdit()->isEnabled());
        QVERIFY(dialog.justificationBox()->isEnabled());
        QVERIFY(!dialog.okButton()->isEnabled());
        QVERIFY(dialog.hintLabel()->text().contains(QStringLiteral("justification")));
        // Every value offered is one the VEX vocabularies know.
        QStringList offered;
        for (int i = 0; i < dialog.justificationBox()->count(); ++i)
            if (const QString v = dialog.justificationBox()->itemData(i).toString(); !v.isEmpty()) {
                QVERIFY2(model::isVexJustification(v.toStdString()), qPrintable(v));
                offered << v;
            }
        QVERIFY(offered.contains(QStringLiteral("code_not_reachable")));
        QVERIFY(offered.contains(QStringLiteral("vulnerable_code_not_in_execute_path")));
        dialog.justificationBox()->setCurrentIndex(
            dialog.justificationBox()->findData(QStringLiteral("code_not_reachable")));
        QVERIFY(dialog.okButton()->isEnabled());
        dialog.setScope(DecisionScope::Fleet);
        out = dialog.decisions();
        QCOMPARE(int(out.size()), int(fleetKeys.size()));
        for (const store::Decision &d : out) {
            QCOMPARE(d.scope, DecisionScope::Fleet);
            QVERIFY(d.scopeKey.empty());
            QCOMPARE(d.justification, std::string("code_not_reachable"));
            QCOMPARE(d.expires, std::int64_t(0));
        }
        // Emptying the reason disables OK again, whatever else is set.
        dialog.reasonEdit()->clear();
        QVERIFY(!dialog.okButton()->isEnabled());
    }

    void detailsShowTheDecisionEscaped()
    {
        store::Decision hostile = decision(DecisionScope::Fleet,
                                           "",
                                           "CVE-2025-0001",
                                           "openssl",
                                           TriageState::InTriage,
                                           "<b>bold</b> & 'quoted' <script>alert(1)</script>",
                                           "<img src=x onerror=alert(2)>");
        hostile.note = "<a href=\"javascript:alert(3)\">note</a>";
        record(m_db, {hostile});
        ui::MainWindow window(nullptr, false);
        window.resize(1400, 900);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(openAndWait(window, m_db));
        ui::TriagePage *page = window.triagePage();
        const risk::Facts &facts = window.workbench()->facts();
        int row = -1;
        for (int r = 0; r < page->model()->rowCount() && row < 0; ++r)
            if (facts.vulns[facts.vuln[page->model()->findingAt(r)]].id == "CVE-2025-0001")
                row = r;
        QVERIFY(row >= 0);
        page->view()->selectRow(row);
        auto *details = page->findChild<QTextBrowser *>(QStringLiteral("details"));
        const QString text = details->toPlainText();
        QVERIFY2(text.contains(QStringLiteral("Triage decision")), qPrintable(text));
        QVERIFY2(text.contains(QString::fromStdString(hostile.reason)), qPrintable(text));
        QVERIFY2(text.contains(QString::fromStdString(hostile.owner)), qPrintable(text));
        QVERIFY2(text.contains(QString::fromStdString(hostile.note)), qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("in triage")));
        // The note's markup is text, not a link.
        QVERIFY(!details->toHtml().contains(QStringLiteral("href=\"javascript")));
    }
};

PATCHWISE_GUI_TEST_MAIN(TestDecisions)
#include "tst_decisions.moc"
