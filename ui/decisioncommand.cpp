// SPDX-License-Identifier: GPL-3.0-or-later
#include "decisioncommand.h"

#include <QCoreApplication>

namespace patchwise::ui {

DecisionCommand::DecisionCommand(DecisionController *controller,
                                 const QString &workspace,
                                 DecisionController::Write forward,
                                 DecisionController::Write backward,
                                 const QString &text)
    : QUndoCommand(text)
    , m_controller(controller)
    , m_workspace(workspace)
    , m_forward(std::move(forward))
    , m_backward(std::move(backward))
{}

void DecisionCommand::undo()
{
    m_controller->replay(m_workspace,
                         m_backward,
                         QCoreApplication::translate("DecisionCommand", "Undone: %1").arg(text()));
    m_stored = false;
}

void DecisionCommand::redo()
{
    if (m_stored)
        return; // pushed after its write: nothing to do yet
    m_controller->replay(m_workspace,
                         m_forward,
                         QCoreApplication::translate("DecisionCommand", "Redone: %1").arg(text()));
    m_stored = true;
}

} // namespace patchwise::ui
