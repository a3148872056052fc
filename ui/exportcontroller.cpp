// SPDX-License-Identifier: GPL-3.0-or-later
#include "exportcontroller.h"

#include "export/riskexport.h"
#include "store/workspace.h"
#include "tableexport.h"
#include "triagepage.h"
#include "workbench.h"

#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QGuiApplication>
#include <QHeaderView>
#include <QLabel>
#include <QPageLayout>
#include <QPrintDialog>
#include <QPrintPreviewWidget>
#include <QPrinter>
#include <QPushButton>
#include <QSaveFile>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>
#include <ctime>

namespace patchwise::ui {

// Everything a plan export reads, held alive for the worker.
struct ExportController::PlanJob
{
    std::shared_ptr<const void> state, scoringHandle;
    const risk::Scoring *scoring = nullptr;
    const std::vector<store::ImageLayers> *images = nullptr;
    const std::vector<std::optional<layers::BaseImage>> *bases = nullptr;
    const std::vector<layers::BaseFlags> *flags = nullptr;
    Scope scope;
    QString workspacePath;

    layers::RemediationPlan plan() const
    {
        return layers::buildPlan(*scoring, *images, *bases, *flags, scope.findings);
    }

    report::PlanReportInput reportInput(const layers::RemediationPlan &plan) const
    {
        report::PlanReportInput in;
        in.scoring = scoring;
        in.plan = &plan;
        in.scope = scope.findings;
        in.workspace = QFileInfo(workspacePath).fileName();
        in.scopeText = scope.text;
        // A read-only look that leaves the workspace's files as they were.
        if (auto ws = store::Workspace::openReadOnly(workspacePath.toStdString()); ws)
            if (auto latest = (*ws)->latestScanTime(); latest)
                in.latestScan = *latest;
        in.generatedAt = std::int64_t(std::time(nullptr));
        const QString version = QCoreApplication::applicationVersion();
        in.generator = version.isEmpty() ? QStringLiteral("Patchwise")
                                         : QString(QStringLiteral("Patchwise ") + version);
        return in;
    }
};

ExportController::ExportController(QWidget *window, Workbench *workbench, TriagePage *triage)
    : QObject(window)
    , m_window(window)
    , m_workbench(workbench)
    , m_triage(triage)
{
    m_pool.setMaxThreadCount(1);
}

ExportController::~ExportController()
{
    m_cancel = true;
    m_pool.waitForDone();
}

ExportController::Scope ExportController::currentScope() const
{
    Scope scope;
    const TriageModel *model = m_triage->model();
    const QString filter = model->filterText().trimmed();
    const QString restriction = model->restrictionLabel();
    if (filter.isEmpty() && restriction.isEmpty())
        return scope;
    scope.findings.assign(m_workbench->facts().size(), false);
    for (int r = 0; r < model->rowCount(); ++r)
        scope.findings[model->findingAt(r)] = true;
    QStringList parts;
    if (!filter.isEmpty())
        parts << filter;
    if (!restriction.isEmpty())
        parts << restriction;
    scope.text = parts.join(QStringLiteral(" · "));
    return scope;
}

std::shared_ptr<ExportController::PlanJob> ExportController::planJob() const
{
    auto job = std::make_shared<PlanJob>();
    job->state = m_workbench->stateHandle();
    job->scoringHandle = m_workbench->scoringHandle();
    job->scoring = &m_workbench->scoring();
    job->images = &m_workbench->imageLayers();
    job->bases = &m_workbench->bases();
    job->flags = &m_workbench->baseFlags();
    job->scope = currentScope();
    job->workspacePath = m_workbench->path();
    return job;
}

QString ExportController::askPath(const QString &title,
                                  const QString &suggested,
                                  const QString &filter) const
{
    const QString folder = QFileInfo(m_workbench->path()).absolutePath();
    return QFileDialog::getSaveFileName(m_window, title, QDir(folder).filePath(suggested), filter);
}

void ExportController::run(const QString &what, const std::function<QString(QString &error)> &work)
{
    m_busy = true;
    m_cancel = false;
    Q_EMIT progress(0, 0, what);
    auto *watcher = new QFutureWatcher<std::pair<QString, QString>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher] {
        watcher->deleteLater();
        m_busy = false;
        const auto [message, error] = watcher->result();
        Q_EMIT finished(message, error);
    });
    watcher->setFuture(QtConcurrent::run(&m_pool, [work] {
        QString error;
        QString message = work(error);
        return std::pair{message, error};
    }));
}

bool ExportController::exportTableCsvTo(const QString &path)
{
    if (m_busy || !m_workbench->isOpen())
        return false;
    // The visible columns in their on-screen order.
    const QHeaderView *header = m_triage->view()->horizontalHeader();
    std::vector<int> columns;
    for (int visual = 0; visual < header->count(); ++visual) {
        const int logical = header->logicalIndex(visual);
        if (!header->isSectionHidden(logical))
            columns.push_back(logical);
    }
    auto snapshot = std::make_shared<TriageModel::Snapshot>(m_triage->model()->snapshot());
    const int total = int(snapshot->rows.size());
    QPointer<ExportController> self(this);
    run(tr("Exporting %1 rows").arg(total), [=, this](QString &error) {
        const auto written =
            writeTableCsv(path, *snapshot, columns, &m_cancel, [&](std::size_t done) {
                QMetaObject::invokeMethod(self, [self, done, total] {
                    if (self)
                        Q_EMIT self->progress(int(done), total, tr("Exporting rows"));
                });
            });
        if (!written) {
            error = QString::fromStdString(written.error());
            return QString();
        }
        return tr("Exported %1 rows to %2")
            .arg(QLocale().toString(qulonglong(*written)), QDir::toNativeSeparators(path));
    });
    return true;
}

