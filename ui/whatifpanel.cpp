// SPDX-License-Identifier: GPL-3.0-or-later
#include "whatifpanel.h"

#include "icons.h"
#include "severitystyle.h"
#include "workbench.h"

#include <QComboBox>
#include <QCryptographicHash>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSettings>
#include <QSpinBox>
#include <QTimer>
#include <QVBoxLayout>
#include <set>

namespace patchwise::ui {

namespace {

constexpr const char *kEnvMetrics[4] = {"CR", "IR", "AR", "MAV"};

QString settingsKey(const QString &path)
{
    // QSettings keys may not hold every path character; a hash is stable and safe.
    return QStringLiteral("policy/") +
           QString::fromLatin1(
               QCryptographicHash::hash(path.toUtf8(), QCryptographicHash::Sha1).toHex().left(16));
}

} // namespace

risk::Policy WhatIfPanel::storedPolicy(const QString &workspacePath)
{
    const QString json = QSettings().value(settingsKey(workspacePath)).toString();
    if (!json.isEmpty())
        if (auto p = risk::parsePolicy(json.toStdString(), "saved policy"); p)
            return *p;
    return risk::defaultPolicy();
}

WhatIfPanel::WhatIfPanel(Workbench *workbench, QWidget *parent)
    : QWidget(parent)
    , m_workbench(workbench)
{
    m_debounce = new QTimer(this);
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(120);
    connect(m_debounce, &QTimer::timeout, this, &WhatIfPanel::apply);
    const auto changed = [this] {
        if (!m_filling)
            m_debounce->start();
    };

    auto *content = new QWidget;
    auto *layout = new QVBoxLayout(content);

    auto *scenarioRow = new QHBoxLayout;
    m_scenarios = new QComboBox;
    m_scenarios->setObjectName(QStringLiteral("scenarioBox"));
    m_scenarios->setToolTip(tr("Named scenarios: load one to compare"));
    scenarioRow->addWidget(new QLabel(tr("Scenario:")));
    scenarioRow->addWidget(m_scenarios, 1);
    layout->addLayout(scenarioRow);
    connect(m_scenarios, &QComboBox::activated, this, &WhatIfPanel::loadScenario);

    auto *severity = new QGroupBox(tr("Severity source"));
    auto *sl = new QVBoxLayout(severity);
    m_mode = new QComboBox;
    m_mode->setObjectName(QStringLiteral("severityMode"));
    m_mode->addItem(tr("OS vendor first (GHSA for language packages)"),
                    int(risk::SeverityMode::VendorFirst));
    m_mode->addItem(tr("NVD first"), int(risk::SeverityMode::NvdFirst));
    m_mode->addItem(tr("Highest of any source"), int(risk::SeverityMode::Highest));
    sl->addWidget(m_mode);
    connect(m_mode, &QComboBox::currentIndexChanged, this, changed);
    layout->addWidget(severity);

    auto *weights = new QGroupBox(tr("Factor weights (points at worst)"));
    auto *wl = new QFormLayout(weights);
    for (int k = 0; k < risk::FactorCount; ++k) {
        auto *box = new QDoubleSpinBox;
        box->setObjectName(QStringLiteral("weight%1").arg(k));
        box->setRange(0, 10);
        box->setSingleStep(0.25);
        box->setDecimals(2);
        wl->addRow(factorTitle(risk::Factor(k)), box);
        m_weights[std::size_t(k)] = box;
        connect(box, &QDoubleSpinBox::valueChanged, this, changed);
    }
    m_sum = new QLabel;
    m_sum->setObjectName(QStringLiteral("weightSum"));
    wl->addRow(tr("Maximum score"), m_sum);
    layout->addWidget(weights);

    auto *sla = new QGroupBox(tr("SLA (days to fix)"));
    auto *sll = new QFormLayout(sla);
    const QString names[4] = {tr("Critical"), tr("High"), tr("Medium"), tr("Low")};
    for (int i = 0; i < 4; ++i) {
        auto *box = new QSpinBox;
        box->setRange(1, 3650);
        box->setSuffix(tr(" days"));
        sll->addRow(names[i], box);
        m_sla[std::size_t(i)] = box;
        connect(box, &QSpinBox::valueChanged, this, changed);
    }
    layout->addWidget(sla);

    auto *env = new QGroupBox(tr("Environmental CVSS metrics"));
    auto *el = new QFormLayout(env);
    m_scope = new QComboBox;
    m_scope->setObjectName(QStringLiteral("envScope"));
    el->addRow(tr("Scope"), m_scope);
    const QStringList requirement{tr("not set"), tr("Low"), tr("Medium"), tr("High")};
    const QStringList vectors{
        tr("not set"), tr("Network"), tr("Adjacent"), tr("Local"), tr("Physical")};
    const QString titles[4] = {tr("Confidentiality req."),
                               tr("Integrity req."),
                               tr("Availability req."),
                               tr("Attack vector")};
    for (int i = 0; i < 4; ++i) {
        auto *box = new QComboBox;
        box->addItems(i < 3 ? requirement : vectors);
        el->addRow(titles[i], box);
        m_env[std::size_t(i)] = box;
        connect(box, &QComboBox::currentIndexChanged, this, [this, changed] {
            if (m_filling)
                return;
            // Record the scope's metrics, then rescore.
            const QVariant scope = m_scope->currentData();
            const auto kind = risk::EnvironmentalOverride::Scope(scope.toList().value(0).toInt());
            const std::string value = scope.toList().value(1).toString().toStdString();
            std::erase_if(m_environment,
                          [&](const auto &o) { return o.scope == kind && o.value == value; });
            risk::EnvironmentalOverride o;
            o.scope = kind;
            o.value = value;
            static const char *req[] = {"", "L", "M", "H"};
            static const char *av[] = {"", "N", "A", "L", "P"};
            for (int m = 0; m < 4; ++m) {
                const int index = m_env[std::size_t(m)]->currentIndex();
                if (index > 0)
                    o.metrics.emplace_back(kEnvMetrics[m], m < 3 ? req[index] : av[index]);
            }
            if (!o.metrics.empty())
                m_environment.push_back(std::move(o));
            changed();
        });
    }
    connect(m_scope, &QComboBox::currentIndexChanged, this, &WhatIfPanel::showEnvironment);
    layout->addWidget(env);

    auto *buttons = new QHBoxLayout;
    auto *save = new QPushButton(themedIcon(Icon::Save), tr("Save"));
    save->setObjectName(QStringLiteral("savePolicy"));
    save->setToolTip(tr("Make this the workspace's policy (rank changes are measured from it)"));
    auto *discard = new QPushButton(themedIcon(Icon::Discard), tr("Discard"));
    discard->setObjectName(QStringLiteral("discardPolicy"));
    auto *scenario = new QPushButton(themedIcon(Icon::BookmarkAdd), tr("Save as scenario…"));
    buttons->addWidget(save);
    buttons->addWidget(discard);
    buttons->addWidget(scenario);
    connect(save, &QPushButton::clicked, this, &WhatIfPanel::save);
    connect(discard, &QPushButton::clicked, this, &WhatIfPanel::discard);
    connect(scenario, &QPushButton::clicked, this, &WhatIfPanel::saveScenario);
    layout->addLayout(buttons);
    m_status = new QLabel;
    m_status->setObjectName(QStringLiteral("whatIfStatus"));
    m_status->setWordWrap(true);
    layout->addWidget(m_status);
    layout->addStretch();

    auto *scroll = new QScrollArea;
    scroll->setWidget(content);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    // Wide enough for the form and the button row (as built, before the scope names arrive):
    // the panel scrolls vertically only.
    scroll->setMinimumWidth(content->minimumSizeHint().width() +
                            scroll->verticalScrollBar()->sizeHint().width());
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(scroll);

    connect(workbench, &Workbench::loaded, this, [this] {
        fillScopes();
        showPolicy(m_workbench->policy());
        refreshStatus();
    });
    connect(workbench, &Workbench::rescored, this, &WhatIfPanel::refreshStatus);
    showPolicy(workbench->policy());
    m_scenarios->addItem(tr("(current)"));
    for (const QString &name : QSettings().value(QStringLiteral("scenarios/names")).toStringList())
        m_scenarios->addItem(name);
}

void WhatIfPanel::showPolicy(const risk::Policy &p)
{
    m_filling = true;
    m_mode->setCurrentIndex(std::max(0, m_mode->findData(int(p.severityMode))));
    for (int k = 0; k < risk::FactorCount; ++k)
        m_weights[std::size_t(k)]->setValue(p.weights[std::size_t(k)]);
    const model::Severity order[4] = {model::Severity::Critical,
                                      model::Severity::High,
                                      model::Severity::Medium,
                                      model::Severity::Low};
    for (int i = 0; i < 4; ++i)
        m_sla[std::size_t(i)]->setValue(p.slaDays[std::size_t(order[i])]);
    m_environment = p.environmental;
    m_filling = false;
    showEnvironment();
    m_sum->setText(QString::number(p.weightSum(), 'f', 2));
}

void WhatIfPanel::fillScopes()
{
    m_filling = true;
    m_scope->clear();
    m_scope->addItem(tr("Whole fleet"),
                     QVariantList{int(risk::EnvironmentalOverride::Scope::Fleet), QString()});
    if (m_workbench->isOpen()) {
        std::set<std::string> namespaces, repositories;
        for (const risk::ImageFacts &image : m_workbench->facts().images) {
            namespaces.insert(image.namespaces.begin(), image.namespaces.end());
            repositories.insert(image.repositories.begin(), image.repositories.end());
        }
        for (const std::string &n : namespaces)
            m_scope->addItem(tr("Namespace %1").arg(QString::fromStdString(n)),
                             QVariantList{int(risk::EnvironmentalOverride::Scope::Namespace),
                                          QString::fromStdString(n)});
        for (const std::string &r : repositories)
            m_scope->addItem(tr("Image %1").arg(QString::fromStdString(r)),
                             QVariantList{int(risk::EnvironmentalOverride::Scope::Repository),
                                          QString::fromStdString(r)});
    }
    m_filling = false;
}

void WhatIfPanel::showEnvironment()
{
    const QVariantList scope = m_scope->currentData().toList();
    const auto kind = risk::EnvironmentalOverride::Scope(scope.value(0).toInt());
    const std::string value = scope.value(1).toString().toStdString();
    m_filling = true;
    for (QComboBox *box : m_env)
        box->setCurrentIndex(0);
    for (const auto &o : m_environment)
        if (o.scope == kind && o.value == value)
            for (const auto &[metric, v] : o.metrics)
                for (int m = 0; m < 4; ++m)
                    if (metric == kEnvMetrics[m]) {
                        static const QString req = QStringLiteral("-LMH"),
                                             av = QStringLiteral("-NALP");
                        const int index = (m < 3 ? req : av).indexOf(QString::fromStdString(v));
                        m_env[std::size_t(m)]->setCurrentIndex(std::max(0, index));
                    }
    m_filling = false;
}

risk::Policy WhatIfPanel::editedPolicy() const
{
    risk::Policy p = m_workbench->policy();
    p.severityMode = risk::SeverityMode(m_mode->currentData().toInt());
    for (int k = 0; k < risk::FactorCount; ++k)
        p.weights[std::size_t(k)] = m_weights[std::size_t(k)]->value();
    const model::Severity order[4] = {model::Severity::Critical,
                                      model::Severity::High,
                                      model::Severity::Medium,
                                      model::Severity::Low};
    for (int i = 0; i < 4; ++i)
        p.slaDays[std::size_t(order[i])] = m_sla[std::size_t(i)]->value();
    p.slaDays[std::size_t(model::Severity::Negligible)] = m_sla[3]->value();
    p.environmental = m_environment;
    return p;
}

void WhatIfPanel::apply()
{
    const risk::Policy p = editedPolicy();
    m_sum->setText(QString::number(p.weightSum(), 'f', 2));
    // The policy's own checks (weights add up to at most 10, …) decide what is valid.
    if (auto checked = risk::parsePolicy(risk::policyToJson(p)); !checked) {
        m_sum->setStyleSheet(QStringLiteral("color:#c62828"));
        m_status->setText(tr("Not applied: %1").arg(QString::fromStdString(checked.error())));
        return;
    }
    m_sum->setStyleSheet(QString());
    m_status->setText(tr("Rescoring…"));
    m_workbench->setPolicy(p);
}

void WhatIfPanel::refreshStatus()
{
    if (!m_workbench->isOpen())
        return;
    std::size_t moved = 0, up = 0;
    const risk::Scoring &s = m_workbench->scoring();
    for (std::size_t f = 0; f < s.size(); ++f) {
        const auto before = m_workbench->savedRank(f), now = s.rank(f);
        moved += before != now;
        up += now < before;
    }
    const bool edited =
        risk::policyToJson(m_workbench->policy()) != risk::policyToJson(m_workbench->savedPolicy());
    m_status->setText(
        edited ? tr("Unsaved what-if: %1 findings changed rank (%2 moved up).")
                     .arg(QLocale().toString(qulonglong(moved)), QLocale().toString(qulonglong(up)))
               : tr("The saved policy is in effect."));
}

void WhatIfPanel::save()
{
    if (!m_workbench->isOpen())
        return;
    QSettings().setValue(settingsKey(m_workbench->path()),
                         QString::fromStdString(risk::policyToJson(m_workbench->policy())));
    m_workbench->markPolicySaved();
    Q_EMIT statusMessage(tr("Policy saved for this workspace."));
}

void WhatIfPanel::discard()
{
    showPolicy(m_workbench->savedPolicy());
    m_workbench->setPolicy(m_workbench->savedPolicy());
}

void WhatIfPanel::saveScenario()
{
    bool ok = false;
    const QString name =
        QInputDialog::getText(
            this, tr("Save scenario"), tr("Scenario name:"), QLineEdit::Normal, QString(), &ok)
            .trimmed();
    if (!ok || name.isEmpty())
        return;
    QSettings settings;
    QStringList names = settings.value(QStringLiteral("scenarios/names")).toStringList();
    if (!names.contains(name)) {
        names << name;
        m_scenarios->addItem(name);
    }
    settings.setValue(QStringLiteral("scenarios/names"), names);
    risk::Policy p = editedPolicy();
    p.name = name.toStdString();
    settings.setValue(QStringLiteral("scenarios/") + QString::fromLatin1(name.toUtf8().toHex()),
                      QString::fromStdString(risk::policyToJson(p)));
    Q_EMIT statusMessage(tr("Scenario \"%1\" saved.").arg(name));
}

void WhatIfPanel::loadScenario(int index)
{
    if (index <= 0)
        return;
    const QString name = m_scenarios->itemText(index);
    const QString json =
        QSettings()
            .value(QStringLiteral("scenarios/") + QString::fromLatin1(name.toUtf8().toHex()))
            .toString();
    auto p = risk::parsePolicy(json.toStdString(), "scenario");
    if (!p) {
        m_status->setText(
            tr("Scenario \"%1\" cannot be read: %2").arg(name, QString::fromStdString(p.error())));
        return;
    }
    showPolicy(*p);
    m_workbench->setPolicy(*p);
}

} // namespace patchwise::ui
