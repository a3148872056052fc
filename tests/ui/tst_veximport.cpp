// SPDX-License-Identifier: GPL-3.0-or-later
// File ▸ Import VEX: the preview lists every statement with the findings it matches now or
// why it matches nothing, shows scan-file text as text, and hands over exactly the
// decisions of the statements left ticked.

#include "decisioncontroller.h"
#include "mainwindow.h"
#include "risk/policy.h"
#include "store/vexmatch.h"
#include "triagemodel.h"
#include "triagepage.h"
#include "veximportdialog.h"
#include "windowwait.h"
#include "workbench.h"
#include "workbenchfixture.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QElapsedTimer>
#include <QPushButton>
#include <QSignalSpy>
#include <QTreeWidget>
#include <QUndoStack>
#include <set>

using namespace patchwise;
namespace wf = workbenchfixture;

namespace {

QJsonObject statement(const QString &vuln,
                      const QString &product,
                      const QString &status,
                      const QString &justification = {})
{
    QJsonObject s{
        {QStringLiteral("vulnerability"), QJsonObject{{QStringLiteral("name"), vuln}}},
        {QStringLiteral("products"), QJsonArray{QJsonObject{{QStringLiteral("@id"), product}}}},
        {QStringLiteral("status"), status}};
    if (!justification.isEmpty())
        s.insert(QStringLiteral("justification"), justification);
    return s;
}

QString writeVex(const QString &path, const QJsonArray &statements)
{
    const QJsonObject doc{
        {QStringLiteral("@context"), QStringLiteral("https://openvex.dev/ns/v0.2.0")},
        {QStringLiteral("@id"), QStringLiteral("urn:test:1")},
        {QStringLiteral("author"), QStringLiteral("Vendor PSIRT")},
        {QStringLiteral("statements"), statements}};
    return wf::writeFile(path, QJsonDocument(doc).toJson().toStdString());
}

} // namespace

