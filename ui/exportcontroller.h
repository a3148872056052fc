// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "layers/plan.h"
#include "planreport.h"

#include <QObject>
#include <QPointer>
#include <QString>
#include <QThreadPool>
#include <atomic>
#include <memory>
#include <vector>

class QWidget;

namespace patchwise::ui {

class TriagePage;
class Workbench;

// File ▸ Export: the triage table as CSV (as filtered, sorted and column-configured), and
// the remediation plan as CSV (per action or per finding) or as a PDF report with a preview.
// The plan covers the triage table's rows when a filter or restriction narrows them, else
// every open finding. Files are written on a worker thread, through a temporary file renamed
// into place; the status bar shows progress, and a failure an inline message.
class ExportController : public QObject
{
    Q_OBJECT

public:
    ExportController(QWidget *window, Workbench *workbench, TriagePage *triage);
    ~ExportController() override;

    void exportTableCsv();
    void exportPlanCsv(bool perFinding);
    void exportPlanPdf();

    // For tests and scripting: export straight to `path` without dialogs. The *To functions
    // return false when nothing is open or an export is running; the result arrives with
    // finished().
    bool exportTableCsvTo(const QString &path);
    bool exportPlanCsvTo(const QString &path, bool perFinding);
    bool exportPlanPdfTo(const QString &path);
    bool isBusy() const { return m_busy; }
    void cancel() { m_cancel = true; }

    // What a plan export covers now: the rows of the triage table when narrowed, with a
    // description of the narrowing ("" = every open finding).
    struct Scope
    {
        std::vector<bool> findings; // empty = all
        QString text;
    };
    Scope currentScope() const;

Q_SIGNALS:
    void progress(int done, int total, const QString &what);
    // `error` empty on success; `message` says what was written.
    void finished(const QString &message, const QString &error);

private:
    struct PlanJob;
    std::shared_ptr<PlanJob> planJob() const;
    QString askPath(const QString &title, const QString &suggested, const QString &filter) const;
    void run(const QString &what, const std::function<QString(QString &error)> &work);

    QPointer<QWidget> m_window;
    Workbench *m_workbench;
    TriagePage *m_triage;
    bool m_busy = false;
    std::atomic<bool> m_cancel{false};
    QThreadPool m_pool;
};

} // namespace patchwise::ui
