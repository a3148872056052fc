// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QStringList>
#include <QThreadPool>
#include <atomic>
#include <memory>

namespace patchwise::ui {

// Runs imports off the GUI thread, one at a time: progress per file, cancel (the import
// rolls back, so the workspace stays as it was), and a summary at the end. The worker opens
// its own connection to the workspace.
class ImportController : public QObject
{
    Q_OBJECT

public:
    struct Failure
    {
        QString path;
        QString error; // names the file and the place in it
    };
    struct Outcome
    {
        bool committed = false;
        bool cancelled = false;
        int files = 0;
        int newFindings = 0;
        QList<Failure> failures;
    };

    explicit ImportController(QObject *parent = nullptr);
    ~ImportController() override;

    // Imports `paths` (files or folders) into the workspace at `database` as one snapshot.
    // false when an import is already running.
    bool start(const QString &database, const QStringList &paths, bool keepGoing = true);
    void cancel();
    bool isRunning() const { return m_running; }

Q_SIGNALS:
    void progress(int done, int total);
    void finished(const patchwise::ui::ImportController::Outcome &outcome);

private:
    QThreadPool m_pool;
    std::shared_ptr<std::atomic<bool>> m_cancel;
    bool m_running = false;
};

} // namespace patchwise::ui
