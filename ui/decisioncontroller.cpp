// SPDX-License-Identifier: GPL-3.0-or-later
#include "decisioncontroller.h"

#include "decidedialog.h"
#include "decisioncommand.h"
#include "decisionlabels.h"
#include "workbench.h"

#include <QDir>
#include <QFutureWatcher>
#include <QUndoStack>
#include <QtConcurrent/QtConcurrentRun>
#include <ctime>
#include <unordered_map>
#include <unordered_set>

namespace patchwise::ui {

struct DecisionController::Outcome
{
    std::string error; // empty: stored
    Write backward;    // what the keys held before (when captured)
    int changed = 0;
};

DecisionController::DecisionController(Workbench *workbench, QUndoStack *undoStack, QObject *parent)
    : QObject(parent)
    , m_workbench(workbench)
    , m_undo(undoStack)
{
    m_pool.setMaxThreadCount(1); // one write at a time, in the order asked
}

DecisionController::~DecisionController()
{
    m_pool.waitForDone();
}

QString DecisionController::userName()
{
    for (const char *variable : {"USER", "LOGNAME", "USERNAME"})
        if (const QString name = qEnvironmentVariable(variable).trimmed(); !name.isEmpty())
            return name;
    const QString home = QDir::home().dirName();
    return home.isEmpty() ? QStringLiteral("analyst") : home;
}

DecideDialog *DecisionController::decide(const std::vector<std::uint32_t> &findings,
                                         QWidget *parent)
{
    auto *dialog = new DecideDialog(*m_workbench, findings, parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        record(dialog->decisions(), dialog->commandText());
    });
    dialog->open();
    return dialog;
}

void DecisionController::record(std::vector<store::Decision> decisions, const QString &text)
{
    submit(m_workbench->path(), Write{std::move(decisions), {}}, text, true);
}

void DecisionController::remove(std::vector<store::Decision> decisions, const QString &text)
{
    submit(m_workbench->path(), Write{{}, std::move(decisions)}, text, true);
}

void DecisionController::replay(const QString &path, const Write &write, const QString &done)
{
    submit(path, write, done, false);
}

void DecisionController::submit(const QString &path, Write write, const QString &text, bool push)
{
    if (path.isEmpty() || (write.record.empty() && write.remove.empty()))
        return;
    if (m_pending++ == 0)
        Q_EMIT busyChanged(true);
    auto *watcher = new QFutureWatcher<Outcome>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, path, write, text, push] {
        watcher->deleteLater();
        const Outcome outcome = watcher->result();
        const bool current = path == m_workbench->path();
        QString message;
        if (!outcome.error.empty()) {
            const QString error = QString::fromStdString(outcome.error);
            if (push) {
                message = tr("Decisions not recorded: %1").arg(error);
            } else {
                // The stack believes the step was made; the workspace says otherwise.
                m_undo->clear();
                message =
                    tr("Cannot change the decisions: %1 (the undo history was cleared)").arg(error);
            }
        } else if (push) {
            // Edits of a workspace that is no longer open do not go on its successor's stack.
            if (current)
                m_undo->push(new DecisionCommand(this, path, write, outcome.backward, text));
            message = tr("%1: %2 changed").arg(text, decisionsText(outcome.changed));
        } else {
            message = text;
        }
        if (current && outcome.error.empty())
            m_workbench->reload();
        if (--m_pending == 0)
            Q_EMIT busyChanged(false);
        Q_EMIT finished(outcome.error.empty(), message);
    });
    const std::string who = userName().toStdString();
    const std::int64_t now = std::time(nullptr);
    watcher->setFuture(QtConcurrent::run(
        &m_pool, [p = path.toStdString(), write = std::move(write), push, who, now] {
            return run(p, write, push, who, now);
        }));
}

DecisionController::Outcome DecisionController::run(const std::string &path,
                                                    const Write &write,
                                                    bool capture,
                                                    const std::string &who,
                                                    std::int64_t now)
{
    Outcome out;
    auto ws = store::Workspace::open(path);
    if (!ws) {
        out.error = ws.error();
        return out;
    }
    if (capture) {
        auto existing = (*ws)->decisions();
        if (!existing) {
            out.error = existing.error();
            return out;
        }
        std::unordered_map<std::string, const store::Decision *> byKey;
        for (const store::Decision &d : *existing)
            byKey.emplace(decisionKey(d), &d);
        std::unordered_set<std::string> seen;
        for (const auto *list : {&write.record, &write.remove})
            for (const store::Decision &d : *list) {
                std::string key = decisionKey(d);
                if (!seen.insert(key).second)
                    continue;
                if (const auto it = byKey.find(key); it != byKey.end())
                    out.backward.record.push_back(*it->second);
                else
                    out.backward.remove.push_back(d);
            }
    }
    if (!write.record.empty()) {
        const auto changed = (*ws)->recordDecisions(write.record, who, now);
        if (!changed) {
            out.error = changed.error();
            return out;
        }
        out.changed += *changed;
    }
    if (!write.remove.empty()) {
        const auto removed = (*ws)->removeDecisions(write.remove, who, now);
        if (!removed) {
            out.error = removed.error();
            return out;
        }
        out.changed += *removed;
    }
    return out;
}

} // namespace patchwise::ui