bool ExportController::exportPlanCsvTo(const QString &path, bool perFinding)
{
    if (m_busy || !m_workbench->isOpen())
        return false;
    const auto job = planJob();
    run(tr("Exporting the remediation plan"), [job, path, perFinding](QString &error) {
        const layers::RemediationPlan plan = job->plan();
        const std::string text = perFinding ? exporting::planFindingsCsv(plan, *job->scoring)
                                            : exporting::planCsv(plan, *job->scoring);
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly) ||
            file.write(text.data(), qint64(text.size())) != qint64(text.size()) || !file.commit()) {
            error = path + QStringLiteral(": ") + file.errorString();
            return QString();
        }
        return tr("Exported %1 actions to %2")
            .arg(plan.actions.size())
            .arg(QDir::toNativeSeparators(path));
    });
    return true;
}

bool ExportController::exportPlanPdfTo(const QString &path)
{
    if (m_busy || !m_workbench->isOpen())
        return false;
    const auto job = planJob();
    run(tr("Writing the PDF report"), [job, path](QString &error) {
        const layers::RemediationPlan plan = job->plan();
        const auto written = report::writePlanPdf(path, job->reportInput(plan));
        if (!written) {
            error = QString::fromStdString(written.error());
            return QString();
        }
        return tr("Wrote %1 (%2 pages)").arg(QDir::toNativeSeparators(path)).arg(written->pages);
    });
    return true;
}

void ExportController::exportTableCsv()
{
    if (!m_workbench->isOpen())
        return;
    const QString path =
        askPath(tr("Export the triage table as CSV"),
                QFileInfo(m_workbench->path()).completeBaseName() + QStringLiteral("-findings.csv"),
                tr("CSV files (*.csv)"));
    if (!path.isEmpty())
        exportTableCsvTo(path);
}

void ExportController::exportPlanCsv(bool perFinding)
{
    if (!m_workbench->isOpen())
        return;
    const QString path = askPath(
        perFinding ? tr("Export the plan's findings as CSV")
                   : tr("Export the remediation plan as CSV"),
        QFileInfo(m_workbench->path()).completeBaseName() +
            (perFinding ? QStringLiteral("-plan-findings.csv") : QStringLiteral("-plan.csv")),
        tr("CSV files (*.csv)"));
    if (!path.isEmpty())
        exportPlanCsvTo(path, perFinding);
}

void ExportController::exportPlanPdf()
{
    if (!m_workbench->isOpen() || m_busy)
        return;
    // The preview lays the report out on the GUI thread; the plan is built first.
    QGuiApplication::setOverrideCursor(Qt::WaitCursor);
    const auto job = planJob();
    const auto plan = std::make_shared<layers::RemediationPlan>(job->plan());
    const auto input = std::make_shared<report::PlanReportInput>(job->reportInput(*plan));
    QGuiApplication::restoreOverrideCursor();

    auto *dialog = new QDialog(m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setObjectName(QStringLiteral("pdfPreview"));
    dialog->setWindowTitle(tr("Remediation plan — preview"));
    dialog->resize(900, 1000);
    auto *printer = new QPrinter(QPrinter::HighResolution);
    printer->setPageLayout(
        QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait, QMarginsF(0, 0, 0, 0)));
    auto *preview = new QPrintPreviewWidget(printer, dialog);
    connect(dialog, &QObject::destroyed, dialog, [printer] { delete printer; });
    connect(preview, &QPrintPreviewWidget::paintRequested, dialog, [input](QPrinter *p) {
        QGuiApplication::setOverrideCursor(Qt::WaitCursor);
        report::paintPlanReport(*p, *input);
        QGuiApplication::restoreOverrideCursor();
    });
    auto *bar = new QToolBar;
    bar->addAction(tr("Fit width"), preview, &QPrintPreviewWidget::fitToWidth);
    bar->addAction(tr("Whole page"), preview, &QPrintPreviewWidget::fitInView);
    bar->addAction(tr("Zoom in"), preview, [preview] { preview->zoomIn(); });
    bar->addAction(tr("Zoom out"), preview, [preview] { preview->zoomOut(); });
    auto *scope = new QLabel;
    scope->setTextFormat(Qt::PlainText); // the filter is the analyst's text, shown as typed
    scope->setText(input->scopeText.isEmpty()
                       ? tr("Scope: every open finding")
                       : tr("Scope: the triage table's rows (%1)").arg(input->scopeText));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    QPushButton *save = buttons->addButton(tr("Save PDF…"), QDialogButtonBox::AcceptRole);
    save->setObjectName(QStringLiteral("savePdf"));
    QPushButton *print = buttons->addButton(tr("Print…"), QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    connect(save, &QPushButton::clicked, dialog, [this, dialog] {
        const QString path =
            askPath(tr("Save the remediation plan as PDF"),
                    QFileInfo(m_workbench->path()).completeBaseName() + QStringLiteral("-plan.pdf"),
                    tr("PDF files (*.pdf)"));
        if (path.isEmpty())
            return;
        exportPlanPdfTo(path);
        dialog->accept();
    });
    connect(print, &QPushButton::clicked, dialog, [printer, preview, dialog] {
        QPrintDialog printDialog(printer, dialog);
        if (printDialog.exec() == QDialog::Accepted)
            preview->print();
    });
    auto *layout = new QVBoxLayout(dialog);
    layout->addWidget(bar);
    layout->addWidget(preview, 1);
    layout->addWidget(scope);
    layout->addWidget(buttons);
    dialog->show();
    preview->fitToWidth();
}

} // namespace patchwise::ui
