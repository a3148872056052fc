// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/workspace.h"

#include <QObject>
#include <QString>
#include <QThreadPool>
#include <cstdint>
#include <vector>

class QUndoStack;
class QWidget;

namespace patchwise::ui {

class DecideDialog;
class Workbench;

// Every edit of the analysts' decisions goes through here: deciding on findings (the decide
// dialog), removing decisions, and undoing or redoing either. Writes run one at a time, in
// the order asked, on a worker thread with its own connection to the workspace. An edit goes
// on the undo stack once it is stored, together with what each key it wrote held before, so
// undo restores exactly that. After every write the workbench reloads.
class DecisionController : public QObject
{
    Q_OBJECT

public:
    // What one write changes, all of it keyed by (scope, scopeKey, vulnerability, package,
    // version).
    struct Write
    {
        std::vector<store::Decision> record; // recorded (replacing what has the same key)
        std::vector<store::Decision> remove; // removed when present
    };

    DecisionController(Workbench *workbench, QUndoStack *undoStack, QObject *parent = nullptr);
    ~DecisionController() override; // waits for the write in progress

    QUndoStack *undoStack() const { return m_undo; }

    // Opens the decide dialog for these findings (indices into the workbench's current facts)
    // and returns at once; OK records its decisions as one undoable edit. The dialog deletes
    // itself when closed.
    DecideDialog *decide(const std::vector<std::uint32_t> &findings, QWidget *parent);

    // Records these decisions, or removes them, as one undoable edit named `text` (the undo
    // stack's "Undo <text>").
    void record(std::vector<store::Decision> decisions, const QString &text);
    void remove(std::vector<store::Decision> decisions, const QString &text);

    // For the undo commands: writes `write` to the workspace at `path` (no capture, nothing
    // pushed); `done` is the status line once stored. A failure clears the undo stack, which
    // no longer matches the workspace.
    void replay(const QString &path, const Write &write, const QString &done);

    // A write is queued or running (undo and redo wait for it).
    bool isBusy() const { return m_pending > 0; }

    // Who the history records changes by: the login name ("analyst" when unknown).
    static QString userName();

Q_SIGNALS:
    void busyChanged(bool busy);
    // After each write: ok, and a line for the status bar.
    void finished(bool ok, const QString &message);

private:
    struct Outcome;
    void submit(const QString &path, Write write, const QString &text, bool push);
    static Outcome run(const std::string &path,
                       const Write &write,
                       bool capture,
                       const std::string &who,
                       std::int64_t now);

    Workbench *m_workbench;
    QUndoStack *m_undo;
    int m_pending = 0;
    QThreadPool m_pool;
};

} // namespace patchwise::ui