class TestVexImport : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_db;

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_db = wf::buildWorkspace(m_dir, true);
        QVERIFY(!m_db.isEmpty());
    }

    void previewShowsMatchesAndReasons()
    {
        ui::Workbench workbench;
        QSignalSpy loaded(&workbench, &ui::Workbench::loaded);
        workbench.open(m_db, risk::Policy{}, wf::kNow);
        QVERIFY(loaded.wait(10000));
        const risk::Facts &facts = workbench.facts();
        // The openssl findings of CVE-2025-0001, counted here from the facts.
        std::set<std::string> images;
        int expected = 0;
        std::string version;
        for (std::uint32_t f = 0; f < facts.size(); ++f) {
            if (facts.vulns[facts.vuln[f]].id == "CVE-2025-0001" &&
                facts.strings[facts.package[f]] == "openssl") {
                ++expected;
                images.insert(facts.images[facts.image[f]].name);
                version = facts.strings[facts.version[f]];
            }
        }
        QVERIFY(expected >= 2);
        const QString hostile = QStringLiteral("<img src=x onerror=alert(1)>");
        const QString path = writeVex(
            m_dir.filePath(QStringLiteral("vendor.openvex.json")),
            {statement(QStringLiteral("CVE-2025-0001"),
                       QStringLiteral("pkg:deb/debian/openssl"),
                       QStringLiteral("not_affected"),
                       QStringLiteral("vulnerable_code_not_present")),
             statement(QStringLiteral("CVE-2031-0001"),
                       QStringLiteral("pkg:deb/debian/openssl"),
                       QStringLiteral("fixed")),
             statement(hostile, QStringLiteral("cpe:2.3:a:x:y:1"), QStringLiteral("fixed")),
             statement(QStringLiteral("CVE-2025-0001"),
                       QStringLiteral("pkg:deb/debian/openssl@0.0.0-not-there"),
                       QStringLiteral("affected"))});

        ui::VexImportDialog dialog(&workbench);
        QVERIFY2(dialog.load({path}), qPrintable(dialog.errorText()));
        QTreeWidget *tree = dialog.tree();
        QCOMPARE(tree->topLevelItemCount(), 4);
        QCOMPARE(dialog.unmatchedCount(), 3);

        // 1: matches every openssl finding of CVE-2025-0001, listed by image.
        QTreeWidgetItem *first = tree->topLevelItem(0);
        QCOMPARE(first->text(0), QStringLiteral("CVE-2025-0001"));
        QCOMPARE(first->text(1), QStringLiteral("not_affected → not affected"));
        QCOMPARE(first->text(3), QStringLiteral("%1 findings").arg(expected));
        QCOMPARE(first->childCount(), expected);
        std::set<std::string> listed;
        for (int i = 0; i < first->childCount(); ++i) {
            const auto f = first->child(i)->data(0, Qt::UserRole).toUInt();
            const std::string &image = facts.images[facts.image[f]].name;
            listed.insert(image);
            QVERIFY(first->child(i)->text(0).startsWith(QString::fromStdString(image) +
                                                        QStringLiteral(" — openssl ")));
        }
        QCOMPARE(listed, images);

        // 2: the reason it matches nothing.
        QTreeWidgetItem *second = tree->topLevelItem(1);
        QCOMPARE(second->text(3), QStringLiteral("nothing now"));
        QCOMPARE(second->childCount(), 1);
        QVERIFY2(second->child(0)->text(0).contains(
                     QStringLiteral("CVE-2031-0001 is not reported in the workspace")),
                 qPrintable(second->child(0)->text(0)));

        // 3: hostile text stays text; not a purl, so nothing to record.
        QTreeWidgetItem *third = tree->topLevelItem(2);
        QCOMPARE(third->text(0), hostile);
        QVERIFY(third->toolTip(0).contains(QStringLiteral("vendor.openvex.json")));
        QVERIFY(!third->toolTip(2).contains(QStringLiteral("<img")));
        QCOMPARE(third->text(3), QStringLiteral("cannot be recorded"));
        QVERIFY(!(third->flags() & Qt::ItemIsUserCheckable));
        QVERIFY(third->child(0)->text(0).contains(QStringLiteral("is not a package URL")));

        // 4: the version is not in the workspace: which one is, is said.
        QTreeWidgetItem *fourth = tree->topLevelItem(3);
        QVERIFY2(fourth->child(0)->text(0).contains(
                     QStringLiteral("at version %1").arg(QString::fromStdString(version))),
                 qPrintable(fourth->child(0)->text(0)));

        // What is handed over: statements 1, 2 and 4 (2 and 4 for later scans).
        auto decisions = dialog.decisions();
        QCOMPARE(decisions.size(), std::size_t(3));
        QCOMPARE(decisions[0].state, model::TriageState::NotAffected);
        QCOMPARE(decisions[0].scope, model::DecisionScope::Fleet);
        QCOMPARE(decisions[0].owner, std::string("Vendor PSIRT"));
        QPushButton *ok = dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
        QCOMPARE(ok->text(), QStringLiteral("Record 3 decisions"));
        dialog.recordUnmatchedBox()->setChecked(false);
        QCOMPARE(dialog.decisions().size(), std::size_t(1));
        QCOMPARE(ok->text(), QStringLiteral("Record 1 decision"));
        first->setCheckState(0, Qt::Unchecked);
        QVERIFY(dialog.decisions().empty());
        QVERIFY(!ok->isEnabled());

        // Only what matches nothing.
        dialog.onlyUnmatchedBox()->setChecked(true);
        QVERIFY(first->isHidden());
        QVERIFY(!second->isHidden());
    }

    // Through the main window: the preview accepted records the decisions as one undoable
    // edit, the findings leave the ranking, and File ▸ Export writes them as OpenVEX.
    void importIsUndoableAndExports()
    {
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("copy.pw"));
        QVERIFY(QFile::copy(m_db, db));
        ui::MainWindow window;
        QVERIFY(windowwait::openAndWait(window, db));
        const auto settle = [&] { return windowwait::settle(window); };
        const auto stored = [&] {
            auto ws = store::Workspace::open(db.toStdString());
            return ws ? (*ws)->decisions()->size() : std::size_t(99);
        };
        const auto decidedOpenssl = [&] {
            const risk::Facts &facts = window.workbench()->facts();
            int n = 0;
            for (std::uint32_t f = 0; f < facts.size(); ++f)
                if (facts.vulns[facts.vuln[f]].id == "CVE-2025-0001" &&
                    (facts.flags[f] & risk::Suppressed) && !facts.triage.empty() &&
                    facts.triage[f] == std::uint8_t(model::TriageState::NotAffected))
                    ++n;
            return n;
        };
        const QString path = writeVex(dir.filePath(QStringLiteral("v.json")),
                                      {statement(QStringLiteral("CVE-2025-0001"),
                                                 QStringLiteral("pkg:deb/debian/openssl"),
                                                 QStringLiteral("not_affected"),
                                                 QStringLiteral("component_not_present"))});
        QCOMPARE(decidedOpenssl(), 0);
        QVERIFY(window.importVex({path}, false));
        QVERIFY(settle());
        QCOMPARE(stored(), std::size_t(1));
        QVERIFY(decidedOpenssl() >= 2);
        QCOMPARE(window.undoStack()->undoText(), QStringLiteral("Import 1 VEX decision"));
        window.undoStack()->undo();
        QVERIFY(settle());
        QCOMPARE(stored(), std::size_t(0));
        QCOMPARE(decidedOpenssl(), 0);
        window.undoStack()->redo();
        QVERIFY(settle());
        QCOMPARE(stored(), std::size_t(1));

        const QString out = dir.filePath(QStringLiteral("out.openvex.json"));
        QVERIFY(window.exportOpenVex(out));
        QFile file(out);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonObject vex = QJsonDocument::fromJson(file.readAll()).object();
        const QJsonArray statements = vex.value(QStringLiteral("statements")).toArray();
        QCOMPARE(statements.size(), 1);
        QCOMPARE(statements.at(0).toObject().value(QStringLiteral("status")).toString(),
                 QStringLiteral("not_affected"));
        QCOMPARE(statements.at(0).toObject().value(QStringLiteral("justification")).toString(),
                 QStringLiteral("component_not_present"));
        // A file that is not VEX records nothing.
        QVERIFY(!window.importVex({db}, false));
        QCOMPARE(stored(), std::size_t(1));
    }

    void badFileIsNamed()
    {
        ui::Workbench workbench;
        QSignalSpy loaded(&workbench, &ui::Workbench::loaded);
        workbench.open(m_db, risk::Policy{}, wf::kNow);
        QVERIFY(loaded.wait(10000));
        const QString good = writeVex(m_dir.filePath(QStringLiteral("good.json")),
                                      {statement(QStringLiteral("CVE-2025-0001"),
                                                 QStringLiteral("pkg:deb/debian/openssl"),
                                                 QStringLiteral("fixed"))});
        const QString bad = writeVex(m_dir.filePath(QStringLiteral("bad.json")),
                                     {statement(QStringLiteral("CVE-2025-0001"),
                                                QStringLiteral("pkg:deb/debian/openssl"),
                                                QStringLiteral("patched"))});
        ui::VexImportDialog dialog(&workbench);
        QVERIFY(!dialog.load({good, bad}));
        QVERIFY2(dialog.errorText().contains(QStringLiteral("bad.json: OpenVEX, at "
                                                            "statements[0].status")),
                 qPrintable(dialog.errorText()));
        QVERIFY(dialog.decisions().empty());
    }
};

QTEST_MAIN(TestVexImport)
#include "tst_veximport.moc"
