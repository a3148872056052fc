// SPDX-License-Identifier: GPL-3.0-or-later
#include "importcontroller.h"

#include "store/importrunner.h"

#include <QFutureWatcher>
#include <QPointer>
#include <QtConcurrent/QtConcurrentRun>

namespace patchwise::ui {

ImportController::ImportController(QObject *parent)
    : QObject(parent)
{
    m_pool.setMaxThreadCount(1);
}

ImportController::~ImportController()
{
    if (m_cancel)
        *m_cancel = true;
    m_pool.waitForDone();
}

bool ImportController::start(const QString &database, const QStringList &paths, bool keepGoing)
{
    if (m_running)
        return false;
    m_running = true;
    m_cancel = std::make_shared<std::atomic<bool>>(false);
    store::ImportRequest request;
    for (const QString &p : paths)
        request.paths.push_back(p.toStdString());
    request.keepGoing = keepGoing;
    const auto cancel = m_cancel;
    QPointer<ImportController> self(this);
    request.fileProgress = [self](std::size_t done, std::size_t total) {
        QMetaObject::invokeMethod(
            self,
            [self, done, total] {
                if (self)
                    Q_EMIT self->progress(int(done), int(total));
            },
            Qt::QueuedConnection);
    };
    const std::string db = database.toStdString();
    auto *watcher = new QFutureWatcher<Outcome>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher] {
        watcher->deleteLater();
        m_running = false;
        Q_EMIT finished(watcher->result());
    });
    watcher->setFuture(QtConcurrent::run(&m_pool, [db, request, cancel]() mutable {
        Outcome outcome;
        request.cancel = cancel.get();
        auto ws = store::Workspace::open(db);
        if (!ws) {
            outcome.failures.push_back(
                {QString::fromStdString(db), QString::fromStdString(ws.error())});
            return outcome;
        }
        const store::ImportReport report = store::runImport(**ws, request);
        outcome.committed = report.committed;
        outcome.cancelled = report.cancelled;
        outcome.files = int(report.summary.files.size());
        outcome.newFindings = report.summary.newFindings;
        for (const store::ImportFailure &f : report.failures)
            outcome.failures.push_back(
                {QString::fromStdString(f.path), QString::fromStdString(f.error)});
        return outcome;
    }));
    return true;
}

void ImportController::cancel()
{
    if (m_cancel)
        *m_cancel = true;
}

} // namespace patchwise::ui
