// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Waiting for the main window of the workbench GUI tests: a workspace opened, and every
// decision write stored, the workbench reloaded and the triage rows rebuilt.

#include "decisioncontroller.h"
#include "mainwindow.h"
#include "triagemodel.h"
#include "triagepage.h"
#include "workbench.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

namespace windowwait {

inline bool openAndWait(patchwise::ui::MainWindow &window, const QString &path)
{
    QSignalSpy loaded(window.workbench(), &patchwise::ui::Workbench::loaded);
    window.openWorkspace(path);
    return loaded.wait(10000) || !loaded.isEmpty();
}

inline bool settle(patchwise::ui::MainWindow &window)
{
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < 15000) {
        QTest::qWait(20);
        if (!window.decisionController()->isBusy() && !window.workbench()->isLoading() &&
            !window.triagePage()->model()->isRebuilding())
            return true;
    }
    return false;
}

} // namespace windowwait
