// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "importcontroller.h"

#include <QMainWindow>

class QLabel;
class QDockWidget;
class QMenu;
class QProgressBar;
class QTabWidget;
class QToolButton;
class QUndoStack;

namespace patchwise::ui {

class CvssCalculatorPage;
class DecisionController;
class DecisionsPage;
class ExportController;
class ImagesPage;
class MatrixPage;
class PlanPage;
class WhatIfPanel;
class TriagePage;
class Workbench;

// The workbench window. It only assembles pages, menus, the status bar and the import and
// workspace plumbing; every page is its own class (ARCHITECTURE.md).
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    // `openLast`: reopen the last workspace (or the demo on first run). Tests pass false and
    // open what they need with openWorkspace().
    explicit MainWindow(QWidget *parent = nullptr, bool openLast = true);
    ~MainWindow() override;

    Workbench *workbench() const { return m_workbench; }
    TriagePage *triagePage() const { return m_triage; }
    MatrixPage *matrixPage() const { return m_matrix; }
    PlanPage *planPage() const { return m_plan; }
    ImagesPage *imagesPage() const { return m_imagesPage; }
    WhatIfPanel *whatIfPanel() const { return m_whatIf; }
    ImportController *importer() const { return m_importer; }
    ExportController *exporter() const { return m_exporter; }
    DecisionsPage *decisionsPage() const { return m_decisionsPage; }
    DecisionController *decisionController() const { return m_decisions; }
    // Every edit of the decisions, for Edit ▸ Undo and Redo; cleared when another workspace
    // is opened.
    QUndoStack *undoStack() const { return m_undo; }
    QAction *decideAction() const { return m_decide; }
    QAction *undoAction() const { return m_undoAction; }
    QAction *redoAction() const { return m_redoAction; }

    void openWorkspace(const QString &path);
    void importPaths(const QStringList &paths);
    // Builds the demo workspace from the bundled inputs (first time) and opens it.
    void openDemo();

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void createMenus();
    void showAbout();
    void newWorkspace();
    void chooseWorkspace();
    void chooseImport(bool folders);

public:
    // File ▸ Import VEX: reads the documents and shows the preview (ask = false accepts it at
    // once, for tests); accepting records its decisions as one undoable edit. false when no
    // workspace is open or a file is not VEX (the error is shown).
    bool importVex(const QStringList &paths, bool ask = true);
    // File ▸ Export ▸ Decisions as OpenVEX.
    bool exportOpenVex(const QString &path);
    // Where workspaces go by default: <XDG data>/Patchwise/Patchwise/workspaces, created
    // owner-only (0700) when missing.
    static QString workspacesFolder();

private:
    void rememberRecent(const QString &path);
    void fillRecentMenu();
    void updateStatus();
    void importFinished(const ImportController::Outcome &outcome);
    void showImportErrors(const ImportController::Outcome &outcome);
    void updateEditActions();

    Workbench *m_workbench;
    QUndoStack *m_undo;
    DecisionController *m_decisions;
    ImportController *m_importer;
    ExportController *m_exporter = nullptr;
    QTabWidget *m_pages = nullptr;
    TriagePage *m_triage = nullptr;
    DecisionsPage *m_decisionsPage = nullptr;
    QAction *m_decide = nullptr;
    QAction *m_undoAction = nullptr;
    QAction *m_redoAction = nullptr;
    ImagesPage *m_imagesPage = nullptr;
    MatrixPage *m_matrix = nullptr;
    PlanPage *m_plan = nullptr;
    WhatIfPanel *m_whatIf = nullptr;
    QDockWidget *m_whatIfDock = nullptr;
    CvssCalculatorPage *m_calculator = nullptr;
    QMenu *m_recent = nullptr;
    QLabel *m_workspaceLabel = nullptr;
    QProgressBar *m_progress = nullptr;
    QToolButton *m_cancel = nullptr;
    QWidget *m_errorPanel = nullptr;
    QLabel *m_errorText = nullptr;
    QString m_pendingDemo; // the demo workspace being built
};

} // namespace patchwise::ui
