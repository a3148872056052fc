// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/triage.h"
#include "store/workspace.h"

#include <QDialog>
#include <array>
#include <cstdint>
#include <vector>

class QButtonGroup;
class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;

namespace patchwise::ui {

class Workbench;

// Sets a decision on selected findings (`patchwise-cli decide` with a dialog): the state, the
// scope (this image, every tag of its repository, the fleet — with how many decisions each
// writes), the reason, and what some states need: an expiry date for an accepted risk, a VEX
// justification for "not affected". OK stays disabled, with a line saying why, until the
// decision is complete.
//
// Everything it writes is worked out from the workbench's facts when it opens, so a reload
// while it is open changes nothing. When every selected finding has the same decision, the
// fields start from it.
class DecideDialog : public QDialog
{
    Q_OBJECT

public:
    DecideDialog(const Workbench &workbench,
                 const std::vector<std::uint32_t> &findings,
                 QWidget *parent = nullptr);

    // The decisions OK records (store::decisionsForFindings under the chosen scope).
    std::vector<store::Decision> decisions() const;
    // How many decisions each scope writes.
    int decisionCount(model::DecisionScope scope) const;
    int findingCount() const { return m_findings; }
    // "Mark 12 findings false positive".
    QString commandText() const;
    // Why OK is disabled ("" when the decision is complete).
    QString problem() const;

    void setState(model::TriageState state);
    model::TriageState state() const;
    void setScope(model::DecisionScope scope);
    model::DecisionScope scope() const;
    // The date an accepted risk expires at (its start, UTC, like `decide --until`); a null
    // date clears it.
    void setExpiry(const QDate &date);

    QComboBox *stateBox() const { return m_state; }
    QLineEdit *reasonEdit() const { return m_reason; }
    QDateEdit *expiryEdit() const { return m_expiry; }
    QComboBox *justificationBox() const { return m_justification; }
    QLineEdit *noteEdit() const { return m_note; }
    QLineEdit *ownerEdit() const { return m_owner; }
    QLabel *hintLabel() const { return m_hint; }
    QPushButton *okButton() const { return m_ok; }

private:
    void prefill(const store::Decision &decision);
    void updateState();

    int m_findings = 0;
    // The keys each scope writes, computed when the dialog opens.
    std::array<std::vector<store::Decision>, 3> m_keys;
    // Selected findings decided by a decision narrower than each scope (which keeps winning).
    std::array<int, 3> m_overruled{};
    std::array<int, 3> m_covers{}; // findings the new decisions would cover; -1 not computed

    QComboBox *m_state;
    QButtonGroup *m_scopes;
    std::array<QRadioButton *, 3> m_scopeButtons{};
    QLineEdit *m_reason;
    QDateEdit *m_expiry;
    QComboBox *m_justification;
    QLineEdit *m_note;
    QLineEdit *m_owner;
    QLabel *m_summary;
    QLabel *m_scopeNote;
    QLabel *m_hint;
    QPushButton *m_ok;
};

} // namespace patchwise::ui
