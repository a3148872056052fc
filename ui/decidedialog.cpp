// SPDX-License-Identifier: GPL-3.0-or-later
#include "decidedialog.h"

#include "decisioncontroller.h"
#include "decisionlabels.h"
#include "model/imageref.h"
#include "store/decisions.h"
#include "workbench.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QPushButton>
#include <QRadioButton>
#include <QToolButton>
#include <QVBoxLayout>
#include <set>

namespace patchwise::ui {

namespace {

// Above this many findings the dialog does not count what each scope would cover (a pass
// over every finding per scope, on the GUI thread).
constexpr std::size_t kCoverageLimit = 300000;

QString fromStd(std::string_view s)
{
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

} // namespace

DecideDialog::DecideDialog(const Workbench &workbench,
                           const std::vector<std::uint32_t> &findings,
                           QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Decide"));
    setObjectName(QStringLiteral("decideDialog"));

    std::vector<std::uint32_t> selected;
    std::set<std::uint32_t> images, vulns;
    std::set<std::string> repositories;
    const risk::Facts *facts = workbench.isOpen() ? &workbench.facts() : nullptr;
    if (facts)
        for (std::uint32_t f : findings)
            if (f < facts->size()) {
                selected.push_back(f);
                images.insert(facts->image[f]);
                vulns.insert(facts->vuln[f]);
            }
    m_findings = int(selected.size());
    for (std::uint32_t image : images)
        repositories.insert(model::imageRepository(facts->images[image].name));
    m_covers.fill(-1);
    const int common = selected.empty() ? -1 : workbench.decisionOf(selected.front());
    bool sameDecision = common >= 0;
    for (int s = 0; s < 3 && facts; ++s) {
        store::Decision pattern;
        pattern.scope = model::DecisionScope(s);
        m_keys[std::size_t(s)] = store::decisionsForFindings(*facts, selected, pattern);
        if (facts->size() <= kCoverageLimit) {
            const store::DecisionMatcher matcher(m_keys[std::size_t(s)], *facts);
            int covers = 0;
            for (std::size_t f = 0; f < facts->size(); ++f)
                covers += matcher.decisionOf(std::uint32_t(f)) >= 0;
            m_covers[std::size_t(s)] = covers;
        }
    }
    // A decision of a narrower scope (or, in the same scope, one pinned to the installed
    // version) keeps deciding the findings it covers.
    for (std::uint32_t f : selected) {
        const int d = workbench.decisionOf(f);
        sameDecision = sameDecision && d == common;
        if (d < 0)
            continue;
        const store::Decision &existing = workbench.decisions()[std::size_t(d)];
        for (int s = 0; s < 3; ++s)
            if (int(existing.scope) < s || (int(existing.scope) == s && !existing.version.empty()))
                ++m_overruled[std::size_t(s)];
    }

    m_summary = new QLabel;
    m_summary->setObjectName(QStringLiteral("decideSummary"));
    m_summary->setWordWrap(true);
    m_summary->setText(
        tr("<b>%1</b> selected: %2 in %3.")
            .arg(findingsText(m_findings),
                 countText(qint64(vulns.size()),
                           QT_TRANSLATE_NOOP("DecisionLabels", "%1 vulnerability"),
                           QT_TRANSLATE_NOOP("DecisionLabels", "%1 vulnerabilities")),
                 countText(qint64(images.size()),
                           QT_TRANSLATE_NOOP("DecisionLabels", "%1 image"),
                           QT_TRANSLATE_NOOP("DecisionLabels", "%1 images"))));

    m_state = new QComboBox;
    m_state->setObjectName(QStringLiteral("stateBox"));
    for (int s = 0; s < model::TriageStateCount; ++s)
        m_state->addItem(triageStateLabel(model::TriageState(s)), s);
    m_state->setCurrentIndex(int(model::TriageState::InTriage));

    // The scopes, with what each writes and covers.
    m_scopes = new QButtonGroup(this);
    auto *scopeBox = new QVBoxLayout;
    scopeBox->setSpacing(2);
    const QString oneImage =
        images.size() == 1 ? fromStd(facts->images[*images.begin()].name) : QString();
    const QString oneRepository =
        repositories.size() == 1 ? fromStd(*repositories.begin()) : QString();
    const QString scopeTexts[3] = {
        images.size() == 1 ? tr("This image only (%1)").arg(oneImage)
                           : tr("These %1 images only").arg(images.size()),
        repositories.size() == 1
            ? tr("Every tag of this repository (%1)").arg(oneRepository)
            : tr("Every tag of these %1 repositories").arg(repositories.size()),
        tr("Every image in the fleet"),
    };
    const char *names[3] = {"scopeDigest", "scopeRepository", "scopeFleet"};
    for (int s = 0; s < 3; ++s) {
        const int writes = int(m_keys[std::size_t(s)].size());
        QString count = decisionsText(writes);
        if (m_covers[std::size_t(s)] >= 0)
            count += tr(", covering %1").arg(findingsText(m_covers[std::size_t(s)]));
        auto *button = new QRadioButton(scopeTexts[s] + QStringLiteral(" — ") + count);
        button->setObjectName(QLatin1String(names[s]));
        m_scopes->addButton(button, s);
        m_scopeButtons[std::size_t(s)] = button;
        scopeBox->addWidget(button);
    }
    m_scopeButtons[0]->setChecked(true);
    m_scopeNote = new QLabel;
    m_scopeNote->setObjectName(QStringLiteral("scopeNote"));
    m_scopeNote->setForegroundRole(QPalette::PlaceholderText);
    // Two lines, always: the dialog does not resize as the scope changes.
    m_scopeNote->setMinimumHeight(m_scopeNote->fontMetrics().lineSpacing() * 2 + 2);
    m_scopeNote->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    scopeBox->addWidget(m_scopeNote);

    m_reason = new QLineEdit;
    m_reason->setObjectName(QStringLiteral("reasonEdit"));
    m_reason->setPlaceholderText(tr("Why (required; kept in the history)"));
    m_reason->setMinimumWidth(420);

    // The expiry: the earliest date (today) reads "choose a date" and does not count.
    m_expiry = new QDateEdit;
    m_expiry->setObjectName(QStringLiteral("expiryEdit"));
    m_expiry->setCalendarPopup(true);
    m_expiry->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    m_expiry->setMinimumDate(QDate::currentDate());
    m_expiry->setSpecialValueText(tr("choose a date"));
    m_expiry->setDate(m_expiry->minimumDate());
    m_expiry->setToolTip(tr("The acceptance stops applying at the start of this day (UTC)"));
    auto *presets = new QToolButton;
    presets->setObjectName(QStringLiteral("expiryPresets"));
    presets->setText(tr("In…"));
    presets->setPopupMode(QToolButton::InstantPopup);
    auto *presetMenu = new QMenu(presets);
    const std::pair<const char *, int> kPresets[] = {
        {QT_TR_NOOP("30 days"), 30},
        {QT_TR_NOOP("90 days"), 90},
        {QT_TR_NOOP("6 months"), 182},
        {QT_TR_NOOP("1 year"), 365},
    };
    for (const auto &[label, days] : kPresets)
        presetMenu->addAction(tr(label), this, [this, days = days] {
            setExpiry(QDate::currentDate().addDays(days));
        });
    presets->setMenu(presetMenu);
    auto *expiryRow = new QHBoxLayout;
    expiryRow->addWidget(m_expiry);
    expiryRow->addWidget(presets);
    expiryRow->addStretch();

    m_justification = new QComboBox;
    m_justification->setObjectName(QStringLiteral("justificationBox"));
    m_justification->addItem(tr("choose a justification"), QString());
    bool openVex = false;
    for (const JustificationChoice &j : justificationChoices()) {
        if (j.openVex && !openVex) {
            m_justification->insertSeparator(m_justification->count());
            openVex = true;
        }
        const QString value = QLatin1String(j.value);
        m_justification->addItem(value + (j.openVex ? tr(" (OpenVEX)") : tr(" (CycloneDX)")),
                                 value);
    }

    m_note = new QLineEdit;
    m_note->setObjectName(QStringLiteral("noteEdit"));
    m_note->setPlaceholderText(tr("Optional: a ticket, a link, what to check later"));
    m_owner = new QLineEdit(DecisionController::userName());
    m_owner->setObjectName(QStringLiteral("ownerEdit"));

    m_hint = new QLabel;
    m_hint->setObjectName(QStringLiteral("decideHint"));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setText(tr("Record"));
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        if (problem().isEmpty())
            accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *form = new QFormLayout;
    form->addRow(tr("State:"), m_state);
    form->addRow(tr("Applies to:"), scopeBox);
    form->addRow(tr("Reason:"), m_reason);
    form->addRow(tr("Accepted until:"), expiryRow);
    form->addRow(tr("Justification:"), m_justification);
    form->addRow(tr("Note:"), m_note);
    form->addRow(tr("Owner:"), m_owner);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addSpacing(4);
    layout->addLayout(form);
    layout->addSpacing(4);
    layout->addWidget(m_hint);
    layout->addWidget(buttons);

    if (sameDecision)
        prefill(workbench.decisions()[std::size_t(common)]);

    connect(m_state, &QComboBox::currentIndexChanged, this, &DecideDialog::updateState);
    connect(m_scopes, &QButtonGroup::idToggled, this, &DecideDialog::updateState);
    connect(m_reason, &QLineEdit::textChanged, this, &DecideDialog::updateState);
    connect(m_expiry, &QDateEdit::dateChanged, this, &DecideDialog::updateState);
    connect(m_justification, &QComboBox::currentIndexChanged, this, &DecideDialog::updateState);
    updateState();
    m_reason->setFocus();
}

void DecideDialog::prefill(const store::Decision &d)
{
    m_state->setCurrentIndex(int(d.state));
    m_scopeButtons[std::size_t(d.scope)]->setChecked(true);
    m_reason->setText(fromStd(d.reason));
    if (const int j = m_justification->findData(fromStd(d.justification)); j > 0)
        m_justification->setCurrentIndex(j);
    m_note->setText(fromStd(d.note));
    if (!d.owner.empty())
        m_owner->setText(fromStd(d.owner));
    if (d.expires > 0)
        setExpiry(QDateTime::fromSecsSinceEpoch(d.expires, Qt::UTC).date());
}

void DecideDialog::setState(model::TriageState state)
{
    m_state->setCurrentIndex(int(state));
}

model::TriageState DecideDialog::state() const
{
    return model::TriageState(m_state->currentData().toInt());
}

void DecideDialog::setScope(model::DecisionScope scope)
{
    m_scopeButtons[std::size_t(scope)]->setChecked(true);
}

model::DecisionScope DecideDialog::scope() const
{
    const int id = m_scopes->checkedId();
    return model::DecisionScope(id < 0 ? 0 : id);
}

void DecideDialog::setExpiry(const QDate &date)
{
    m_expiry->setDate(date.isValid() ? date : m_expiry->minimumDate());
}

int DecideDialog::decisionCount(model::DecisionScope scope) const
{
    return int(m_keys[std::size_t(scope)].size());
}

QString DecideDialog::commandText() const
{
    return decideCommandText(state(), m_findings);
}

QString DecideDialog::problem() const
{
    if (m_findings == 0)
        return tr("Select the findings to decide on in the triage table first.");
    if (m_reason->text().trimmed().isEmpty())
        return tr("Give a reason: it is kept in the decision's history.");
    const model::TriageState s = state();
    if (s == model::TriageState::RiskAccepted && m_expiry->date() <= m_expiry->minimumDate())
        return tr("An accepted risk needs the date it expires (after today).");
    if (s == model::TriageState::NotAffected &&
        !model::isVexJustification(m_justification->currentData().toString().toStdString()))
        return tr("\"Not affected\" needs a justification (CycloneDX or OpenVEX).");
    return {};
}

std::vector<store::Decision> DecideDialog::decisions() const
{
    std::vector<store::Decision> out = m_keys[std::size_t(scope())];
    const model::TriageState s = state();
    const std::string reason = m_reason->text().trimmed().toStdString();
    const std::string note = m_note->text().trimmed().toStdString();
    const std::string owner = m_owner->text().trimmed().toStdString();
    const std::string justification = s == model::TriageState::NotAffected
                                          ? m_justification->currentData().toString().toStdString()
                                          : std::string();
    const std::int64_t expires = s == model::TriageState::RiskAccepted
                                     ? m_expiry->date().startOfDay(Qt::UTC).toSecsSinceEpoch()
                                     : 0;
    for (store::Decision &d : out) {
        d.state = s;
        d.reason = reason;
        d.note = note;
        d.owner = owner;
        d.justification = justification;
        d.expires = expires;
    }
    return out;
}

void DecideDialog::updateState()
{
    const model::TriageState s = state();
    m_expiry->setEnabled(s == model::TriageState::RiskAccepted);
    if (auto *presets = findChild<QToolButton *>(QStringLiteral("expiryPresets")))
        presets->setEnabled(s == model::TriageState::RiskAccepted);
    m_justification->setEnabled(s == model::TriageState::NotAffected);

    // What the scope means later on, and whether narrower decisions keep some findings.
    QString note;
    switch (scope()) {
    case model::DecisionScope::Digest:
        note = tr("A rebuilt image (a new digest) needs deciding again.");
        break;
    case model::DecisionScope::Repository:
        note = tr("New tags and rebuilds of these repositories are covered too.");
        break;
    case model::DecisionScope::Fleet:
        note = tr("Every image with these vulnerabilities in these packages, now and later.");
        break;
    }
    if (const int overruled = m_overruled[std::size_t(scope())])
        note +=
            u'\n' +
            tr("%1 of the findings keep a narrower decision, which still applies.").arg(overruled);
    m_scopeNote->setText(note);

    const QString why = problem();
    m_ok->setEnabled(why.isEmpty());
    if (why.isEmpty()) {
        m_hint->setText(tr("Records %1.").arg(decisionsText(decisionCount(scope()))));
        m_hint->setForegroundRole(QPalette::PlaceholderText);
        m_hint->setStyleSheet(QString());
    } else {
        m_hint->setText(why);
        m_hint->setStyleSheet(
            QStringLiteral("color:%1").arg(expiredColor(m_hint->palette()).name()));
    }
}

} // namespace patchwise::ui
