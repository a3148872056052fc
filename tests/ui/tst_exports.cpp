// SPDX-License-Identifier: GPL-3.0-or-later
// File ▸ Export driven through ExportController over a real TriagePage: the CSV holds the
// table exactly as shown (rows in order, visible columns in on-screen order, displayed
// values), the plan exports follow the table's filter, the PDF is a PDF whose text carries
// the scope, and a failed export leaves nothing behind.

#include "csvreader.h"
#include "exportcontroller.h"
#include "triagemodel.h"
#include "triagepage.h"
#include "workbench.h"
#include "workbenchfixture.h"

#include <QFile>
#include <QHeaderView>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace patchwise;
namespace wf = workbenchfixture;
using ui::ExportController;
using ui::TriageModel;

class TestExports : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_db;
    std::unique_ptr<ui::Workbench> m_workbench;
    std::unique_ptr<ui::TriagePage> m_page;
    std::unique_ptr<ExportController> m_export;

    // Waits for the running export; returns its error ("" = success).
    QString finish()
    {
        QSignalSpy done(m_export.get(), &ExportController::finished);
        if (!done.wait(20000))
            return QStringLiteral("no finished() signal");
        return done.at(0).at(1).toString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_db = wf::buildWorkspace(m_dir, true);
        QVERIFY(!m_db.isEmpty());
        m_workbench = std::make_unique<ui::Workbench>();
        m_page = std::make_unique<ui::TriagePage>(m_workbench.get());
        m_page->resize(1200, 700);
        m_export =
            std::make_unique<ExportController>(m_page.get(), m_workbench.get(), m_page.get());
        QSignalSpy loaded(m_workbench.get(), &ui::Workbench::loaded);
        m_workbench->open(m_db, risk::Policy{}, wf::kNow);
        QVERIFY(loaded.wait(10000));
        QTRY_VERIFY(!m_page->model()->isRebuilding());
    }

    void tableCsvIsTheTableAsShown()
    {
        TriageModel *model = m_page->model();
        QHeaderView *header = m_page->view()->horizontalHeader();
        // Configure the table as an analyst might: a filter, a sort, a hidden and a moved
        // column.
        m_page->setFilterText(QStringLiteral("severity >= medium"));
        m_page->view()->sortByColumn(TriageModel::Package, Qt::AscendingOrder);
        QTRY_VERIFY(!model->isRebuilding());
        header->setSectionHidden(TriageModel::RankChange, true);
        header->setSectionHidden(TriageModel::Epss, true);
        header->moveSection(header->visualIndex(TriageModel::Image), 1);
        QVERIFY(model->rowCount() > 3);
        QVERIFY(model->rowCount() < model->totalFindings());

        const QString path = m_dir.filePath(QStringLiteral("table.csv"));
        QVERIFY(m_export->exportTableCsvTo(path));
        QCOMPARE(finish(), QString());
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const csvreader::Parsed parsed = csvreader::parse(file.readAll());
        QVERIFY2(parsed.error.isEmpty(), qPrintable(parsed.error));

        std::vector<int> columns;
        QStringList expectedHeader;
        for (int visual = 0; visual < header->count(); ++visual) {
            const int logical = header->logicalIndex(visual);
            if (header->isSectionHidden(logical))
                continue;
            columns.push_back(logical);
            expectedHeader << TriageModel::columnName(logical);
        }
        QCOMPARE(parsed.records.size(), model->rowCount() + 1);
        QCOMPARE(parsed.records.first(), expectedHeader);
        QCOMPARE(expectedHeader.at(1), TriageModel::columnName(TriageModel::Image));
        QVERIFY(!expectedHeader.contains(TriageModel::columnName(TriageModel::Epss)));
        for (int r = 0; r < model->rowCount(); ++r)
            for (std::size_t c = 0; c < columns.size(); ++c) {
                const QString shown = model->index(r, columns[c]).data().toString();
                // As shown, neutralised where a spreadsheet would run it.
                const QString expected = csvreader::neutralised(shown);
                const QString cell = parsed.records.at(r + 1).at(qsizetype(c));
                QVERIFY2(expected == cell,
                         qPrintable(QStringLiteral("row %1 column %2: \"%3\" vs \"%4\"")
                                        .arg(r)
                                        .arg(expectedHeader.at(qsizetype(c)), cell, shown)));
            }
        // The hostile package name is in there, as text.
        bool hostile = false;
        for (const QStringList &record : parsed.records)
            hostile = hostile || record.contains(wf::kHostilePackage);
        QVERIFY(hostile);
        header->setSectionHidden(TriageModel::RankChange, false);
        header->setSectionHidden(TriageModel::Epss, false);
        m_page->setFilterText(QString());
        QTRY_VERIFY(!model->isRebuilding());
    }

    void planExportsFollowTheTable()
    {
        TriageModel *model = m_page->model();
        m_page->setFilterText(QStringLiteral("kev or severity >= high"));
        QTRY_VERIFY(!model->isRebuilding());
        const ExportController::Scope scope = m_export->currentScope();
        QCOMPARE(scope.text, QStringLiteral("kev or severity >= high"));
        QCOMPARE(scope.findings.size(), m_workbench->facts().size());
        QSet<QString> shownKeys;
        const risk::Facts &facts = m_workbench->facts();
        const auto keyOf = [&](std::uint32_t f) {
            const risk::ImageFacts &image = facts.images[facts.image[f]];
            return QString::fromStdString((image.digest.empty() ? image.name : image.digest) + "|" +
                                          facts.vulns[facts.vuln[f]].id + "|" +
                                          facts.strings[facts.package[f]] + "|" +
                                          facts.strings[facts.version[f]]);
        };
        for (int r = 0; r < model->rowCount(); ++r)
            shownKeys.insert(keyOf(model->findingAt(r)));

        const QString path = m_dir.filePath(QStringLiteral("plan-findings.csv"));
        QVERIFY(m_export->exportPlanCsvTo(path, true));
        QCOMPARE(finish(), QString());
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const auto rows = csvreader::rows(csvreader::parse(file.readAll()));
        QVERIFY(rows);
        QSet<QString> planKeys;
        for (const auto &row : *rows)
            planKeys.insert(row.value(QStringLiteral("finding")));
        // Exactly the open findings the table shows (it hides closed ones by default).
        QCOMPARE(planKeys, shownKeys);

        const QString pdf = m_dir.filePath(QStringLiteral("plan.pdf"));
        QVERIFY(m_export->exportPlanPdfTo(pdf));
        QCOMPARE(finish(), QString());
        QFile pdfFile(pdf);
        QVERIFY(pdfFile.open(QIODevice::ReadOnly));
        QVERIFY(pdfFile.read(5) == "%PDF-");
        const QString pdftotext = QStandardPaths::findExecutable(QStringLiteral("pdftotext"));
        if (!pdftotext.isEmpty()) {
            QProcess p;
            p.start(pdftotext, {pdf, QStringLiteral("-")});
            QVERIFY(p.waitForFinished(20000));
            QString text = QString::fromUtf8(p.readAllStandardOutput());
            text.replace(QRegularExpression(QStringLiteral("\\s+")), QStringLiteral(" "));
            QVERIFY2(
                text.contains(QStringLiteral("Open findings matching: kev or severity >= high")),
                qPrintable(text.left(800)));
            QVERIFY(text.contains(
                QStringLiteral("The scope holds %1 open findings").arg(shownKeys.size())));
        }
        m_page->setFilterText(QString());
        QTRY_VERIFY(!model->isRebuilding());
    }

    void failedExportLeavesNoFile()
    {
        const QString path = m_dir.filePath(QStringLiteral("missing/folder/table.csv"));
        QVERIFY(m_export->exportTableCsvTo(path));
        const QString error = finish();
        QVERIFY2(error.contains(QStringLiteral("table.csv")), qPrintable(error));
        QVERIFY(!QFile::exists(path));
        // One export at a time.
        QVERIFY(m_export->exportPlanCsvTo(m_dir.filePath(QStringLiteral("a.csv")), false));
        QVERIFY(!m_export->exportPlanCsvTo(m_dir.filePath(QStringLiteral("b.csv")), false));
        QCOMPARE(finish(), QString());
        QVERIFY(QFile::exists(m_dir.filePath(QStringLiteral("a.csv"))));
        QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("b.csv"))));
    }
};

PATCHWISE_GUI_TEST_MAIN(TestExports)
#include "tst_exports.moc"
