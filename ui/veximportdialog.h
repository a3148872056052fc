// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ingest/vex.h"
#include "store/vexmatch.h"

#include <QDialog>
#include <QStringList>
#include <vector>

class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QTreeWidget;
class QTreeWidgetItem;

namespace patchwise::ui {

class Workbench;

// File ▸ Import VEX…: the preview of what VEX documents would decide. One row per statement
// (vulnerability, VEX status → triage state, products, how many findings it matches now),
// unfolding into the findings it matches and — for a statement that matches nothing — why
// (the vulnerability is not reported, no image has that digest, the package is at another
// version or named otherwise). Statements can be left out one by one; statements that match
// nothing now are recorded too (they apply to later scans) unless that box is cleared.
// Accepting hands decisions() to the caller, which records them as one undoable edit.
class VexImportDialog : public QDialog
{
    Q_OBJECT

public:
    explicit VexImportDialog(const Workbench *workbench, QWidget *parent = nullptr);

    // Reads and matches the documents against the workbench's current facts. false when a
    // file cannot be read as VEX; errorText() then names the file and the place, and nothing
    // is shown.
    bool load(const QStringList &paths);
    QString errorText() const { return m_error; }

    // The decisions of the statements ticked (and, when the box is cleared, only of those
    // that match findings now), in document order.
    std::vector<store::Decision> decisions() const;
    // Statements listed, and of them those that match no finding now.
    int statementCount() const { return int(m_rows.size()); }
    int unmatchedCount() const;

    QTreeWidget *tree() const { return m_tree; }
    QCheckBox *recordUnmatchedBox() const { return m_recordUnmatched; }
    QCheckBox *onlyUnmatchedBox() const { return m_onlyUnmatched; }

private:
    struct Row
    {
        std::size_t document = 0;
        store::VexMatch match;
        QTreeWidgetItem *item = nullptr;
    };
    void populate();
    void updateSummary();

    const Workbench *m_workbench;
    std::vector<ingest::VexDocument> m_documents;
    std::vector<Row> m_rows;
    QString m_error;
    QLabel *m_summary;
    QTreeWidget *m_tree;
    QCheckBox *m_onlyUnmatched;
    QCheckBox *m_recordUnmatched;
    QDialogButtonBox *m_buttons;
};

} // namespace patchwise::ui
