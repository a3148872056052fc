// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "decisioncontroller.h"

#include <QUndoCommand>

namespace patchwise::ui {

// One edit of the decisions on the undo stack. It is pushed once its write is stored, so the
// first redo() (QUndoStack::push calls it) does nothing; undo() writes `backward` (what every
// key held before: recorded again, or removed when it held nothing), redo() writes `forward`
// again. The writes go through the controller's queue.
class DecisionCommand : public QUndoCommand
{
public:
    DecisionCommand(DecisionController *controller,
                    const QString &workspace,
                    DecisionController::Write forward,
                    DecisionController::Write backward,
                    const QString &text);

    void undo() override;
    void redo() override;

private:
    DecisionController *m_controller;
    QString m_workspace;
    DecisionController::Write m_forward, m_backward;
    bool m_stored = true; // the forward write is in the workspace already (on push)
};

} // namespace patchwise::ui
