// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "risk/policy.h"

#include <QWidget>
#include <array>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QSpinBox;
class QTimer;

namespace patchwise::ui {

class Workbench;

// Edits the policy live: severity source order, factor weights, SLA days and environmental
// CVSS metrics per scope (fleet, namespace, image repository). Every edit rescores and
// re-ranks at once (the triage table shows each finding's rank change against the saved
// policy); Save makes it the workspace's policy, Discard goes back, scenarios keep named
// alternatives. Saved policies and scenarios live in the settings, as policy JSON.
class WhatIfPanel : public QWidget
{
    Q_OBJECT

public:
    explicit WhatIfPanel(Workbench *workbench, QWidget *parent = nullptr);

    // The policy stored for a workspace (the default policy when none was saved).
    static risk::Policy storedPolicy(const QString &workspacePath);

    QDoubleSpinBox *weightBox(risk::Factor factor) const { return m_weights[std::size_t(factor)]; }
    QComboBox *severityModeBox() const { return m_mode; }

Q_SIGNALS:
    void statusMessage(const QString &message);

private:
    void showPolicy(const risk::Policy &policy); // fills the controls without applying
    risk::Policy editedPolicy() const;
    void apply();
    void save();
    void discard();
    void saveScenario();
    void loadScenario(int index);
    void showEnvironment();
    void fillScopes();
    void refreshStatus();

    Workbench *m_workbench;
    QComboBox *m_mode;
    std::array<QDoubleSpinBox *, risk::FactorCount> m_weights{};
    QLabel *m_sum;
    std::array<QSpinBox *, 4> m_sla{}; // critical, high, medium, low
    QComboBox *m_scope;
    std::array<QComboBox *, 4> m_env{}; // CR, IR, AR, MAV for the chosen scope
    QComboBox *m_scenarios;
    QLabel *m_status;
    QTimer *m_debounce;
    std::vector<risk::EnvironmentalOverride> m_environment;
    bool m_filling = false;
};

} // namespace patchwise::ui
